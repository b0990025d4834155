package dev.signalbox.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training on whole repositories splits each one's usable rows by commit time as the default model
 * is trained, and the hold-out comparison scores a repository's newest 30% with a model trained on
 * its older history and with a baseline.
 */
class RiskEvaluationTest {
  private static final long DAY = 86_400;

  private static final RiskTrainer TRAINER =
      RiskTrainer.builder().feature(ChangeFeature.LINES_ADDED, Transform.LOG1P).lambda(1).build();

  private static FeatureVector vector(double linesAdded, boolean bot, boolean revert) {
    double[] values = new double[ChangeFeature.values().length];
    values[ChangeFeature.LINES_ADDED.index()] = linesAdded;
    values[ChangeFeature.IS_BOT.index()] = bot ? 1 : 0;
    values[ChangeFeature.IS_REVERT.index()] = revert ? 1 : 0;
    return FeatureVector.of(values);
  }

  /**
   * A history of 1,000 changes over 1,000 days in which large changes are reverted far more often
   * than small ones ({@code risky} true) or far less often, with bot, revert and censored rows
   * mixed in, listed out of commit-time order. The variation comes from a fixed integer hash of the
   * row's index and {@code salt}, so the data is the same on every run.
   */
  private static RiskEvaluation.Repository history(String name, boolean risky, int salt) {
    List<RiskDataRow> rows = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      int h = Integer.rotateLeft((i + salt * 100_003) * 0x9E3779B1, 13) * 0x85EBCA6B;
      boolean large = (h & 3) == 0;
      int draw = Math.floorMod(h >> 8, 1_000);
      double lines = large ? 500 + Math.floorMod(h >> 16, 2_000) : 1 + Math.floorMod(h >> 16, 40);
      boolean reverted = draw < (large == risky ? 400 : 30);
      long time = 1_700_000_000L + DAY * ((i * 7919L) % 1_000);
      rows.add(
          new RiskDataRow(
              "c" + i, time, vector(lines, i % 97 == 0, i % 89 == 0), reverted, i % 83 == 0));
    }
    return new RiskEvaluation.Repository(name, rows);
  }

  private static List<RiskDataRow> usableByTime(RiskEvaluation.Repository repository) {
    List<RiskDataRow> usable = new ArrayList<>();
    for (RiskDataRow row : repository.rows()) {
      if (row.usable()) {
        usable.add(row);
      }
    }
    usable.sort((a, b) -> Long.compare(a.commitTime(), b.commitTime()));
    return usable;
  }

  @Test
  void trainingOnRepositoriesFitsEachOnesOldest70PercentAndCalibratesOnItsNewest30() {
    RiskEvaluation.Repository a = history("a", true, 1);
    RiskEvaluation.Repository b = history("b", true, 2);
    List<LabeledChange> fit = new ArrayList<>();
    List<LabeledChange> calibration = new ArrayList<>();
    for (RiskEvaluation.Repository repository : List.of(a, b)) {
      List<RiskDataRow> usable = usableByTime(repository);
      int cut = (int) Math.round(usable.size() * 0.7);
      for (int i = 0; i < usable.size(); i++) {
        (i < cut ? fit : calibration).add(usable.get(i).labeled());
      }
    }

    RiskModel byRepository = TRAINER.train("m", "1", List.of(a, b));

    assertThat(byRepository).isEqualTo(TRAINER.train("m", "1", fit, calibration));
    assertThat(byRepository.platt()).isNotEqualTo(Platt.identity());
  }

  @Test
  void holdOutTrainsOnlyOnWhatWasSettledWhenTheTestPeriodBeganAndScoresTheNewest30Percent() {
    RiskEvaluation.Repository mine = history("mine", true, 3);
    RiskModel upsideDown = TRAINER.train("upside-down", "1", List.of(history("other", false, 4)));
    List<RiskDataRow> usable = usableByTime(mine);
    int cut = (int) Math.round(usable.size() * 0.7);
    List<RiskDataRow> test = usable.subList(cut, usable.size());
    List<RiskDataRow> settled = new ArrayList<>();
    for (RiskDataRow row : usable.subList(0, cut)) {
      if (row.commitTime() + 90 * DAY <= test.get(0).commitTime()) {
        settled.add(row);
      }
    }
    assertThat(settled.size())
        .isBetween(cut - 100, cut - 80); // 90 of the 1,000 days, less unusable
    int reverted = 0;
    for (RiskDataRow row : test) {
      reverted += row.reverted() ? 1 : 0;
    }

    RiskEvaluation.Comparison comparison = RiskEvaluation.holdOut(mine, TRAINER, upsideDown);

    assertThat(comparison.model())
        .isEqualTo(
            TRAINER.train(
                "mine", "hold-out", List.of(new RiskEvaluation.Repository("mine", settled))));
    for (RiskEvaluation.Report report : List.of(comparison.trained(), comparison.baseline())) {
      assertThat(report.repositories()).hasSize(1);
      RiskEvaluation.Scored scored = report.repositories().get(0);
      assertThat(scored.repository()).isEqualTo("mine");
      assertThat(scored.probabilities()).hasSize(test.size());
      int labelled = 0;
      for (boolean r : scored.reverted()) {
        labelled += r ? 1 : 0;
      }
      assertThat(labelled).isEqualTo(reverted);
    }
    double[] expected = new double[test.size()];
    for (int i = 0; i < test.size(); i++) {
      expected[i] = comparison.model().probability(test.get(i).features());
    }
    assertThat(comparison.trained().repositories().get(0).probabilities())
        .containsExactly(expected);
    // The history's own model ranks its large changes first; the baseline learned the opposite.
    assertThat(comparison.trained().auc()).isGreaterThan(0.7);
    assertThat(comparison.baseline().auc()).isLessThan(0.3);
    assertThat(comparison.trained().recall().get(2).point())
        .isGreaterThan(comparison.baseline().recall().get(2).point());
    assertThat(comparison.toMarkdown())
        .contains("### Trained on this history", "### Baseline", "riskiest 10%", "mine (");
    assertThat(RiskEvaluation.holdOut(mine, TRAINER, upsideDown).toMarkdown())
        .isEqualTo(comparison.toMarkdown());
  }

  @Test
  void holdOutRefusesAHistoryWhoseOlderPartWasNeverReverted() {
    List<RiskDataRow> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(
          new RiskDataRow(
              "c" + i, 1_700_000_000L + 10 * DAY * i, vector(i, false, false), false, false));
    }
    RiskEvaluation.Repository calm = new RiskEvaluation.Repository("calm", rows);

    assertThatThrownBy(() -> RiskEvaluation.holdOut(calm, TRAINER, RiskModel.defaultModel()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("fit");
  }
}
