package dev.signalbox.testkit.generators;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.FeatureVector;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Generators of change-risk inputs: {@link FeatureVector}s whose every value lies in its feature's
 * domain, sized like real history (most changes small, a few huge).
 */
public final class RiskGenerators {
  private static final ChangeFeature[] FEATURES = ChangeFeature.values();
  private static final int RAW = 1_000_000;

  private RiskGenerators() {}

  /**
   * Feature vectors with every value in its feature's domain: flags 0 or 1, counts and sizes from 0
   * to tens of thousands (skewed small), entropy from 0 to 12 bits, the hour 0 to 23, the weekday 0
   * to 6, the mean file age from −1 to 4,000 days.
   */
  public static Gen<FeatureVector> featureVectors() {
    return lists()
        .of(integers().between(0, RAW))
        .ofSize(FEATURES.length)
        .map(RiskGenerators::vector);
  }

  /** The vector whose values the raw draws, each from 0 to a million, shape feature by feature. */
  static FeatureVector vector(List<Integer> raw) {
    double[] values = new double[FEATURES.length];
    for (ChangeFeature feature : FEATURES) {
      values[feature.index()] = value(feature, raw.get(feature.index()) / (double) RAW);
    }
    return FeatureVector.of(values);
  }

  /** The vector of every feature drawn at {@code u}, within [0, 1]: a fixed case for examples. */
  public static FeatureVector vectorOfDraw(double u) {
    double[] values = new double[FEATURES.length];
    for (ChangeFeature feature : FEATURES) {
      values[feature.index()] = value(feature, u);
    }
    return FeatureVector.of(values);
  }

  /** A value of {@code feature} for a draw {@code u} within [0, 1]. */
  public static double value(ChangeFeature feature, double u) {
    if (feature.isFlag()) {
      return u < 0.5 ? 0 : 1;
    }
    return switch (feature) {
      case HOUR_LOCAL -> Math.min(23, Math.floor(u * 24));
      case WEEKDAY -> Math.min(6, Math.floor(u * 7));
      case ENTROPY -> Math.round(u * 12 * 10_000) / 10_000.0;
      case FILE_AGE_DAYS_MEAN -> u < 0.1 ? -1 : Math.round(u * u * 4000 * 100) / 100.0;
      case LINES_ADDED, LINES_DELETED, FILE_PRIOR_CHANGES, MSG_LEN ->
          Math.floor(Math.pow(u, 4) * 50_000);
      default -> Math.floor(Math.pow(u, 4) * 2_000);
    };
  }
}
