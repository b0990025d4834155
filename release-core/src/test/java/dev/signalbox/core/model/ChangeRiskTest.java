package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ChangeRisk and FeatureContribution. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class ChangeRiskTest {
  private static final FeatureContribution MIGRATION =
      new FeatureContribution("touches_migration", 1, 0.9);
  private static final FeatureContribution SIZE =
      new FeatureContribution("lines_changed", 420, -0.2);

  /** A risk whose logit is the intercept -2 plus the contributions, when there are any. */
  private static ChangeRisk risk(
      double probability, double percentile, List<FeatureContribution> contributions) {
    double logit = -2;
    for (FeatureContribution contribution :
        contributions == null ? List.<FeatureContribution>of() : contributions) {
      logit += contribution == null ? 0 : contribution.contribution();
    }
    return new ChangeRisk(
        probability, percentile, logit, -2, contributions, "revert-90d", "2026.11");
  }

  @Test
  void holdsTheScoreAndItsExplanation() {
    ChangeRisk risk = risk(0.12, 87.5, List.of(MIGRATION, SIZE));
    assertThat(risk.probability()).isEqualTo(0.12);
    assertThat(risk.percentile()).isEqualTo(87.5);
    assertThat(risk.logit()).isEqualTo(-2 + 0.9 - 0.2);
    assertThat(risk.intercept()).isEqualTo(-2);
    assertThat(risk.contributions()).containsExactly(MIGRATION, SIZE);
  }

  @Test
  void theInterceptAndContributionsMustAddUpToTheLogit() {
    assertRejected(
        () -> new ChangeRisk(0.3, 50, -1.0, -2, List.of(MIGRATION, SIZE), "m", "1"),
        ChangeRisk.class,
        "logit",
        "logit must be the intercept plus the contributions (-1.3), was -1.0");
    assertRejected(
        () -> new ChangeRisk(0.3, 50, -2, -1.9, List.of(), "m", "1"),
        ChangeRisk.class,
        "logit",
        "logit must be the intercept plus the contributions (-1.9), was -2.0");
    // rounding is tolerated, relative to the magnitudes summed
    double summed = 1e6 + 0.1 - 1e6;
    assertThat(
            new ChangeRisk(
                    0.3,
                    50,
                    0.1,
                    0,
                    List.of(
                        new FeatureContribution("a", 1, 1e6),
                        new FeatureContribution("b", 1, 0.1),
                        new FeatureContribution("c", 1, -1e6)),
                    "m",
                    "1")
                .logit())
        .isEqualTo(0.1)
        .isNotEqualTo(summed);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
  void rejectsALogitOrInterceptThatIsNotFinite(double value) {
    assertRejected(
        () -> new ChangeRisk(0.5, 50, value, 0, List.of(), "m", "1"),
        ChangeRisk.class,
        "logit",
        "logit must be finite, was " + value);
    assertRejected(
        () -> new ChangeRisk(0.5, 50, 0, value, List.of(), "m", "1"),
        ChangeRisk.class,
        "intercept",
        "intercept must be finite, was " + value);
  }

  @Test
  void acceptsTheBoundsOfItsRanges() {
    assertThat(risk(0, 0, List.of()).probability()).isZero();
    assertThat(risk(1, 100, List.of()).percentile()).isEqualTo(100);
  }

  @Test
  void rejectsAProbabilityOfOnePointSeven() {
    assertRejected(
        () -> risk(1.7, 50, List.of()),
        ChangeRisk.class,
        "probability",
        "probability must be within [0, 1], was 1.7");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e-9, Double.NaN})
  void rejectsProbabilityOutsideZeroAndOne(double probability) {
    assertRejected(
        () -> risk(probability, 50, List.of()),
        ChangeRisk.class,
        "probability",
        "probability must be within [0, 1], was " + probability);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, 100.5, Double.NaN, Double.POSITIVE_INFINITY})
  void rejectsPercentileOutsideZeroAndHundred(double percentile) {
    assertRejected(
        () -> risk(0.5, percentile, List.of()),
        ChangeRisk.class,
        "percentile",
        "percentile must be within [0, 100], was " + percentile);
  }

  @Test
  void rejectsAFeatureGivenTwice() {
    assertRejected(
        () ->
            risk(
                0.5,
                50,
                List.of(MIGRATION, SIZE, new FeatureContribution("touches_migration", 0, 0))),
        ChangeRisk.class,
        "contributions[2].feature",
        "contributions[2].feature must not appear twice, was \"touches_migration\"");
  }

  @Test
  void rejectsModelIdsThatAreNotTokens() {
    assertRejected(
        () -> new ChangeRisk(0.5, 50, 0, 0, List.of(), "revert 90d", "1"),
        ChangeRisk.class,
        "modelId",
        "modelId must not contain whitespace or control characters, was \"revert 90d\"");
    assertRejected(
        () -> new ChangeRisk(0.5, 50, 0, 0, List.of(), "m", ""),
        ChangeRisk.class,
        "modelVersion",
        "modelVersion must not be empty, was \"\"");
  }

  @Test
  void copiesAndProtectsTheContributions() {
    List<FeatureContribution> contributions = new ArrayList<>(List.of(MIGRATION));
    ChangeRisk risk = risk(0.5, 50, contributions);
    contributions.add(SIZE);
    assertThat(risk.contributions()).containsExactly(MIGRATION);
    assertThatThrownBy(() -> risk.contributions().add(SIZE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(() -> risk(0.5, 50, null), ChangeRisk.class, "contributions");
    assertNullRejected(
        () -> risk(0.5, 50, Arrays.asList(MIGRATION, null)), ChangeRisk.class, "contributions[1]");
    assertNullRejected(
        () -> new ChangeRisk(0.5, 50, 0, 0, List.of(), null, "1"), ChangeRisk.class, "modelId");
    assertNullRejected(
        () -> new ChangeRisk(0.5, 50, 0, 0, List.of(), "m", null),
        ChangeRisk.class,
        "modelVersion");
  }

  @Test
  void featureContributionsAreFinite() {
    assertThat(new FeatureContribution("x", -3.5, -1e300).contribution()).isEqualTo(-1e300);
    assertRejected(
        () -> new FeatureContribution("x", Double.NaN, 0),
        FeatureContribution.class,
        "value",
        "value must be finite, was NaN");
    assertRejected(
        () -> new FeatureContribution("x", 0, Double.NEGATIVE_INFINITY),
        FeatureContribution.class,
        "contribution",
        "contribution must be finite, was -Infinity");
  }

  @Test
  void featureNamesAreTokens() {
    assertRejected(
        () -> new FeatureContribution("touches migration", 1, 1),
        FeatureContribution.class,
        "feature",
        "feature must not contain whitespace or control characters, was \"touches migration\"");
    assertNullRejected(
        () -> new FeatureContribution(null, 1, 1), FeatureContribution.class, "feature");
  }
}
