package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.spi.RiskScore;
import dev.signalbox.core.spi.RiskScorer;

/**
 * The {@link RiskScorer} of a trained {@link RiskModel}: the model's calibrated probability and
 * contributions, and the change's percentile among a repository's history given as a {@link
 * PercentileTable}.
 *
 * <p>Checks each feature's domain before scoring: counts, sizes and entropy at least 0, flags 0 or
 * 1, the hour within 0 to 23 and the weekday within 0 to 6 ({@code file_age_days_mean} may be any
 * finite number: clock skew makes a path's last change look later than this one). Immutable and
 * thread-safe.
 */
public final class ModelRiskScorer implements RiskScorer {
  private static final ChangeFeature[] FEATURES = ChangeFeature.values();

  private final RiskModel model;
  private final PercentileTable history;

  private ModelRiskScorer(RiskModel model, PercentileTable history) {
    this.model = model;
    this.history = history;
  }

  /**
   * A scorer of {@code model} that ranks changes among {@code history}.
   *
   * @throws InvalidValueException if an argument is null
   */
  public static ModelRiskScorer create(RiskModel model, PercentileTable history) {
    Checks.present(ModelRiskScorer.class, "model", model);
    Checks.present(ModelRiskScorer.class, "history", history);
    return new ModelRiskScorer(model, history);
  }

  /** The model this scorer scores with. */
  public RiskModel model() {
    return model;
  }

  /** The history this scorer ranks changes among. */
  public PercentileTable history() {
    return history;
  }

  @Override
  public RiskScore score(FeatureVector features) {
    check(features);
    double logit = model.logit(features);
    ChangeRisk risk =
        new ChangeRisk(
            model.platt().probability(logit),
            history.percentile(logit),
            model.contributions(features),
            model.id(),
            model.version());
    return new RiskScore(risk, logit, model.intercept());
  }

  /**
   * Checks that every value of {@code features} lies in its feature's domain.
   *
   * @throws InvalidValueException naming {@code features}, or {@code features.<column>} and its
   *     value
   */
  static void check(FeatureVector features) {
    Checks.present(RiskScorer.class, "features", features);
    for (ChangeFeature feature : FEATURES) {
      double value = features.get(feature);
      String field = "features." + feature.column();
      switch (feature) {
        case IS_BOT,
            TOUCHES_TESTS,
            TOUCHES_BUILD,
            TOUCHES_DEPS,
            TOUCHES_MIGRATIONS,
            TOUCHES_CONFIG,
            TEST_ONLY,
            DOCS_ONLY,
            IS_FIX,
            IS_RELAND,
            IS_REVERT -> {
          if (value != 0 && value != 1) {
            throw new InvalidValueException(RiskScorer.class, field, "must be 0 or 1", value);
          }
        }
        case HOUR_LOCAL -> Checks.within(RiskScorer.class, field, value, 0, 23);
        case WEEKDAY -> Checks.within(RiskScorer.class, field, value, 0, 6);
        case FILE_AGE_DAYS_MEAN -> {} // any finite number, which FeatureVector already ensures
        default -> Checks.within(RiskScorer.class, field, value, 0, Double.MAX_VALUE);
      }
    }
  }

  @Override
  public String toString() {
    return "ModelRiskScorer[" + model.id() + " " + model.version() + ", " + history + "]";
  }
}
