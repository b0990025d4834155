package dev.signalbox.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.FeatureContribution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The trainer recovers the coefficients that generated its data, retrains to a bit-identical model,
 * and explains every score by contributions that sum to the uncalibrated logit.
 */
class RiskTrainerTest {
  private static final double TRUE_INTERCEPT = -2.0;
  private static final double TRUE_FILES = 0.3;
  private static final double TRUE_TESTS = -0.8;

  private static FeatureVector vector(double files, double tests) {
    double[] values = new double[ChangeFeature.values().length];
    values[ChangeFeature.FILES_CHANGED.index()] = files;
    values[ChangeFeature.TOUCHES_TESTS.index()] = tests;
    return FeatureVector.of(values);
  }

  /**
   * Data whose revert rate in every cell is exactly the logistic of the true logit (to 1/2000), so
   * the maximum-likelihood fit must land on the true coefficients.
   */
  private static List<LabeledChange> synthetic() {
    List<LabeledChange> data = new ArrayList<>();
    int copies = 2000;
    for (int files = 0; files < 10; files++) {
      for (int tests = 0; tests <= 1; tests++) {
        double p = Logistic.sigmoid(TRUE_INTERCEPT + TRUE_FILES * files + TRUE_TESTS * tests);
        long reverted = Math.round(p * copies);
        FeatureVector v = vector(files, tests);
        for (int i = 0; i < copies; i++) {
          data.add(new LabeledChange(v, i < reverted));
        }
      }
    }
    return data;
  }

  private static RiskTrainer trainer(double lambda) {
    return RiskTrainer.builder()
        .feature(ChangeFeature.FILES_CHANGED, Transform.IDENTITY)
        .feature(ChangeFeature.TOUCHES_TESTS, Transform.IDENTITY)
        .lambda(lambda)
        .build();
  }

  @Test
  void recoversTheCoefficientsThatGeneratedTheData() {
    RiskModel model = trainer(0).train("synthetic", "1", synthetic(), List.of());

    RiskTerm files = model.terms().get(0);
    RiskTerm tests = model.terms().get(1);
    double rawFiles = files.weight() / files.scale();
    double rawTests = tests.weight() / tests.scale();
    double rawIntercept = model.intercept() - rawFiles * files.center() - rawTests * tests.center();
    assertThat(rawFiles).isCloseTo(TRUE_FILES, within(0.01));
    assertThat(rawTests).isCloseTo(TRUE_TESTS, within(0.02));
    assertThat(rawIntercept).isCloseTo(TRUE_INTERCEPT, within(0.02));
    assertThat(model.platt()).isEqualTo(Platt.identity());
  }

  @Test
  void plattOnWellCalibratedLogitsIsTheIdentity() {
    RiskModel model = trainer(0).train("synthetic", "1", synthetic(), synthetic());

    assertThat(model.platt().slope()).isCloseTo(1, within(0.01));
    assertThat(model.platt().offset()).isCloseTo(0, within(0.01));
  }

  @Test
  void retrainingOnTheSameDataGivesABitIdenticalModel() {
    List<LabeledChange> data = synthetic();
    List<LabeledChange> calibration = data.subList(0, 5000);

    RiskModel first = trainer(1).train("m", "1", data, calibration);
    RiskModel second = trainer(1).train("m", "1", List.copyOf(data), List.copyOf(calibration));

    assertThat(second).isEqualTo(first);
    assertThat(Double.doubleToRawLongBits(second.intercept()))
        .isEqualTo(Double.doubleToRawLongBits(first.intercept()));
    for (int i = 0; i < first.terms().size(); i++) {
      assertThat(Double.doubleToRawLongBits(second.terms().get(i).weight()))
          .isEqualTo(Double.doubleToRawLongBits(first.terms().get(i).weight()));
    }
  }

  @Test
  void contributionsSumToTheUncalibratedLogit() {
    RiskModel model =
        RiskTrainer.builder()
            .feature(ChangeFeature.FILES_CHANGED, Transform.LOG1P)
            .feature(ChangeFeature.TOUCHES_TESTS, Transform.IDENTITY)
            .build()
            .train("m", "1", synthetic(), synthetic().subList(0, 4000));
    Gen<FeatureVector> vectors =
        SourceDSL.integers()
            .between(0, 100_000)
            .zip(SourceDSL.integers().between(0, 1), (f, t) -> vector(f, t));

    qt().forAll(vectors)
        .checkAssert(
            v -> {
              double sum = model.intercept();
              for (FeatureContribution c : model.contributions(v)) {
                sum += c.contribution();
              }
              assertThat(sum).isCloseTo(model.logit(v), within(1e-9));
              assertThat(model.probability(v)).isBetween(0.0, 1.0);
              assertThat(model.contributions(v))
                  .extracting(FeatureContribution::feature)
                  .containsExactly("log1p(files_changed)", "touches_tests");
            });
  }

  @Test
  void moreFilesMeanMoreRiskWhenTheDataSaysSo() {
    RiskModel model = trainer(1).train("m", "1", synthetic(), List.of());

    assertThat(model.probability(vector(9, 0))).isGreaterThan(model.probability(vector(0, 0)));
  }

  @Test
  void refusesDataWithOneLabel() {
    List<LabeledChange> kept = List.of(new LabeledChange(vector(1, 0), false));

    assertThatThrownBy(() -> trainer(1).train("m", "1", kept, List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("fit");
  }

  @Test
  void aChangeRiskCarriesTheProbabilityPercentileAndExplanation() {
    RiskModel model = trainer(1).train("synthetic", "7", synthetic(), synthetic().subList(0, 4000));
    List<FeatureVector> history = new ArrayList<>();
    for (int files = 0; files < 10; files++) {
      history.add(vector(files, 0));
    }

    PercentileTable table = PercentileTable.of(model, history);
    ChangeRisk riskiest = model.risk(vector(20, 0), table);
    ChangeRisk safest = model.risk(vector(0, 1), table);

    assertThat(riskiest.probability()).isEqualTo(model.probability(vector(20, 0)));
    assertThat(riskiest.percentile()).isEqualTo(100.0);
    assertThat(safest.percentile()).isEqualTo(0.0);
    assertThat(model.risk(vector(4, 0), table).percentile()).isEqualTo(45.0);
    assertThat(riskiest.logit()).isEqualTo(model.logit(vector(20, 0)));
    assertThat(riskiest.intercept()).isEqualTo(model.intercept());
    assertThat(riskiest.contributions()).isEqualTo(model.contributions(vector(20, 0)));
    assertThat(riskiest.modelId()).isEqualTo("synthetic");
    assertThat(riskiest.modelVersion()).isEqualTo("7");
    assertThat(model.risk(vector(3, 0), PercentileTable.empty()).percentile()).isEqualTo(50.0);
  }
}
