package dev.signalbox.git.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rounding of the risk data's decimal columns. */
class HistoryStateTest {
  @Test
  void roundsTiesToEvenFromTheDoublesExactValue() {
    // Each expected value is what Python's round gives, which wrote the CSVs.
    assertThat(HistoryState.round(9.625, 2)).isEqualTo(9.62);
    assertThat(HistoryState.round(9.635, 2)).isEqualTo(9.63); // 9.6349999... as a double
    assertThat(HistoryState.round(0.125, 2)).isEqualTo(0.12);
    assertThat(HistoryState.round(0.375, 2)).isEqualTo(0.38);
    assertThat(HistoryState.round(1.0005, 3)).isEqualTo(1.0); // 1.000499999... as a double
    assertThat(HistoryState.round(91.565, 2)).isEqualTo(91.56);
    assertThat(HistoryState.round(-1.0, 2)).isEqualTo(-1.0);
  }
}
