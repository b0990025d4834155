package dev.signalbox.core.verification;

/**
 * A kind of mismatch between what the producing agent claims and what the change and its checks
 * show, each with its finding code and the cost it has unless a policy says otherwise.
 */
public enum MismatchKind {
  /** A file the agent says it wrote (added or modified) that the change does not write. */
  CLAIMED_FILE_ABSENT("claimed-file-absent", MismatchCost.SEND_BACK),
  /** A file the agent says it deleted that the change does not delete. */
  CLAIMED_DELETION_ABSENT("claimed-deletion-absent", MismatchCost.SEND_BACK),
  /**
   * A file the change writes or deletes inside its declared scope that the agent does not claim.
   */
  UNCLAIMED_FILE("unclaimed-file", MismatchCost.NOT_YET),
  /**
   * A file the change writes or deletes outside its declared scope that the agent does not claim:
   * scope drift, which the {@code scope-drift} rule already sends back, so by default only noted.
   */
  UNCLAIMED_FILE_OUTSIDE_SCOPE("unclaimed-file-outside-scope", MismatchCost.NOTE),
  /** A test the agent says it added that no file the change writes holds. */
  CLAIMED_TEST_ABSENT("claimed-test-absent", MismatchCost.SEND_BACK),
  /**
   * A test the agent says it added or ran that no check on the change's head commit reports having
   * run.
   */
  CLAIMED_TEST_NOT_RUN("claimed-test-not-run", MismatchCost.NOT_YET);

  private final String code;
  private final MismatchCost defaultCost;

  MismatchKind(String code, MismatchCost defaultCost) {
    this.code = code;
    this.defaultCost = defaultCost;
  }

  /** The finding code, such as {@code claimed-file-absent}. */
  public String code() {
    return code;
  }

  /** What the mismatch costs when the policy does not say. */
  public MismatchCost defaultCost() {
    return defaultCost;
  }

  /** Whether the mismatch is about a file, whose path is then its subject. */
  public boolean aboutFile() {
    return this != CLAIMED_TEST_ABSENT && this != CLAIMED_TEST_NOT_RUN;
  }
}
