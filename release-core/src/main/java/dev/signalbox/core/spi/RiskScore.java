package dev.signalbox.core.spi;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRisk;

/**
 * A {@link RiskScorer}'s answer: the {@link ChangeRisk} a change request carries, and the
 * uncalibrated logit and intercept between which the risk's contributions add up ({@code logit =
 * intercept + Σ contribution}).
 *
 * @param risk the calibrated probability, percentile, contributions and model
 * @param logit the uncalibrated logit of the change
 * @param intercept the logit of a change to which every term contributes nothing
 */
public record RiskScore(ChangeRisk risk, double logit, double intercept) {
  /** Checks the risk is present and both numbers finite. */
  public RiskScore {
    Checks.present(RiskScore.class, "risk", risk);
    logit = Checks.finite(RiskScore.class, "logit", logit);
    intercept = Checks.finite(RiskScore.class, "intercept", intercept);
  }

  /** The calibrated probability of a revert within 90 days, as {@link ChangeRisk#probability()}. */
  public double probability() {
    return risk.probability();
  }
}
