package dev.signalbox.core.model;

/** The result of checking that a car's revert applies to its train's final tree. */
public enum RevertStatus {
  /** The revert applies cleanly. */
  CLEAN,
  /** The revert conflicts on the listed paths. */
  CONFLICTS,
  /** Not checked (no version control was available). */
  NOT_CHECKED,
  /** The car's rollback plan is not a revert. */
  NOT_APPLICABLE
}
