package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A change's calibrated risk: the probability that it is reverted within 90 days, where it stands
 * among a history of changes, and why — each feature's contribution to the uncalibrated logit,
 * which the intercept and the contributions add up to.
 *
 * <p><b>The percentile</b> is the share of a reference history's changes whose uncalibrated logit
 * is below this change's (ties counted half), in percent. The history is the one its scorer ranks
 * against: the repository's own landed changes where the scorer has read them (release-git's {@code
 * GitRiskScorer}: every non-merge commit on the base's first-parent history), and otherwise the
 * model's training history ({@link dev.signalbox.core.spi.RiskScorer#defaults()}, pooled over the
 * public repositories it was trained on; {@code ModelRiskScorer#rankedAmong()} says which). The
 * probability is comparable across repositories; the percentile only within its history.
 *
 * <p><b>The explanation adds up</b>: {@code intercept + Σ contributions = logit}, within {@link
 * #SUM_TOLERANCE} relative to the magnitudes summed ({@code |logit| + |intercept| + Σ
 * |contribution|}, plus one), which floating-point sums in any order meet.
 *
 * @param probability the calibrated probability, within [0, 1]
 * @param percentile the change's percentile among its scorer's reference history, within [0, 100]
 * @param logit the uncalibrated logit, whose calibration gives the probability
 * @param intercept the logit of a change to which every feature contributes nothing
 * @param contributions each feature's contribution to the uncalibrated logit, each feature once
 * @param modelId the scoring model's identifier
 * @param modelVersion the scoring model's version
 */
public record ChangeRisk(
    double probability,
    double percentile,
    double logit,
    double intercept,
    List<FeatureContribution> contributions,
    String modelId,
    String modelVersion) {
  /**
   * How far {@code intercept + Σ contributions} may lie from {@code logit}, relative to the
   * magnitudes summed plus one: rounding, never a missing term.
   */
  public static final double SUM_TOLERANCE = 1e-9;

  /** Checks the ranges, that each feature appears once and that the explanation adds up. */
  public ChangeRisk {
    probability = Checks.within(ChangeRisk.class, "probability", probability, 0, 1);
    percentile = Checks.within(ChangeRisk.class, "percentile", percentile, 0, 100);
    logit = Checks.finite(ChangeRisk.class, "logit", logit);
    intercept = Checks.finite(ChangeRisk.class, "intercept", intercept);
    contributions = Checks.list(ChangeRisk.class, "contributions", contributions);
    Set<String> features = new HashSet<>();
    double sum = intercept;
    double magnitude = 1 + Math.abs(logit) + Math.abs(intercept);
    for (int i = 0; i < contributions.size(); i++) {
      FeatureContribution contribution = contributions.get(i);
      if (!features.add(contribution.feature())) {
        throw new InvalidValueException(
            ChangeRisk.class,
            "contributions[" + i + "].feature",
            "must not appear twice",
            contribution.feature());
      }
      sum += contribution.contribution();
      magnitude += Math.abs(contribution.contribution());
    }
    if (!(Math.abs(sum - logit) <= SUM_TOLERANCE * magnitude)) {
      throw new InvalidValueException(
          ChangeRisk.class,
          "logit",
          "must be the intercept plus the contributions (" + sum + ")",
          logit);
    }
    Checks.token(ChangeRisk.class, "modelId", modelId);
    Checks.token(ChangeRisk.class, "modelVersion", modelVersion);
  }
}
