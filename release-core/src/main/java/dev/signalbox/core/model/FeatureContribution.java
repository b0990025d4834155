package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * One feature's part in a change's risk score: its value and what it added to the uncalibrated
 * logit ("touches a migration: +0.9").
 *
 * @param feature the feature's name, such as {@code touches_migration}
 * @param value the feature's value for this change
 * @param contribution what the feature added to the logit; negative lowers the risk
 */
public record FeatureContribution(String feature, double value, double contribution) {
  /** Checks the name and that both numbers are finite. */
  public FeatureContribution {
    Checks.token(FeatureContribution.class, "feature", feature);
    value = Checks.finite(FeatureContribution.class, "value", value);
    contribution = Checks.finite(FeatureContribution.class, "contribution", contribution);
  }
}
