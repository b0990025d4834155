package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.FeatureContribution;
import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.spi.RiskScorer;
import dev.signalbox.testkit.generators.RiskGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The contract test kit of {@link RiskScorer}: what every risk scorer must do for the policy, the
 * train planner and people reading a score to rely on it. Extend it in a JUnit 5 test and supply
 * the scorer and, where its model is monotone, the features along which it is; every check here
 * runs against it, on generated feature vectors ({@link RiskGenerators#featureVectors()}) and the
 * {@linkplain #examples() examples} given:
 *
 * <p>A {@link ChangeRisk} cannot be built with a probability outside [0, 1], a percentile outside
 * [0, 100], or an intercept and contributions that do not sum to its logit (within {@link
 * ChangeRisk#SUM_TOLERANCE}), so a scorer cannot break those and they are not checked again here.
 * What is checked:
 *
 * <ul>
 *   <li>across scores, the probability and the percentile never fall as the sum of the
 *       contributions rises (the intercept being the same for every change, that is the logit);
 *   <li>it is deterministic: the same features give an equal score, asked again, from a second
 *       instance, and from several threads at once; every score names the same model and intercept;
 *   <li>raising a feature the scorer declares {@linkplain #increasing() increasing} never lowers
 *       the probability, and raising one declared {@linkplain #decreasing() decreasing} never
 *       raises it;
 *   <li>null features, and a value outside its feature's domain (a negative count, a flag of 2, an
 *       hour of 24, a weekday of 7), are an {@link InvalidValueException} naming the field ({@code
 *       features}, {@code features.lines_added}…), never a score.
 * </ul>
 *
 * <pre>{@code
 * class MyScorerTest extends RiskScorerContract {
 *   protected RiskScorer scorer() { return ModelCard.defaults().scorer(); }
 *   protected Set<ChangeFeature> increasing() { return Set.of(ChangeFeature.LINES_ADDED); }
 * }
 * }</pre>
 *
 * <p>Generated cases are replayable by QuickTheories' printed seed. JUnit makes an instance per
 * test; an instance is not shared between threads.
 */
public abstract class RiskScorerContract {
  /** How many generated cases each property check scores. */
  protected static final int GENERATED = 300;

  /**
   * How many steps QuickTheories may take to shrink a failing case: a bound on a failure's cost.
   */
  private static final int SHRINK_CYCLES = 100;

  /** Subclasses supply the scorer. */
  protected RiskScorerContract() {}

  /** The scorer under test: a new instance or the same one on every call. */
  protected abstract RiskScorer scorer();

  /**
   * Feature vectors that matter to the scorer, checked besides the generated ones; none by default.
   */
  protected List<FeatureVector> examples() {
    return List.of();
  }

  /** The features along which the scorer's probability never falls; none by default. */
  protected Set<ChangeFeature> increasing() {
    return Set.of();
  }

  /** The features along which the scorer's probability never rises; none by default. */
  protected Set<ChangeFeature> decreasing() {
    return Set.of();
  }

  /** The feature vectors generated for the property checks. */
  protected Gen<FeatureVector> featureVectors() {
    return RiskGenerators.featureVectors();
  }

  @Test
  public void probabilityAndPercentileNeverFallAsTheContributionsRise() {
    RiskScorer scorer = scorer();
    qt().withShrinkCycles(SHRINK_CYCLES)
        .withExamples(GENERATED)
        .forAll(featureVectors(), featureVectors())
        .checkAssert(
            (a, b) -> {
              ChangeRisk low = score(scorer, a);
              ChangeRisk high = score(scorer, b);
              if (contributions(low) > contributions(high)) {
                ChangeRisk swap = low;
                low = high;
                high = swap;
              }
              double lower = contributions(low);
              double higher = contributions(high);
              // sums closer than their rounding may order the logits the other way round
              if (higher - lower > ChangeRisk.SUM_TOLERANCE * (magnitude(low) + magnitude(high))) {
                assertThat(low.probability())
                    .as("the probability at contributions %s against %s", lower, higher)
                    .isLessThanOrEqualTo(high.probability());
                assertThat(low.percentile())
                    .as("the percentile at contributions %s against %s", lower, higher)
                    .isLessThanOrEqualTo(high.percentile());
              }
            });
  }

  /** The magnitudes a score's logit adds up, plus one: what its rounding is relative to. */
  private static double magnitude(ChangeRisk score) {
    double magnitude = 1 + Math.abs(score.logit()) + Math.abs(score.intercept());
    for (FeatureContribution contribution : score.contributions()) {
      magnitude += Math.abs(contribution.contribution());
    }
    return magnitude;
  }

  /** The sum of a score's contributions, in their order. */
  private static double contributions(ChangeRisk score) {
    double sum = 0;
    for (FeatureContribution contribution : score.contributions()) {
      sum += contribution.contribution();
    }
    return sum;
  }

  @Test
  public void isDeterministic() {
    RiskScorer scorer = scorer();
    RiskScorer another = scorer();
    forEach(
        scorer,
        (features, score) -> {
          assertThat(score(scorer, features)).as("scored again").isEqualTo(score);
          assertThat(score(another, features)).as("scored by another instance").isEqualTo(score);
        });
  }

  @Test
  public void everyScoreNamesTheSameModelAndIntercept() {
    RiskScorer scorer = scorer();
    ChangeRisk first = score(scorer, RiskGenerators.vectorOfDraw(0.5));
    forEach(
        scorer,
        (features, score) -> {
          assertThat(score.modelId()).as("model id").isEqualTo(first.modelId());
          assertThat(score.modelVersion()).as("model version").isEqualTo(first.modelVersion());
          assertThat(score.intercept()).as("intercept").isEqualTo(first.intercept());
        });
  }

  @Test
  public void givesTheSameScoresFromManyThreads() {
    RiskScorer scorer = scorer();
    List<FeatureVector> inputs = new ArrayList<>(examples());
    for (int i = 0; i <= 40; i++) {
      inputs.add(RiskGenerators.vectorOfDraw(i / 40.0));
    }
    List<ChangeRisk> alone = inputs.stream().map(f -> score(scorer, f)).toList();
    for (List<ChangeRisk> together : Concurrently.run(inputs, f -> score(scorer, f))) {
      assertThat(together).as("scores from several threads at once").isEqualTo(alone);
    }
  }

  @Test
  public void isMonotoneAlongTheFeaturesDeclared() {
    RiskScorer scorer = scorer();
    // two loops, not a map keyed by the sets: both sets may be equal (both empty by default)
    for (ChangeFeature feature : increasing()) {
      monotone(scorer, feature, true);
    }
    for (ChangeFeature feature : decreasing()) {
      monotone(scorer, feature, false);
    }
  }

  private void monotone(RiskScorer scorer, ChangeFeature feature, boolean increasing) {
    qt().withShrinkCycles(SHRINK_CYCLES)
        .withExamples(GENERATED / 3)
        .forAll(featureVectors(), doubles().between(0, 1), doubles().between(0, 1))
        .checkAssert(
            (features, u, v) -> {
              double lower = RiskGenerators.value(feature, Math.min(u, v));
              double higher = RiskGenerators.value(feature, Math.max(u, v));
              double before = score(scorer, with(features, feature, lower)).probability();
              double after = score(scorer, with(features, feature, higher)).probability();
              if (increasing) {
                assertThat(after)
                    .as("%s raised from %s to %s", feature.column(), lower, higher)
                    .isGreaterThanOrEqualTo(before);
              } else {
                assertThat(after)
                    .as("%s raised from %s to %s", feature.column(), lower, higher)
                    .isLessThanOrEqualTo(before);
              }
            });
  }

  @Test
  @SuppressWarnings("NullAway") // the kit checks that a null is refused
  public void refusesNullFeatures() {
    RiskScorer scorer = scorer();
    assertRefused(() -> scorer.score(null), "features");
  }

  @Test
  public void refusesValuesOutsideTheirDomain() {
    RiskScorer scorer = scorer();
    FeatureVector valid = RiskGenerators.vectorOfDraw(0.3);
    Map<ChangeFeature, Double> bad =
        Map.of(
            ChangeFeature.LINES_ADDED, -1.0,
            ChangeFeature.FILES_CHANGED, -3.0,
            ChangeFeature.TOUCHES_TESTS, 2.0,
            ChangeFeature.IS_FIX, 0.5,
            ChangeFeature.HOUR_LOCAL, 24.0,
            ChangeFeature.WEEKDAY, 7.0,
            ChangeFeature.ENTROPY, -0.5);
    bad.forEach(
        (feature, value) ->
            assertRefused(
                () -> scorer.score(with(valid, feature, value)), "features." + feature.column()));
  }

  private void forEach(RiskScorer scorer, Check check) {
    for (FeatureVector example : examples()) {
      check.check(example, score(scorer, example));
    }
    qt().withShrinkCycles(SHRINK_CYCLES)
        .withExamples(GENERATED)
        .forAll(featureVectors())
        .checkAssert(features -> check.check(features, score(scorer, features)));
  }

  /** One check of a score. */
  private interface Check {
    void check(FeatureVector features, ChangeRisk score);
  }

  private static ChangeRisk score(RiskScorer scorer, FeatureVector features) {
    ChangeRisk score = scorer.score(features);
    assertThat(score).as("the score of %s", features).isNotNull();
    return score;
  }

  private static FeatureVector with(FeatureVector features, ChangeFeature feature, double value) {
    double[] values = features.toArray();
    values[feature.index()] = value;
    return FeatureVector.of(values);
  }

  private static void assertRefused(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .as("the exception for a bad %s", field)
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
