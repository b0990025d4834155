package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A change's calibrated risk: the probability that it is reverted within 90 days, where it stands
 * among its repository's history, and why.
 *
 * @param probability the calibrated probability, within [0, 1]
 * @param percentile the change's percentile among the repository's history, within [0, 100]
 * @param contributions each feature's contribution to the uncalibrated logit
 * @param modelId the scoring model's identifier
 * @param modelVersion the scoring model's version
 */
public record ChangeRisk(
    double probability,
    double percentile,
    List<FeatureContribution> contributions,
    String modelId,
    String modelVersion) {
  /** Checks the ranges and that each feature appears once. */
  public ChangeRisk {
    probability = Checks.within(ChangeRisk.class, "probability", probability, 0, 1);
    percentile = Checks.within(ChangeRisk.class, "percentile", percentile, 0, 100);
    contributions = Checks.list(ChangeRisk.class, "contributions", contributions);
    Set<String> features = new HashSet<>();
    for (int i = 0; i < contributions.size(); i++) {
      String feature = contributions.get(i).feature();
      if (!features.add(feature)) {
        throw new InvalidValueException(
            ChangeRisk.class, "contributions[" + i + "].feature", "must not appear twice", feature);
      }
    }
    Checks.token(ChangeRisk.class, "modelId", modelId);
    Checks.token(ChangeRisk.class, "modelVersion", modelVersion);
  }
}
