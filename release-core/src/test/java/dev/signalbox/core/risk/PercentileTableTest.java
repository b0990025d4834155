package dev.signalbox.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles among a history: the share below, ties counted half. */
class PercentileTableTest {
  @Test
  void countsTheShareBelowWithTiesCountedHalf() {
    PercentileTable table = PercentileTable.of(new double[] {3, 1, 2, 2});

    assertThat(table.percentile(0)).isEqualTo(0);
    assertThat(table.percentile(1)).isEqualTo(12.5);
    assertThat(table.percentile(2)).isEqualTo(50);
    assertThat(table.percentile(2.5)).isEqualTo(75);
    assertThat(table.percentile(9)).isEqualTo(100);
    assertThat(PercentileTable.empty().percentile(5)).isEqualTo(50);
  }

  /** The table ranks as counting by hand does: the share of the history below, ties half. */
  @Test
  void ranksAChangeAmongItsHistoryAsCountingDoes() {
    RiskModel model =
        new RiskModel(
            "m",
            "1",
            -1,
            List.of(new RiskTerm(ChangeFeature.LINES_ADDED, Transform.LOG1P, 2, 1.5, 0.7)),
            Platt.identity());
    List<FeatureVector> history = List.of(lines(1), lines(10), lines(100), lines(10));

    PercentileTable table = PercentileTable.of(model, history);

    // lines(10): lines(1) below, two ties: (1 + 2 / 2) / 4
    assertThat(table.percentile(model.logit(lines(10)))).isEqualTo(50.0);
    assertThat(model.risk(lines(10), table).percentile()).isEqualTo(50.0);
    assertThat(model.risk(lines(1000), table).percentile()).isEqualTo(100.0);
    assertThat(model.risk(lines(0), table).percentile()).isEqualTo(0.0);
    assertThat(model.risk(lines(1), table).percentile()).isEqualTo(12.5);
  }

  @Test
  void quantilesKeepTheEndsAndShrinkTheTable() {
    double[] logits = new double[1001];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = i;
    }
    PercentileTable quantiles = PercentileTable.of(logits).quantiles(11);

    assertThat(quantiles.logits())
        .containsExactly(0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
    assertThat(quantiles.percentile(250))
        .isEqualTo(
            PercentileTable.of(logits).percentile(250), org.assertj.core.data.Offset.offset(5.0));
  }

  @Test
  void refusesLogitsThatAreNotFinite() {
    assertThatThrownBy(() -> PercentileTable.of(new double[] {1, Double.NaN}))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("logits[1]"));
  }

  private static FeatureVector lines(double added) {
    double[] values = new double[ChangeFeature.values().length];
    values[ChangeFeature.LINES_ADDED.index()] = added;
    return FeatureVector.of(values);
  }
}
