package dev.signalbox.core.spi;

/**
 * Why merging a change onto a tree stops at one path, after git's names for its conflicts.
 *
 * <p>{@link #RENAME} and {@link #CRISS_CROSS} are conservative: a merge simulation that does not
 * follow renames or several merge bases reports them rather than guess, and a real merge ({@code
 * git merge}) may still succeed.
 */
public enum ConflictKind {
  /** Both sides changed the same or adjacent lines, or a binary file, symlink or submodule. */
  CONTENT,
  /** One side deleted the file, the other changed it. */
  MODIFY_DELETE,
  /** Both sides added the file with different contents. */
  ADD_ADD,
  /** One side has a file where the other has a directory. */
  FILE_DIRECTORY,
  /** The sides made the path different kinds of entry: file, symlink or submodule. */
  DISTINCT_TYPES,
  /** Both sides changed the file's mode (the executable bit) differently. */
  MODE,
  /** A side renamed a path the other side touched: needs a real merge (conservative). */
  RENAME,
  /** The change and the tree have several merge bases: needs a real merge (conservative). */
  CRISS_CROSS;

  /** Whether a real merge may succeed where the simulation reported this kind. */
  public boolean isConservative() {
    return this == RENAME || this == CRISS_CROSS;
  }
}
