package dev.signalbox.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InstantText} writes every instant exactly as {@link Instant#toString()} does. */
class InstantTextTest {
  /** The seconds of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
  private static final long FIRST = -62_167_219_200L;

  private static final long LAST = 253_402_300_799L;

  @Test
  void writesEveryInstantOfFourDigitYearsAsInstantDoes() {
    // nanos of each kind: none, whole milliseconds, whole microseconds, any
    qt().withExamples(20_000)
        .forAll(
            longs().between(FIRST, LAST),
            integers().between(0, 3),
            integers().between(0, 999_999_999))
        .checkAssert(
            (seconds, kind, nanos) -> {
              int nano =
                  switch (kind) {
                    case 0 -> 0;
                    case 1 -> nanos / 1_000_000 * 1_000_000;
                    case 2 -> nanos / 1000 * 1000;
                    default -> nanos;
                  };
              Instant instant = Instant.ofEpochSecond(seconds, nano);
              assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
            });
  }

  @Test
  void writesTheEdgesOfTheCalendarAsInstantDoes() {
    List<Instant> edges =
        List.of(
            Instant.ofEpochSecond(FIRST),
            Instant.ofEpochSecond(LAST, 999_999_999),
            Instant.ofEpochSecond(FIRST - 1, 500_000_000), // year -1: a sign
            Instant.ofEpochSecond(LAST + 1), // year 10000: a plus sign
            Instant.EPOCH,
            Instant.ofEpochSecond(-1, 1),
            Instant.MIN,
            Instant.MAX,
            Instant.parse("2000-02-29T23:59:59.100Z"), // a leap day of a year divisible by 400
            Instant.parse("1900-02-28T12:00:00.000001Z"), // no leap day in 1900
            Instant.parse("2024-02-29T00:00:00Z"),
            Instant.parse("2100-03-01T00:00:00Z"),
            Instant.parse("0000-02-29T01:02:03Z"),
            Instant.parse("1969-12-31T23:59:59.999Z"),
            Instant.parse("2026-12-02T09:00:00Z"));
    for (Instant instant : edges) {
      assertThat(InstantText.of(instant)).as("%s", instant).isEqualTo(instant.toString());
    }
  }
}
