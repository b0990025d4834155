package dev.signalbox.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a change touches, from base to head, in path order; each path appears once.
 *
 * @param files the file changes, sorted by path whatever order they were given in
 */
public record ChangeSet(List<FileChange> files) {
  private static final ChangeSet EMPTY = new ChangeSet(List.of());

  /** Refuses a path given twice, then sorts the files by path. */
  public ChangeSet {
    files = Checks.list(ChangeSet.class, "files", files);
    Set<RepoPath> seen = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      RepoPath path = files.get(i).path();
      if (!seen.add(path)) {
        throw new InvalidValueException(
            ChangeSet.class, "files[" + i + "].path", "must not appear twice", path.value());
      }
    }
    List<FileChange> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(FileChange::path));
    files = ImmutableList.copyOf(sorted);
  }

  /** The change set that touches nothing. */
  public static ChangeSet empty() {
    return EMPTY;
  }

  /** The change set of the given files. */
  public static ChangeSet of(FileChange... files) {
    Checks.present(ChangeSet.class, "files", files);
    return new ChangeSet(Arrays.asList(files));
  }

  /** The paths touched at head, in order. */
  public List<RepoPath> paths() {
    return files.stream().map(FileChange::path).collect(ImmutableList.toImmutableList());
  }

  /** Every path touched: the paths at head and the old paths of renames and copies. */
  public Set<RepoPath> touchedPaths() {
    ImmutableSet.Builder<RepoPath> touched = ImmutableSet.builderWithExpectedSize(files.size());
    for (FileChange file : files) {
      touched.add(file.path());
      if (file.oldPath().isPresent()) {
        touched.add(file.oldPath().get());
      }
    }
    return touched.build();
  }

  /** Lines added across all files. */
  public long linesAdded() {
    return files.stream().mapToLong(FileChange::linesAdded).sum();
  }

  /** Lines removed across all files. */
  public long linesRemoved() {
    return files.stream().mapToLong(FileChange::linesRemoved).sum();
  }

  /** Whether the change set touches nothing. */
  public boolean isEmpty() {
    return files.isEmpty();
  }
}
