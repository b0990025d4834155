package dev.signalbox.core.model;

/** A reviewer's outcome on one risk surface. */
public enum VerdictOutcome {
  /** The reviewer approves the change on its surface. */
  APPROVE,
  /** The reviewer rejects the change on its surface. */
  REJECT,
  /** No judgement: the reviewer declined, or its answer could not be used; never an approval. */
  ABSTAIN
}
