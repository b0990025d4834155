package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values of every {@link ChangeFeature} for one change, as known when it landed.
 *
 * <p>Immutable and thread-safe; every value is finite.
 */
public final class FeatureVector {
  private static final ChangeFeature[] FEATURES = ChangeFeature.values();

  private final double[] values;

  private FeatureVector(double[] values) {
    this.values = values;
  }

  /**
   * A vector holding {@code values}, indexed by {@link ChangeFeature#ordinal()}; the array is
   * copied.
   *
   * @throws InvalidValueException if the array's length is not the number of features or a value is
   *     not finite
   */
  public static FeatureVector of(double[] values) {
    Checks.present(FeatureVector.class, "values", values);
    if (values.length != FEATURES.length) {
      throw new InvalidValueException(
          FeatureVector.class, "values", "must hold " + FEATURES.length + " values", values.length);
    }
    double[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      Checks.finite(FeatureVector.class, "values." + FEATURES[i].column(), copy[i]);
    }
    return new FeatureVector(copy);
  }

  /**
   * A vector of the given features' values; every feature must be present.
   *
   * @throws InvalidValueException naming a missing feature or a value that is not finite
   */
  public static FeatureVector of(Map<ChangeFeature, Double> values) {
    Checks.present(FeatureVector.class, "values", values);
    double[] array = new double[FEATURES.length];
    for (ChangeFeature feature : FEATURES) {
      Double value = values.get(feature);
      if (value == null) {
        throw new InvalidValueException(
            FeatureVector.class, "values." + feature.column(), "must be present", null);
      }
      array[feature.index()] = value;
    }
    return of(array);
  }

  /** The value of {@code feature}. */
  public double get(ChangeFeature feature) {
    return values[feature.index()];
  }

  /** The values indexed by {@link ChangeFeature#ordinal()}, as a new array. */
  public double[] toArray() {
    return values.clone();
  }

  /** The values as a map in feature order. */
  public Map<ChangeFeature, Double> asMap() {
    Map<ChangeFeature, Double> map = new EnumMap<>(ChangeFeature.class);
    for (ChangeFeature feature : FEATURES) {
      map.put(feature, values[feature.index()]);
    }
    return map;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FeatureVector that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("FeatureVector{");
    for (ChangeFeature feature : FEATURES) {
      if (feature.index() > 0) {
        text.append(", ");
      }
      text.append(feature.column()).append('=').append(values[feature.index()]);
    }
    return text.append('}').toString();
  }
}
