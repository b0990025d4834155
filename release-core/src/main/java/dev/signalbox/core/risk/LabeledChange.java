package dev.signalbox.core.risk;

import dev.signalbox.core.internal.Checks;

/**
 * A landed change to train on: its features when it landed and whether it was reverted within 90
 * days.
 *
 * @param features the change's features
 * @param reverted whether a later change reverted it within 90 days
 */
public record LabeledChange(FeatureVector features, boolean reverted) {
  /** Checks the features are present. */
  public LabeledChange {
    Checks.present(LabeledChange.class, "features", features);
  }
}
