package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;

/**
 * One term of a risk model's logit: a feature, shaped by a transform, standardised by the training
 * data's center and scale, times a weight — {@code weight × (transform(x) − center) / scale}.
 *
 * @param feature the feature the term reads
 * @param transform how the raw value is shaped
 * @param center the shaped value's mean over the training data
 * @param scale the shaped value's standard deviation over the training data, positive
 * @param weight the fitted coefficient
 */
public record RiskTerm(
    ChangeFeature feature, Transform transform, double center, double scale, double weight) {
  /** Checks that every number is finite and the scale positive. */
  public RiskTerm {
    Checks.present(RiskTerm.class, "feature", feature);
    Checks.present(RiskTerm.class, "transform", transform);
    Checks.finite(RiskTerm.class, "center", center);
    Checks.finite(RiskTerm.class, "weight", weight);
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new InvalidValueException(
          RiskTerm.class, "scale", "must be positive and finite", scale);
    }
  }

  /** The standardised, shaped value of this term's feature. */
  public double input(FeatureVector features) {
    return (transform.apply(features.get(feature)) - center) / scale;
  }

  /** What this term adds to the logit for {@code features}. */
  public double contribution(FeatureVector features) {
    return weight * input(features);
  }

  /** The term's name in an explanation, such as {@code log1p(lines_added)}. */
  public String name() {
    return transform == Transform.IDENTITY
        ? feature.column()
        : transform.name().toLowerCase(java.util.Locale.ROOT) + "(" + feature.column() + ")";
  }
}
