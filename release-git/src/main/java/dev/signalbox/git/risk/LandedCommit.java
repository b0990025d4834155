package dev.signalbox.git.risk;

import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.risk.RiskDataRow;

/**
 * One non-merge commit of a first-parent history with its risk features, computed only from what
 * was known when it landed, and its later revert outcome: one row of the risk data.
 *
 * @param sha the commit id
 * @param authorTime the author date, in Unix seconds
 * @param commitTime the committer date, in Unix seconds
 * @param authorId the first ten hex digits of the SHA-1 of the author's e-mail
 * @param features the features known when it landed
 * @param outcome whether a later commit on the history reverted it
 * @param censored it landed within the 90 days before the history's head, so its label is not yet
 *     known
 */
public record LandedCommit(
    String sha,
    long authorTime,
    long commitTime,
    String authorId,
    FeatureVector features,
    RevertOutcome outcome,
    boolean censored) {

  /** This commit as a row of risk data, to train or evaluate on. */
  public RiskDataRow row() {
    return new RiskDataRow(sha, commitTime, features, outcome.reverted(), censored);
  }
}
