package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Edges where a value could be built but not written and read back: negative zero, which JSON
 * readers turn into zero, and instants outside the years RFC 3339 can write.
 */
class ValueEdgesTest {
  @Test
  void negativeZeroBecomesZero() {
    ChangeRisk risk = new ChangeRisk(-0.0, -0.0, -0.0, -0.0, List.of(), "m", "1");
    assertThat(Double.doubleToRawLongBits(risk.probability())).isZero();
    assertThat(Double.doubleToRawLongBits(risk.percentile())).isZero();
    assertThat(risk).isEqualTo(new ChangeRisk(0.0, 0.0, 0.0, 0.0, List.of(), "m", "1"));
    FeatureContribution contribution = new FeatureContribution("lines", -0.0, -0.0);
    assertThat(contribution).isEqualTo(new FeatureContribution("lines", 0.0, 0.0));
    assertThat(new ErrorBudget("slo", Scope.everything(), -0.0, Samples.T0))
        .isEqualTo(new ErrorBudget("slo", Scope.everything(), 0.0, Samples.T0));
  }

  @Test
  void instantsMustLieInTheYearsRfc3339CanWrite() {
    Instant first = Instant.parse("0000-01-01T00:00:00Z");
    Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
    assertThat(
            new Wave(WaveId.of("w"), "alice", first, Set.of(Samples.CHANGE), false).dispatchedAt())
        .isEqualTo(first);
    assertThat(
            new Wave(WaveId.of("w"), "alice", last, Set.of(Samples.CHANGE), false).dispatchedAt())
        .isEqualTo(last);
    assertRejected(
        () -> new Wave(WaveId.of("w"), "alice", Instant.MAX, Set.of(Samples.CHANGE), false),
        Wave.class,
        "dispatchedAt",
        "dispatchedAt must lie in the years 0000 to 9999 (RFC 3339), was " + Instant.MAX);
    assertRejected(
        () -> new Wave(WaveId.of("w"), "alice", first.minusNanos(1), Set.of(Samples.CHANGE), false),
        Wave.class,
        "dispatchedAt",
        "dispatchedAt must lie in the years 0000 to 9999 (RFC 3339), was"
            + " -0001-12-31T23:59:59.999999999Z");
  }
}
