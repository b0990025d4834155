package dev.signalbox.core.spi;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.RepoPath;
import java.util.Locale;

/**
 * One path where a merge stops, and why.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param path the conflicting path, as it is in the tree merged onto (for a file/directory
 *     conflict, the path of the file)
 * @param kind why the merge stops there
 */
public record MergeConflict(RepoPath path, ConflictKind kind) {
  /**
   * Checks the fields.
   *
   * @throws dev.signalbox.core.InvalidValueException if a field is null
   */
  public MergeConflict {
    Checks.present(MergeConflict.class, "path", path);
    Checks.present(MergeConflict.class, "kind", kind);
  }

  /** The conflict of {@code kind} at {@code path}. */
  public static MergeConflict of(ConflictKind kind, String path) {
    return new MergeConflict(RepoPath.of(path), kind);
  }

  /** As git words it: {@code content: src/A.java}, {@code rename: needs a real merge: a.txt}. */
  @Override
  public String toString() {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '/');
    return (kind.isConservative() ? name + ": needs a real merge" : name) + ": " + path;
  }
}
