package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.T1;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.DocumentProblem;
import dev.signalbox.core.json.InvalidDocumentException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
    @ValueSource(
        strings = {
          "0 23 * * fri", // GitLab's documented example freeze: Friday 23:00 ...
          "0 7 * * mon", // ... to Monday 07:00
          "*/15 9-17 * * 1-5",
          "0 0 24 12 *",
          "59 23 31 12 7",
          "0 0 1 1 0",
          "0,15,30,45 0-23/2 1-31/10 JAN,Jul,dec 0,7",
          "0 9 * * MON-FRI",
          "0 0 1 jan-dec sun-sat",
          "5-10/1 00 01 * *",
          "0 0 * * */2",
          "0 9 * * mon-sun", // a range may end on Sunday ...
          "0 9 * * 5-0" // ... written either way
        })
    void acceptsStandardCron(String expression) {
      assertThat(new Schedule.Cron(expression, expression, PARIS).end()).isEqualTo(expression);
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
    void rejectsValuesOutOfRangeNamingTheField() {
      assertFieldRejected("a b c d e", "field 1 (minute) \"a\": \"a\" is not a minute 0-59");
      assertFieldRejected("60 * * * *", "field 1 (minute) \"60\": \"60\" is not a minute 0-59");
      assertFieldRejected("0 8,24 * * *", "field 2 (hour) \"8,24\": \"24\" is not an hour 0-23");
      assertFieldRejected(
          "0 0 0 * *", "field 3 (day-of-month) \"0\": \"0\" is not a day of the month 1-31");
      assertFieldRejected(
          "0 0 1-99999999999999999999 * *",
          "field 3 (day-of-month) \"1-99999999999999999999\": \"99999999999999999999\" is not"
              + " a day of the month 1-31");
      assertFieldRejected(
          "0 0 * 13 *", "field 4 (month) \"13\": \"13\" is not a month 1-12 or jan-dec");
      assertFieldRejected(
          "0 0 * january *",
          "field 4 (month) \"january\": \"january\" is not a month 1-12 or jan-dec");
      assertFieldRejected(
          "0 0 * * 8",
          "field 5 (day-of-week) \"8\": \"8\" is not a day of the week 0-7 or sun-sat");
      assertFieldRejected(
          "0 0 * * mon-friday",
          "field 5 (day-of-week) \"mon-friday\": \"friday\" is not a day of the week 0-7 or"
              + " sun-sat");
      // names belong to month and day-of-week only
      assertFieldRejected(
          "0 0 mon * *", "field 3 (day-of-month) \"mon\": \"mon\" is not a day of the month 1-31");
    }

    @Test
    void rejectsReversedRangesAndZeroSteps() {
      assertFieldRejected(
          "0 17-9 * * *", "field 2 (hour) \"17-9\": the range \"17-9\" is reversed");
      assertFieldRejected(
          "0 23 * * fri-mon",
          "field 5 (day-of-week) \"fri-mon\": the range \"fri-mon\" is reversed");
      assertFieldRejected("*/0 * * * *", "field 1 (minute) \"*/0\": the step \"0\" is not >= 1");
      assertFieldRejected(
          "0 0 1-31/00 * *", "field 3 (day-of-month) \"1-31/00\": the step \"00\" is not >= 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5/15", "?", "1-", "1,,2", "-1", "1-2-3", "*/", "1#2", "**", "0x1F"})
    void rejectsOtherSyntax(String minute) {
      assertFieldRejected(
          minute + " 0 * * *",
          "field 1 (minute) "
              + InvalidValueException.render(minute)
              + " is not *, a value, a range a-b, a step */n or a-b/n, or a comma list of those");
    }

    @Test
    void aFreezeFileWithATypoIsRefusedWhenRead() {
      DocumentCodec yaml = DocumentCodec.yaml();
      String file =
          yaml.write(new Schedule.Cron("0 23 * * fri", "0 7 * * mon", PARIS)).replace("fri", "fry");
      InvalidDocumentException refused =
          catchThrowableOfType(
              InvalidDocumentException.class, () -> yaml.read(file, Schedule.class));
      assertThat(refused.problems())
          .extracting(DocumentProblem::path, DocumentProblem::message)
          .containsExactly(
              tuple(
                  "$.start",
                  "must be a cron expression of five fields (minute hour day-of-month month"
                      + " day-of-week): at position 10, field 5 (day-of-week) \"fry\": \"fry\" is not a day of the"
                      + " week 0-7 or sun-sat, was \"0 23 * * fry\""));
    }

    private void assertFieldRejected(String expression, String expectedDetail) {
      String detail = withPosition(expectedDetail, "field", expression.split("(?=\\s)", -1));
      String problem =
          " must be a cron expression of five fields (minute hour day-of-month month day-of-week):"
              + " ";
      String was = ", was " + InvalidValueException.render(expression);
      assertRejected(
          () -> new Schedule.Cron(expression, "0 7 * * 1", PARIS),
          Schedule.Cron.class,
          "start",
          "start" + problem + detail + was);
      assertRejected(
          () -> new Schedule.Cron("0 7 * * 1", expression, PARIS),
          Schedule.Cron.class,
          "end",
          "end" + problem + detail + was);
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
    @ValueSource(
        strings = {
          "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=16;BYMINUTE=0",
          "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24;COUNT=10",
          "freq=weekly;byday=mo",
          "FREQ=WEEKLY;BYDAY=MO,TU,WE;UNTIL=20271231T000000Z",
          "FREQ=DAILY;INTERVAL=2;UNTIL=20280229",
          "FREQ=WEEKLY;UNTIL=20270101t120000z;WKST=su;BYHOUR=0,23;BYMINUTE=00,59",
          "FREQ=MONTHLY;BYMONTHDAY=-1,+15,1,31,-31",
          "FREQ=YEARLY;BYDAY=+53MO,1SU,-53SA,TH;BYMONTH=1,01,12",
          "COUNT=1;FREQ=daily"
        })
    void acceptsTheRruleSubset(String rule) {
      assertThat(new Schedule.Recurrence(friday, PARIS, rule, Duration.ofHours(1), Set.of()).rule())
          .isEqualTo(rule);
    }

    @Test
    void rejectsMalformedAndUnknownParts() {
      assertRuleRejected(
          "FREQ=NEVER;BOGUS",
          "part 1 \"FREQ=NEVER\": \"NEVER\" is not DAILY, WEEKLY, MONTHLY or YEARLY");
      assertRuleRejected("FREQ=DAILY;BOGUS", "part 2 \"BOGUS\" is not NAME=VALUE");
      assertRuleRejected("FREQ=DAILY;", "part 2 \"\" is not NAME=VALUE");
      assertRuleRejected("FREQ=DAILY;=2", "part 2 \"=2\" is not NAME=VALUE");
      assertRuleRejected(
          "FREQ=DAILY;BYSETPOS=1",
          "part 2 \"BYSETPOS=1\" names an unknown rule part; expected FREQ, INTERVAL, COUNT,"
              + " UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYHOUR, BYMINUTE or WKST");
      assertRuleRejected("FREQ=DAILY;freq=WEEKLY", "part 2 \"freq=WEEKLY\" repeats FREQ");
      assertRuleRejected("FREQ=WEEKLY;BYDAY=", "part 2 \"BYDAY=\" has an empty value");
      assertRuleRejected(
          "FREQ=DAILY;COUNT=10;UNTIL=20271231", "must not give both COUNT and UNTIL");
    }

    @Test
    void rejectsBadValuesNamingThePart() {
      assertRuleRejected(
          "FREQ=DAILY;INTERVAL=0", "part 2 \"INTERVAL=0\": \"0\" is not a whole number >= 1");
      assertRuleRejected(
          "FREQ=DAILY;COUNT=-1", "part 2 \"COUNT=-1\": \"-1\" is not a whole number >= 1");
      assertRuleRejected(
          "FREQ=DAILY;INTERVAL=99999999999",
          "part 2 \"INTERVAL=99999999999\": \"99999999999\" is above 2147483647");
      for (String until : List.of("2027-12-31", "20270230", "20271231T240000", "20271231Z")) {
        assertRuleRejected(
            "FREQ=DAILY;UNTIL=" + until,
            "part 2 \"UNTIL="
                + until
                + "\": \""
                + until
                + "\" is not a date yyyymmdd or a date-time yyyymmddThhmmss, optionally with Z");
      }
      String weekday =
          "is not a weekday MO..SU with an optional ordinal ±1..53, such as 1MO or -1FR";
      assertRuleRejected("FREQ=MONTHLY;BYDAY=MO,XX", "part 2 \"BYDAY=MO,XX\": \"XX\" " + weekday);
      assertRuleRejected("FREQ=MONTHLY;BYDAY=0MO", "part 2 \"BYDAY=0MO\": \"0MO\" " + weekday);
      assertRuleRejected("FREQ=YEARLY;BYDAY=54MO", "part 2 \"BYDAY=54MO\": \"54MO\" " + weekday);
      assertRuleRejected(
          "FREQ=MONTHLY;BYMONTHDAY=0",
          "part 2 \"BYMONTHDAY=0\": \"0\" is not a day of the month 1..31 or -31..-1");
      assertRuleRejected(
          "FREQ=MONTHLY;BYMONTHDAY=1,-32",
          "part 2 \"BYMONTHDAY=1,-32\": \"-32\" is not a day of the month 1..31 or -31..-1");
      assertRuleRejected(
          "FREQ=YEARLY;BYMONTH=13", "part 2 \"BYMONTH=13\": \"13\" is not a month 1..12");
      assertRuleRejected(
          "FREQ=DAILY;BYHOUR=24", "part 2 \"BYHOUR=24\": \"24\" is not an hour 0..23");
      assertRuleRejected(
          "FREQ=DAILY;BYHOUR=1,,2", "part 2 \"BYHOUR=1,,2\": \"\" is not an hour 0..23");
      assertRuleRejected(
          "FREQ=DAILY;BYMINUTE=60", "part 2 \"BYMINUTE=60\": \"60\" is not a minute 0..59");
      assertRuleRejected(
          "FREQ=WEEKLY;WKST=1MO",
          "part 2 \"WKST=1MO\": \"1MO\" is not a weekday MO, TU, WE, TH, FR, SA or SU");
    }

    @Test
    void rejectsWhatRfc5545ForbidsForTheFrequency() {
      assertRuleRejected(
          "FREQ=WEEKLY;BYDAY=1MO",
          "part 2 \"BYDAY=1MO\": \"1MO\" has an ordinal, which only FREQ=MONTHLY and"
              + " FREQ=YEARLY allow");
      assertRuleRejected(
          "BYMONTHDAY=5;FREQ=WEEKLY", "part 1 \"BYMONTHDAY=5\" cannot be used with FREQ=WEEKLY");
    }

    @Test
    void rejectsMonthlyOrdinalsBeyondFiveAndTheICalendarPrefix() {
      assertRuleRejected(
          "FREQ=MONTHLY;BYDAY=53MO",
          "part 2 \"BYDAY=53MO\": \"53MO\" has an ordinal beyond ±5, which never occurs within a"
              + " month");
      assertThat(
              new Schedule.Recurrence(
                      friday, PARIS, "FREQ=YEARLY;BYDAY=53MO", Duration.ofHours(1), Set.of())
                  .rule())
          .isEqualTo("FREQ=YEARLY;BYDAY=53MO");
      assertRuleRejected(
          "RRULE:FREQ=DAILY", "must be the rule alone, without the \"RRULE:\" prefix");
    }

    private void assertRuleRejected(String rule, String expectedProblem) {
      String problem = withPosition(expectedProblem, "part", rule.split(";", -1));
      assertRejected(
          () -> new Schedule.Recurrence(friday, PARIS, rule, Duration.ofHours(1), Set.of()),
          Schedule.Recurrence.class,
          "rule",
          "rule " + problem + ", was " + InvalidValueException.render(rule));
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

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Mon-Fri 09:00-11:00[Europe/Paris]",
          "mon 00:00-24:00[UTC]",
          "SAT-SUN 10:00-18:30[America/New_York], Mon 09:00-09:01[+05:30]",
          "Wed-wed  08:00-17:00[Z],Thu 23:59-24:00[Asia/Kolkata]",
          "Tue 14:00-16:00[Australia/Lord_Howe] "
        })
    void acceptsEntriesOfDaysTimesAndZone(String expression) {
      assertThat(new Schedule.Compact(expression).expression()).isEqualTo(expression);
    }

    @Test
    void rejectsAMalformedEntryNamingThePart() {
      String shape = " is not DAYS HH:MM-HH:MM[ZONE], such as Mon-Fri 09:00-11:00[Europe/Paris]";
      assertCompactRejected("Mon-Fri", "entry 1 \"Mon-Fri\"" + shape);
      assertCompactRejected("Mon-Fri 09:00-11:00", "entry 1 \"Mon-Fri 09:00-11:00\"" + shape);
      assertCompactRejected("Mon 09:00-11:00[UTC],", "entry 2 \"\"" + shape);
      assertCompactRejected(
          "Monday 09:00-11:00[UTC]",
          "entry 1 \"Monday 09:00-11:00[UTC]\": days \"Monday\" are not a day Mon..Sun or a"
              + " range of days such as Mon-Fri");
      assertCompactRejected(
          "Mon-Xyz 09:00-11:00[UTC]",
          "entry 1 \"Mon-Xyz 09:00-11:00[UTC]\": days \"Mon-Xyz\" are not a day Mon..Sun or a"
              + " range of days such as Mon-Fri");
      assertCompactRejected(
          "Fri-Mon 09:00-11:00[UTC]",
          "entry 1 \"Fri-Mon 09:00-11:00[UTC]\": days \"Fri-Mon\" are a reversed range (weeks"
              + " run from Mon to Sun)");
      assertCompactRejected(
          "Mon 9:00-11:00[UTC]",
          "entry 1 \"Mon 9:00-11:00[UTC]\": times \"9:00-11:00\" are not HH:MM-HH:MM");
    }

    @Test
    void rejectsTimesOutOfOrderOrRangeAndUnknownZones() {
      assertCompactRejected(
          "Mon 24:00-24:00[UTC]",
          "entry 1 \"Mon 24:00-24:00[UTC]\": start \"24:00\" is not a time 00:00 to 23:59");
      assertCompactRejected(
          "Mon 09:60-10:00[UTC]",
          "entry 1 \"Mon 09:60-10:00[UTC]\": start \"09:60\" is not a time 00:00 to 23:59");
      assertCompactRejected(
          "Mon 09:00-24:01[UTC]",
          "entry 1 \"Mon 09:00-24:01[UTC]\": end \"24:01\" is not a time 00:00 to 24:00");
      assertCompactRejected(
          "Mon 11:00-09:00[UTC]",
          "entry 1 \"Mon 11:00-09:00[UTC]\": end \"09:00\" is not after start \"11:00\"");
      assertCompactRejected(
          "Mon 09:00-10:00[UTC], Tue 10:00-10:00[UTC]",
          "entry 2 \"Tue 10:00-10:00[UTC]\": end \"10:00\" is not after start \"10:00\"");
      assertCompactRejected(
          "Mon 09:00-11:00[Europe/Pariss]",
          "entry 1 \"Mon 09:00-11:00[Europe/Pariss]\": zone \"Europe/Pariss\" is not a time zone"
              + " id such as Europe/Paris, UTC or +05:30");
    }

    private void assertCompactRejected(String expression, String expectedProblem) {
      String problem = withPosition(expectedProblem, "entry", expression.split(",", -1));
      assertRejected(
          () -> new Schedule.Compact(expression),
          Schedule.Compact.class,
          "expression",
          "expression " + problem + ", was " + InvalidValueException.render(expression));
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

  @Test
  void parseErrorsNameThePositionAndWhatWasExpected() {
    assertThatThrownBy(() -> new Schedule.Cron("0 25 * * 1", "0 7 * * 1", PARIS))
        .hasMessageContaining("at position 3, field 2 (hour) \"25\": \"25\" is not an hour 0-23");
    assertThatThrownBy(
            () ->
                new Schedule.Recurrence(
                    LocalDateTime.parse("2026-01-02T16:00"),
                    PARIS,
                    "FREQ=WEEKLY;BYDAY=MO,XX",
                    Duration.ofHours(1),
                    Set.of()))
        .hasMessageContaining(
            "at position 13, part 2 \"BYDAY=MO,XX\": \"XX\" is not a weekday MO..SU");
    assertThatThrownBy(() -> new Schedule.Compact("Mon 09:00-10:00[UTC],  Tue 9:00-10:00[UTC]"))
        .hasMessageContaining("at position 24, entry 2 \"Tue 9:00-10:00[UTC]\"");
  }

  /**
   * {@code problem} with the position of the piece it names ("part 2 ..."), counted from 1 in the
   * text that {@code pieces} make up, as in {@code at position 14, part 2 ...}; unchanged if it
   * names none.
   */
  private static String withPosition(String problem, String piece, String[] pieces) {
    java.util.regex.Matcher named =
        java.util.regex.Pattern.compile("^" + piece + " ([0-9]+)").matcher(problem);
    if (!named.find()) {
      return problem;
    }
    int index = Integer.parseInt(named.group(1)) - 1;
    int position = 1;
    for (int i = 0; i < index; i++) {
      position += pieces[i].length() + (piece.equals("field") ? 0 : 1);
    }
    String named0 = pieces[index];
    position += named0.length() - named0.stripLeading().length();
    return "at position " + position + ", " + problem;
  }
}
