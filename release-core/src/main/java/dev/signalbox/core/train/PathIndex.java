package dev.signalbox.core.train;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.FileChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths the boarded cars touch, each with the last merge group that touches it, so that a new
 * car finds the groups it overlaps in time proportional to its own paths and their depth, never by
 * comparing it with every other car.
 *
 * <p>Two paths overlap when they are in the same repository and equal, or one is a directory above
 * the other (a file replaced by a directory of that name). A renamed file touches both its old and
 * its new path. Paths are keyed as {@code repository NUL path}. Not thread-safe.
 */
final class PathIndex {
  /** The last group touching each file path. */
  private final Map<String, Integer> files;

  /** The last group touching a file below each directory. */
  private final Map<String, Integer> directories;

  PathIndex(int expectedPaths) {
    this.files = new HashMap<>(Math.max(16, expectedPaths * 2));
    this.directories = new HashMap<>(Math.max(16, expectedPaths));
  }

  /** The keys of the paths {@code change} touches, old paths of renames included. */
  static List<String> paths(ChangeRequest change) {
    List<FileChange> changes = change.changes().files();
    List<String> paths = new ArrayList<>(changes.size() + 1);
    for (FileChange file : changes) {
      paths.add(key(change.repository(), file.path().value()));
      file.oldPath().ifPresent(old -> paths.add(key(change.repository(), old.value())));
    }
    return paths;
  }

  /** The key of {@code path} in {@code repository}. */
  static String key(String repository, String path) {
    return repository + '\0' + path;
  }

  /** The last group a path of {@code paths} overlaps, or -1 if none does. */
  int lastGroup(List<String> paths) {
    int last = -1;
    for (String path : paths) {
      last = Math.max(last, files.getOrDefault(path, -1));
      last = Math.max(last, directories.getOrDefault(path, -1));
      int from = path.indexOf('\0') + 1;
      for (int slash = path.indexOf('/', from); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        last = Math.max(last, files.getOrDefault(path.substring(0, slash), -1));
      }
    }
    return last;
  }

  /** Records that group {@code group} touches {@code paths}; later groups only ever come later. */
  void add(List<String> paths, int group) {
    for (String path : paths) {
      files.merge(path, group, Math::max);
      int from = path.indexOf('\0') + 1;
      for (int slash = path.indexOf('/', from); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        directories.merge(path.substring(0, slash), group, Math::max);
      }
    }
  }
}
