package dev.signalbox.core.model;

/** What the policy decided for a change. */
public enum Outcome {
  /** Ship it. */
  SHIP,
  /** Defer: something is missing or holding the change; it may pass later unchanged. */
  NOT_YET,
  /** Rejected: the change needs a new revision. */
  SEND_BACK
}
