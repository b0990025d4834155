package dev.signalbox.core.model;

/**
 * How far a wrong change would reach, from least to most; declaration order is the order of
 * severity.
 */
public enum BlastLevel {
  /** One component, no sensitive kinds. */
  LOW,
  /** Several components, or one sensitive kind. */
  MEDIUM,
  /** Many components or owners, or several sensitive kinds. */
  HIGH,
  /** The whole system, or its data, could be affected. */
  CRITICAL
}
