package dev.signalbox.core.verification;

import dev.signalbox.core.model.CheckConclusion;

/**
 * Where one named check stands on a change's head commit, judged by its latest run there.
 *
 * <p>As GitHub's required status checks: {@code SUCCESS} and {@code NEUTRAL} pass; {@code FAILURE},
 * {@code TIMED_OUT} and {@code CANCELLED} fail. Unlike GitHub, a {@code SKIPPED} run does not pass:
 * a check that ran nothing proves nothing, and missing evidence never lets a change ship.
 */
public enum CheckState {
  /** The latest run on the head commit succeeded (or ended neutral). */
  PASSED,
  /** The latest run on the head commit failed, timed out or was cancelled. */
  FAILED,
  /** The latest run on the head commit was skipped. */
  SKIPPED,
  /** The check ran only on other commits: those runs are stale and count for nothing. */
  STALE,
  /** The check has not run at all. */
  MISSING;

  /** The state a run that ended with {@code conclusion} on the head commit gives. */
  public static CheckState of(CheckConclusion conclusion) {
    return switch (conclusion) {
      case SUCCESS, NEUTRAL -> PASSED;
      case FAILURE, TIMED_OUT, CANCELLED -> FAILED;
      case SKIPPED -> SKIPPED;
    };
  }
}
