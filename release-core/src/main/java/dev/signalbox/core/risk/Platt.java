package dev.signalbox.core.risk;

import dev.signalbox.core.internal.Checks;

/**
 * Platt calibration: the probability {@code 1 / (1 + exp(−(slope × logit + offset)))} that maps a
 * model's uncalibrated logit to a calibrated probability.
 *
 * @param slope the logit's multiplier
 * @param offset the shift
 */
public record Platt(double slope, double offset) {
  /** Checks that both numbers are finite. */
  public Platt {
    Checks.finite(Platt.class, "slope", slope);
    Checks.finite(Platt.class, "offset", offset);
  }

  /** The identity calibration: the logistic of the logit itself. */
  public static Platt identity() {
    return new Platt(1, 0);
  }

  /** The calibrated probability of {@code logit}. */
  public double probability(double logit) {
    return Logistic.sigmoid(slope * logit + offset);
  }
}
