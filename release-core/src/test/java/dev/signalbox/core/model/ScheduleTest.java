package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.T1;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kinds of {@link Schedule}. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class ScheduleTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Nested
  class OneOff {
    @Test
    void isAHalfOpenNonEmptyInterval() {
      Schedule.OneOff window = new Schedule.OneOff(T0, T0.plusSeconds(1), PARIS);
      assertThat(window.end()).isAfter(window.start());
    }

    @Test
    void rejectsAnEmptyOrBackwardsInterval() {
      assertRejected(
          () -> new Schedule.OneOff(T0, T0, PARIS),
          Schedule.OneOff.class,
          "end",
          "end must be after start (2026-11-26T09:00:00Z), was 2026-11-26T09:00:00Z");
      assertRejected(
          () -> new Schedule.OneOff(T1, T0, PARIS),
          Schedule.OneOff.class,
          "end",
          "end must be after start (2026-11-27T09:00:00Z), was 2026-11-26T09:00:00Z");
    }

    @Test
    void rejectsNulls() {
      assertNullRejected(
          () -> new Schedule.OneOff(null, T1, PARIS), Schedule.OneOff.class, "start");
      assertNullRejected(() -> new Schedule.OneOff(T0, null, PARIS), Schedule.OneOff.class, "end");
      assertNullRejected(() -> new Schedule.OneOff(T0, T1, null), Schedule.OneOff.class, "zone");
    }
  }

  @Nested
  class UntilLifted {
    @Test
    void holdsStartAndZone() {
      assertThat(new Schedule.UntilLifted(T0, PARIS).start()).isEqualTo(T0);
    }

    @Test
    void rejectsNulls() {
      assertNullRejected(
          () -> new Schedule.UntilLifted(null, PARIS), Schedule.UntilLifted.class, "start");
      assertNullRejected(
          () -> new Schedule.UntilLifted(T0, null), Schedule.UntilLifted.class, "zone");
    }
  }

  @Nested
  class Cron {
    @Test
    void acceptsFiveFieldExpressions() {
      Schedule.Cron cron = new Schedule.Cron("0 23 * * fri", "0 7 * * mon", PARIS);
      assertThat(cron.start()).isEqualTo("0 23 * * fri");
      assertThat(new Schedule.Cron("  0  23 *\t* 5 ", "0 7 * * 1", PARIS).start())
          .isEqualTo("  0  23 *\t* 5 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 23 * *", "0 0 23 * * 5", "@weekly", "*"})
    void rejectsOtherFieldCounts(String expression) {
      assertRejected(
          () -> new Schedule.Cron(expression, "0 7 * * 1", PARIS),
          Schedule.Cron.class,
          "start",
          "start must be a cron expression of five fields, was \"" + expression + "\"");
      assertRejected(
          () -> new Schedule.Cron("0 7 * * 1", expression, PARIS),
          Schedule.Cron.class,
          "end",
          "end must be a cron expression of five fields, was \"" + expression + "\"");
    }

    @Test
    void rejectsBlankAndNull() {
      assertRejected(
          () -> new Schedule.Cron(" ", "0 7 * * 1", PARIS),
          Schedule.Cron.class,
          "start",
          "start must not be blank, was \" \"");
      assertNullRejected(
          () -> new Schedule.Cron(null, "0 7 * * 1", PARIS), Schedule.Cron.class, "start");
      assertNullRejected(
          () -> new Schedule.Cron("0 7 * * 1", null, PARIS), Schedule.Cron.class, "end");
      assertNullRejected(
          () -> new Schedule.Cron("0 7 * * 1", "0 8 * * 1", null), Schedule.Cron.class, "zone");
    }
  }

  @Nested
  class Recurrence {
    private final LocalDateTime friday = LocalDateTime.of(2026, 11, 27, 16, 0);

    @Test
    void acceptsARuleThatNamesItsFrequency() {
      Schedule.Recurrence weekly =
          new Schedule.Recurrence(
              friday,
              PARIS,
              "FREQ=WEEKLY;BYDAY=FR",
              Duration.ofHours(64),
              Set.of(friday.plusWeeks(4)));
      assertThat(weekly.exceptions()).containsExactly(friday.plusWeeks(4));
      assertThat(
              new Schedule.Recurrence(
                      friday, PARIS, "BYDAY=FR;FREQ=WEEKLY", Duration.ofMinutes(1), Set.of())
                  .rule())
          .isEqualTo("BYDAY=FR;FREQ=WEEKLY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BYDAY=FR", "XFREQ=WEEKLY", "BYDAY=FR;XFREQ=WEEKLY"})
    void rejectsARuleWithoutFrequency(String rule) {
      assertRejected(
          () -> new Schedule.Recurrence(friday, PARIS, rule, Duration.ofHours(1), Set.of()),
          Schedule.Recurrence.class,
          "rule",
          "rule must name its frequency (FREQ=...), was \"" + rule + "\"");
    }

    @Test
    void rejectsANonPositiveDuration() {
      assertRejected(
          () -> new Schedule.Recurrence(friday, PARIS, "FREQ=DAILY", Duration.ZERO, Set.of()),
          Schedule.Recurrence.class,
          "duration",
          "duration must be positive, was PT0S");
      assertRejected(
          () ->
              new Schedule.Recurrence(
                  friday, PARIS, "FREQ=DAILY", Duration.ofMinutes(-5), Set.of()),
          Schedule.Recurrence.class,
          "duration",
          "duration must be positive, was PT-5M");
    }

    @Test
    void copiesAndProtectsTheExceptions() {
      Set<LocalDateTime> exceptions = new HashSet<>(Set.of(friday));
      Schedule.Recurrence recurrence =
          new Schedule.Recurrence(friday, PARIS, "FREQ=WEEKLY", Duration.ofHours(1), exceptions);
      exceptions.add(friday.plusWeeks(1));
      assertThat(recurrence.exceptions()).containsExactly(friday);
      assertThatThrownBy(() -> recurrence.exceptions().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNulls() {
      Duration hour = Duration.ofHours(1);
      Class<?> t = Schedule.Recurrence.class;
      assertNullRejected(
          () -> new Schedule.Recurrence(null, PARIS, "FREQ=DAILY", hour, Set.of()), t, "start");
      assertNullRejected(
          () -> new Schedule.Recurrence(friday, null, "FREQ=DAILY", hour, Set.of()), t, "zone");
      assertNullRejected(
          () -> new Schedule.Recurrence(friday, PARIS, null, hour, Set.of()), t, "rule");
      assertNullRejected(
          () -> new Schedule.Recurrence(friday, PARIS, "FREQ=DAILY", null, Set.of()),
          t,
          "duration");
      assertNullRejected(
          () -> new Schedule.Recurrence(friday, PARIS, "FREQ=DAILY", hour, null), t, "exceptions");
      assertNullRejected(
          () ->
              new Schedule.Recurrence(
                  friday,
                  PARIS,
                  "FREQ=DAILY",
                  hour,
                  new HashSet<>(Arrays.asList((LocalDateTime) null))),
          t,
          "exceptions[0]");
    }
  }

  @Nested
  class Compact {
    @Test
    void holdsItsExpression() {
      assertThat(new Schedule.Compact("Mon-Fri 09:00-11:00[Europe/Paris]").expression())
          .isEqualTo("Mon-Fri 09:00-11:00[Europe/Paris]");
    }

    @Test
    void rejectsBlankAndNull() {
      assertRejected(
          () -> new Schedule.Compact(""),
          Schedule.Compact.class,
          "expression",
          "expression must not be blank, was \"\"");
      assertNullRejected(() -> new Schedule.Compact(null), Schedule.Compact.class, "expression");
    }
  }

  @Nested
  class Holidays {
    @Test
    void namesItsCalendar() {
      assertThat(new Schedule.Holidays("us-holidays", ZoneId.of("America/New_York")).calendar())
          .isEqualTo("us-holidays");
    }

    @Test
    void rejectsBadCalendarNamesAndNulls() {
      assertRejected(
          () -> new Schedule.Holidays("us holidays", PARIS),
          Schedule.Holidays.class,
          "calendar",
          "calendar must not contain whitespace or control characters, was \"us holidays\"");
      assertNullRejected(
          () -> new Schedule.Holidays(null, PARIS), Schedule.Holidays.class, "calendar");
      assertNullRejected(() -> new Schedule.Holidays("fr", null), Schedule.Holidays.class, "zone");
    }
  }
}
