package dev.signalbox.core.model;

/** The change class of ITIL change management: how a change is approved. */
public enum ChangeClass {
  /** A pre-approved kind of change, such as a dependency bump within policy. */
  STANDARD,
  /** An ordinary change that goes through the whole review. */
  NORMAL,
  /** An urgent change that may pass a freeze, but only with a valid, signed risk acceptance. */
  EMERGENCY
}
