package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Optional;

/**
 * What a change did to one file.
 *
 * @param path the file's path at head (for a deletion, the path it had)
 * @param oldPath the path it was renamed or copied from; present exactly for {@link
 *     ChangeKind#RENAMED} and {@link ChangeKind#COPIED}
 * @param kind what happened to the file
 * @param linesAdded lines added; 0 for a binary file
 * @param linesRemoved lines removed; 0 for a binary file
 * @param binary whether the file is binary
 */
public record FileChange(
    RepoPath path,
    Optional<RepoPath> oldPath,
    ChangeKind kind,
    int linesAdded,
    int linesRemoved,
    boolean binary) {
  /** Checks that the fields agree with each other. */
  public FileChange {
    Checks.present(FileChange.class, "path", path);
    Checks.optional(FileChange.class, "oldPath", oldPath);
    Checks.present(FileChange.class, "kind", kind);
    Checks.atLeast(FileChange.class, "linesAdded", linesAdded, 0);
    Checks.atLeast(FileChange.class, "linesRemoved", linesRemoved, 0);
    boolean moved = kind == ChangeKind.RENAMED || kind == ChangeKind.COPIED;
    if (moved && oldPath.isEmpty()) {
      throw new InvalidValueException(
          FileChange.class, "oldPath", "must be present for a " + kind + " file", null);
    }
    if (!moved && oldPath.isPresent()) {
      throw new InvalidValueException(
          FileChange.class, "oldPath", "must be absent for a " + kind + " file", oldPath.get());
    }
    if (oldPath.isPresent() && oldPath.get().equals(path)) {
      throw new InvalidValueException(
          FileChange.class, "oldPath", "must differ from path", oldPath.get());
    }
    // each count on its own: their sum can overflow, and the message names the one that is wrong
    if (binary && linesAdded > 0) {
      throw new InvalidValueException(
          FileChange.class, "linesAdded", "must be 0 for a binary file", linesAdded);
    }
    if (binary && linesRemoved > 0) {
      throw new InvalidValueException(
          FileChange.class, "linesRemoved", "must be 0 for a binary file", linesRemoved);
    }
    if (kind == ChangeKind.ADDED && linesRemoved > 0) {
      throw new InvalidValueException(
          FileChange.class, "linesRemoved", "must be 0 for an ADDED file", linesRemoved);
    }
    if (kind == ChangeKind.DELETED && linesAdded > 0) {
      throw new InvalidValueException(
          FileChange.class, "linesAdded", "must be 0 for a DELETED file", linesAdded);
    }
  }

  /** A new text file of {@code lines} lines. */
  public static FileChange added(String path, int lines) {
    return new FileChange(RepoPath.of(path), Optional.empty(), ChangeKind.ADDED, lines, 0, false);
  }

  /** A text file modified in place. */
  public static FileChange modified(String path, int linesAdded, int linesRemoved) {
    return new FileChange(
        RepoPath.of(path), Optional.empty(), ChangeKind.MODIFIED, linesAdded, linesRemoved, false);
  }

  /** A deleted text file that had {@code lines} lines. */
  public static FileChange deleted(String path, int lines) {
    return new FileChange(RepoPath.of(path), Optional.empty(), ChangeKind.DELETED, 0, lines, false);
  }

  /** A text file moved from {@code oldPath} to {@code path}, possibly with edits. */
  public static FileChange renamed(String oldPath, String path, int linesAdded, int linesRemoved) {
    return new FileChange(
        RepoPath.of(path),
        Optional.of(RepoPath.of(oldPath)),
        ChangeKind.RENAMED,
        linesAdded,
        linesRemoved,
        false);
  }

  /** Lines added plus lines removed. */
  public long linesChanged() {
    return (long) linesAdded + linesRemoved;
  }
}
