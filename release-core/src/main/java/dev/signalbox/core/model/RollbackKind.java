package dev.signalbox.core.model;

/** How a change is undone if it goes wrong. */
public enum RollbackKind {
  /** Revert the commit; the VCS can check that the revert applies. */
  REVERT,
  /** Ship a further change that fixes forward. */
  FORWARD_FIX,
  /** Turn a feature flag off. */
  FEATURE_FLAG,
  /** Run the down migration of a schema change. */
  MIGRATION_DOWN,
  /** Follow written manual steps. */
  MANUAL
}
