package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.spi.RiskScorer;

/**
 * The {@link RiskScorer} of a trained {@link RiskModel}: the model's calibrated probability, logit
 * and contributions ({@link RiskModel#risk}), and the change's percentile among a reference history
 * given as a {@link PercentileTable}, which {@link #rankedAmong()} names — a repository's landed
 * changes where they were read (release-git's {@code GitRiskScorer}), or the model's training
 * history ({@link ModelCard#scorer()}, {@link RiskScorer#defaults()}).
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
  private final String rankedAmong;

  private ModelRiskScorer(RiskModel model, PercentileTable history, String rankedAmong) {
    this.model = model;
    this.history = history;
    this.rankedAmong = rankedAmong;
  }

  /**
   * A scorer of {@code model} that ranks changes among {@code history}, the logits of the changes
   * {@code rankedAmong} names in words (such as {@code "the 4,995 landed changes of jgit at
   * 87615097835b"}).
   *
   * @throws InvalidValueException if an argument is null or {@code rankedAmong} is blank
   */
  public static ModelRiskScorer create(
      RiskModel model, PercentileTable history, String rankedAmong) {
    Checks.present(ModelRiskScorer.class, "model", model);
    Checks.present(ModelRiskScorer.class, "history", history);
    Checks.text(ModelRiskScorer.class, "rankedAmong", rankedAmong);
    return new ModelRiskScorer(model, history, rankedAmong);
  }

  /** The model this scorer scores with. */
  public RiskModel model() {
    return model;
  }

  /** The history this scorer ranks changes among: the logits of {@link #rankedAmong()}. */
  public PercentileTable history() {
    return history;
  }

  /**
   * Which changes {@link ChangeRisk#percentile()} ranks a change among, in words: the reference
   * history of {@link #history()}.
   */
  public String rankedAmong() {
    return rankedAmong;
  }

  @Override
  public ChangeRisk score(FeatureVector features) {
    check(features);
    return model.risk(features, history);
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
      if (feature.isFlag()) {
        if (value != 0 && value != 1) {
          throw new InvalidValueException(RiskScorer.class, field, "must be 0 or 1", value);
        }
        continue;
      }
      switch (feature) {
        case HOUR_LOCAL -> Checks.within(RiskScorer.class, field, value, 0, 23);
        case WEEKDAY -> Checks.within(RiskScorer.class, field, value, 0, 6);
        case FILE_AGE_DAYS_MEAN -> {} // any finite number, which FeatureVector already ensures
        default -> Checks.within(RiskScorer.class, field, value, 0, Double.MAX_VALUE);
      }
    }
  }

  @Override
  public String toString() {
    return "ModelRiskScorer["
        + model.id()
        + " "
        + model.version()
        + ", ranked among "
        + rankedAmong
        + "]";
  }
}
