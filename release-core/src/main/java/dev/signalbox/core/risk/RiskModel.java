package dev.signalbox.core.risk;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.FeatureContribution;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained change-risk model: a logistic regression over shaped, standardised features, and the
 * Platt calibration that turns its logit into the probability of a revert within 90 days.
 *
 * <p>The logit is {@code intercept + Σ term.contribution}; since every term is centred on the
 * training data's mean, a term's contribution says how much this change's value moves the logit
 * away from a typical change's. Immutable and thread-safe.
 *
 * @param id the model's identifier, such as {@code signalbox-default}
 * @param version the model's version
 * @param intercept the logit of a change whose every term sits at its training mean
 * @param terms the weighted terms
 * @param platt the calibration of the logit
 */
public record RiskModel(
    String id, String version, double intercept, List<RiskTerm> terms, Platt platt) {
  /** Checks every field and copies the terms. */
  public RiskModel {
    Checks.token(RiskModel.class, "id", id);
    Checks.token(RiskModel.class, "version", version);
    Checks.finite(RiskModel.class, "intercept", intercept);
    terms = Checks.list(RiskModel.class, "terms", terms);
    Checks.present(RiskModel.class, "platt", platt);
  }

  /**
   * Signalbox's default model, trained on the public histories of {@code risk-data/}: the model of
   * {@link ModelCard#defaults()}.
   */
  public static RiskModel defaultModel() {
    return ModelCard.defaults().model();
  }

  /** The uncalibrated logit of {@code features}: the intercept plus every term's contribution. */
  public double logit(FeatureVector features) {
    double logit = intercept;
    for (RiskTerm term : terms) {
      logit += term.contribution(features);
    }
    return logit;
  }

  /** The calibrated probability that a change with {@code features} is reverted within 90 days. */
  public double probability(FeatureVector features) {
    return platt.probability(logit(features));
  }

  /**
   * Each term's contribution to the uncalibrated logit, in term order, named as {@link
   * RiskTerm#name()}; with the intercept they sum to {@link #logit}.
   */
  public List<FeatureContribution> contributions(FeatureVector features) {
    List<FeatureContribution> contributions = new ArrayList<>(terms.size());
    for (RiskTerm term : terms) {
      contributions.add(
          new FeatureContribution(
              term.name(), features.get(term.feature()), term.contribution(features)));
    }
    return List.copyOf(contributions);
  }

  /**
   * The {@link ChangeRisk} a change request carries: the calibrated probability, the change's
   * percentile among {@code history} ({@link PercentileTable#percentile}), the uncalibrated logit,
   * the intercept and each term's contribution, and this model's id and version.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  ChangeRisk risk(FeatureVector features, PercentileTable history) {
    Checks.present(RiskModel.class, "features", features);
    Checks.present(RiskModel.class, "history", history);
    double logit = logit(features);
    return new ChangeRisk(
        platt.probability(logit),
        history.percentile(logit),
        logit,
        intercept,
        contributions(features),
        id,
        version);
  }
}
