package dev.signalbox.core.model;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.ArraySet;
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
    // The paths at head are distinct (the constructor refuses a repeat), so without a rename or a
    // copy they are the set as they are, in order, with nothing to hash; every decision asks.
    Object[] touched = new Object[files.size()];
    for (int i = 0; i < files.size(); i++) {
      FileChange file = files.get(i);
      if (file.oldPath().isPresent()) {
        return withOldPaths();
      }
      touched[i] = file.path();
    }
    return ArraySet.ofDistinct(touched, touched.length);
  }

  /**
   * The paths at head and the old paths, in order, each once where it first appears: an old path
   * that is also a path at head comes first where the file renamed from it stands, if earlier.
   */
  private Set<RepoPath> withOldPaths() {
    Object[] touched = new Object[files.size() * 2];
    Set<RepoPath> oldPaths = new HashSet<>();
    int size = 0;
    for (int i = 0; i < files.size(); i++) {
      FileChange file = files.get(i);
      if (!oldPaths.contains(file.path())) {
        touched[size++] = file.path();
      }
      if (file.oldPath().isPresent()) {
        RepoPath old = file.oldPath().get();
        int atHead = indexOf(old);
        if ((atHead < 0 || atHead > i) && oldPaths.add(old)) {
          touched[size++] = old;
        }
      }
    }
    return ArraySet.ofDistinct(touched, size);
  }

  /** The index of the file whose path at head is {@code path}, or -1; the files are in order. */
  private int indexOf(RepoPath path) {
    int low = 0;
    int high = files.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int order = files.get(mid).path().compareTo(path);
      if (order < 0) {
        low = mid + 1;
      } else if (order > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
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
