package dev.signalbox.core.calibration;

import java.util.Optional;

/**
 * How calls that carry no probability turned out: "not yet" decisions (was the fix asked for
 * needed?) or ships against a reviewer's advice (did shipping anyway lead to something?).
 *
 * @param calls how many changes had such a call
 * @param withOutcome how many of them have a recorded outcome since
 * @param adverse how many of those outcomes were adverse (an incident, a rollback, a fix proved
 *     needed)
 */
public record CallOutcomes(long calls, long withOutcome, long adverse) {
  /** The share of calls with an outcome whose outcome was adverse, if any has one. */
  public Optional<Double> adverseRate() {
    return withOutcome == 0 ? Optional.empty() : Optional.of((double) adverse / withOutcome);
  }
}
