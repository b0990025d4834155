package dev.signalbox.core.risk;

import dev.signalbox.core.internal.Checks;

/**
 * One row of risk data: a landed commit's features and label, as the training CSVs hold them.
 *
 * @param sha the commit id
 * @param commitTime the committer date, in Unix seconds
 * @param features the features known when it landed
 * @param reverted whether it was reverted within 90 days
 * @param censored it landed within 90 days of the data's head, so its label is not yet known
 */
public record RiskDataRow(
    String sha, long commitTime, FeatureVector features, boolean reverted, boolean censored) {
  /** Checks the fields are present. */
  public RiskDataRow {
    Checks.text(RiskDataRow.class, "sha", sha);
    Checks.present(RiskDataRow.class, "features", features);
  }

  /**
   * Whether the evaluation protocol trains and tests on this row: not censored, not a bot's, not a
   * revert.
   */
  public boolean usable() {
    return !censored
        && features.get(ChangeFeature.IS_BOT) == 0
        && features.get(ChangeFeature.IS_REVERT) == 0;
  }

  /** The row as a labelled change to train on. */
  public LabeledChange labeled() {
    return new LabeledChange(features, reverted);
  }
}
