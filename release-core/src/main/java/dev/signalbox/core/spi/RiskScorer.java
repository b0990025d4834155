package dev.signalbox.core.spi;

import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.risk.ModelCard;

/**
 * Scores a change's risk: the calibrated probability that it is reverted within 90 days, where it
 * stands among its repository's history, and each feature's contribution to the score — the {@link
 * dev.signalbox.core.model.ChangeRisk} a change request carries.
 *
 * <p>A scorer reads the change's {@link FeatureVector}, computed from what was known when the
 * change lands (release-git computes it from a repository's history); the history it ranks the
 * change against (for the percentile) is the scorer's own, given when it is built. Its score is an
 * additive logit: each contribution is what one term adds to the uncalibrated logit, so that the
 * contributions sum to the logit minus the intercept, and the calibrated probability never falls as
 * the logit rises.
 *
 * <p>Implementations are pure functions of the features (the same features give an equal score),
 * thread-safe, and do no I/O while scoring; a feature value outside its domain (a negative count, a
 * flag other than 0 or 1, an hour outside 0 to 23) is an {@link
 * dev.signalbox.core.InvalidValueException} naming it, never a score. The test kit's {@code
 * RiskScorerContract} checks an implementation.
 */
public interface RiskScorer {

  /**
   * The risk of a change with {@code features}.
   *
   * @throws dev.signalbox.core.InvalidValueException if {@code features} is null (field {@code
   *     features}) or a value lies outside its feature's domain (field {@code features.<column>})
   */
  RiskScore score(FeatureVector features);

  /**
   * The scorer of Signalbox's default model ({@link ModelCard#defaults()}), trained on the public
   * histories of {@code risk-data/}, ranking changes against that training history.
   */
  static RiskScorer defaults() {
    return ModelCard.defaults().scorer();
  }
}
