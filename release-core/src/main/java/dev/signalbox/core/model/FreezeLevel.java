package dev.signalbox.core.model;

/** Which changes a freeze holds. */
public enum FreezeLevel {
  /** Holds all but P0 changes, security fixes and EMERGENCY changes with a valid acceptance. */
  NON_CRITICAL,
  /**
   * Holds all but EMERGENCY changes with a valid acceptance; a superset of {@link #NON_CRITICAL}.
   */
  ALL
}
