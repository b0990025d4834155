package dev.signalbox.core.spi;

import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.risk.ModelCard;

/**
 * Scores a change's risk: the {@link ChangeRisk} a change request carries — the calibrated
 * probability that it is reverted within 90 days, its percentile among a reference history, the
 * uncalibrated logit and each feature's contribution to it.
 *
 * <p>A scorer reads the change's {@link FeatureVector}, computed from what was known when the
 * change lands (release-git computes it from a repository's history); the history it ranks the
 * change against (for the percentile) is the scorer's own, given when it is built, and its
 * documentation says which (see {@link ChangeRisk}). Its score is an additive logit: each
 * contribution is what one term adds to the uncalibrated logit, so that the intercept and the
 * contributions sum to the logit (as {@link ChangeRisk} requires), the intercept is the same for
 * every change, and the calibrated probability and the percentile never fall as the logit rises.
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
  ChangeRisk score(FeatureVector features);

  /**
   * The scorer of Signalbox's default model ({@link ModelCard#defaults()}), trained on the public
   * histories of {@code risk-data/}. It has no repository at hand, so its percentile ranks a change
   * among the model's training history (quantiles of the pooled logits of every usable commit of
   * those repositories), not among the change's own repository's history; release-git's {@code
   * GitRiskScorer} ranks among the repository's landed changes.
   */
  static RiskScorer defaults() {
    return ModelCard.defaults().scorer();
  }
}
