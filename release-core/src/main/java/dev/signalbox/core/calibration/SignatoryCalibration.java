package dev.signalbox.core.calibration;

import dev.signalbox.core.internal.Checks;

/**
 * How well one signatory's accepted risks were calibrated.
 *
 * @param signatory the id of the human whose key signed the acceptances (from the key registry)
 * @param count how many of their acceptances have a recorded outcome
 * @param brierScore the mean squared difference between stated probability and outcome (0 is
 *     perfect, 0.25 is what always saying 50% scores)
 * @param meanPredicted their mean stated probability
 * @param observedRate the share of their accepted risks that happened
 */
public record SignatoryCalibration(
    String signatory, long count, double brierScore, double meanPredicted, double observedRate) {
  /** Checks the fields. */
  public SignatoryCalibration {
    Checks.token(SignatoryCalibration.class, "signatory", signatory);
    brierScore = Checks.within(SignatoryCalibration.class, "brierScore", brierScore, 0, 1);
    meanPredicted = Checks.within(SignatoryCalibration.class, "meanPredicted", meanPredicted, 0, 1);
    observedRate = Checks.within(SignatoryCalibration.class, "observedRate", observedRate, 0, 1);
  }
}
