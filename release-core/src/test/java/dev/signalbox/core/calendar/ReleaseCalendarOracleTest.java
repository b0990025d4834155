package dev.signalbox.core.calendar;

import static org.quicktheories.QuickTheory.qt;

import dev.signalbox.core.calendar.CalendarScenarios.Scenario;
import dev.signalbox.core.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The calendar agrees with the brute-force {@link MinuteOracle} on random calendars (every schedule
 * kind, several overlapping freezes and merge windows with different scopes, holiday calendars)
 * around random instants, often near DST transitions, in every zone of the issue.
 *
 * <p>For each example and target, {@code holds} (with the {@code since} and {@code until} of each
 * hold), {@code isOpen}, {@code nextOpen} and {@code nextClose} are compared with the oracle at
 * every minute where a window changes, the minute before it, and a sample of the others; since the
 * next opening and closing must agree at every change, the calendar is pinned at every minute of
 * the checked range. {@code between} is compared on the whole range and two random intervals.
 * Replay a failure with {@code -DQT_SEED=<seed>}.
 *
 * <p>By default each zone gets 16 examples checked 3 or 14 days either side of the instant and 2
 * examples checked 200 days either side (the oracle sees 4 more days each way), which keeps the
 * suite fast on two shared cores; {@code -Dcalendar.examples=300} runs 300 and 25 per zone.
 */
class ReleaseCalendarOracleTest {
  static final List<String> ZONES = CalendarScenarios.ZONES;

  /** Oracle margin either side of the checked range, so periods crossing its edges are seen. */
  private static final Duration MARGIN = Duration.ofDays(4);

  /** Examples per zone; raise with {@code -Dcalendar.examples=500} for a longer hunt. */
  private static final int EXAMPLES = Integer.getInteger("calendar.examples", 16);

  /** Many short ranges: two weeks or three days either side of the instant. */
  @ParameterizedTest
  @FieldSource("ZONES")
  void agreesWithTheOracleAroundInstants(String zone) {
    qt().withExamples(EXAMPLES)
        .withShrinkCycles(40)
        .forAll(CalendarScenarios.scenarios(zone, List.of(3, 14)))
        .checkAssert(scenario -> check(scenario, 181));
  }

  /** A few calendars checked over 400 days around the instant, for the rarer recurrences. */
  @ParameterizedTest
  @FieldSource("ZONES")
  void agreesWithTheOracleOver400Days(String zone) {
    qt().withExamples(Math.max(2, EXAMPLES / 12))
        .withShrinkCycles(10)
        .forAll(CalendarScenarios.scenarios(zone, List.of(200)))
        .checkAssert(scenario -> check(scenario, 3 * 1440 + 7));
  }

  static void check(Scenario scenario, int stride) {
    Instant from = scenario.at().minus(scenario.radius());
    Instant to = scenario.at().plus(scenario.radius());
    MinuteOracle oracle =
        MinuteOracle.of(scenario.definition(), from.minus(MARGIN), to.plus(MARGIN));
    ReleaseCalendar calendar = ReleaseCalendar.of(scenario.definition());
    OracleAgreement agreement = new OracleAgreement(calendar, oracle, scenario.toString());
    for (Target target : scenario.targets()) {
      agreement.agreeOn(target, from, to, stride);
    }
    for (List<Instant> interval : scenario.intervals()) {
      agreement.agreeBetween(interval.get(0), interval.get(1));
    }
  }
}
