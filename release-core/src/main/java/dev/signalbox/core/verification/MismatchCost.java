package dev.signalbox.core.verification;

/** What a kind of claim mismatch costs a change, as a policy sets it. */
public enum MismatchCost {
  /** The change goes back for a new revision. */
  SEND_BACK,
  /** The change waits until the mismatch is resolved. */
  NOT_YET,
  /** The mismatch is reported in the decision's notes and holds nothing. */
  NOTE
}
