package dev.signalbox.core.model;

/** How urgently a change must ship; {@code P0} passes a {@code NON_CRITICAL} freeze. */
public enum Criticality {
  /** Ordinary work. */
  ROUTINE,
  /** Important, but holds under any freeze. */
  HIGH,
  /** Must ship now: passes a {@code NON_CRITICAL} freeze and an exhausted error budget. */
  P0
}
