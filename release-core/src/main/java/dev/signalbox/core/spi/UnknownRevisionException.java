package dev.signalbox.core.spi;

/**
 * Thrown when a revision, tree or ref named in a call is not in the repository, or is not the kind
 * of object the call needs (a tree where a commit was asked for).
 */
public class UnknownRevisionException extends VersionControlException {
  private static final long serialVersionUID = 1L;

  private final String id;

  /**
   * Creates an exception for {@code id}.
   *
   * @param id the revision, tree id or ref name that was not found
   * @param problem what is wrong, phrased to follow the id ({@code is not in the repository})
   */
  public UnknownRevisionException(String id, String problem) {
    super(id + " " + problem);
    this.id = id;
  }

  /** The revision, tree id or ref name that was not found. */
  public String id() {
    return id;
  }
}
