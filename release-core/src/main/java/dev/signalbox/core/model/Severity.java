package dev.signalbox.core.model;

/** How serious a finding is, from least to most; declaration order is the order of severity. */
public enum Severity {
  /** Information only. */
  INFO,
  /** A minor problem. */
  LOW,
  /** A problem worth fixing. */
  MEDIUM,
  /** A serious problem. */
  HIGH,
  /** A problem that must not ship. */
  CRITICAL
}
