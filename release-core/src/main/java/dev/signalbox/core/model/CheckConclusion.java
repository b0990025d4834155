package dev.signalbox.core.model;

/** How a CI check run ended (the conclusions of GitHub's check runs). */
public enum CheckConclusion {
  /** The check passed. */
  SUCCESS,
  /** The check failed. */
  FAILURE,
  /** The check ended without passing or failing. */
  NEUTRAL,
  /** The check was cancelled. */
  CANCELLED,
  /** The check ran out of time. */
  TIMED_OUT,
  /** The check was skipped. */
  SKIPPED
}
