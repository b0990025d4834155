package dev.signalbox.core.calendar;

import static dev.signalbox.core.calendar.HandChecks.period;

import dev.signalbox.core.model.DateRange;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.Schedule;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Windows at DST gaps and overlaps, worked out by hand: a local time in a gap moves forward by the
 * gap, one in an overlap takes the earlier offset, and an occurrence whose end is not after its
 * start is empty. Each expectation is checked against the oracle and the calendar.
 */
class CalendarDstExampleTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
  private static final ZoneId APIA = ZoneId.of("Pacific/Apia");
  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  private static final WindowKind FREEZE = WindowKind.FREEZE;

  private static Schedule daily(
      String dtstart, ZoneId zone, String rule, int minutes, String... exdates) {
    return new Schedule.Recurrence(
        LocalDateTime.parse(dtstart),
        zone,
        rule,
        Duration.ofMinutes(minutes),
        Set.copyOf(List.of(exdates).stream().map(LocalDateTime::parse).toList()));
  }

  // ------------------------------------------------------------ New York, 2026-03-08 02:00 gap

  @Test
  void recurrenceStartingInTheGapMovesForwardAndKeepsItsLocalEnd() {
    // 02:30 daily for two hours; on 2026-03-08 02:30 does not exist: it starts at 03:30 EDT and
    // ends at 04:30 EDT, an hour long.
    HandChecks.freeze(daily("2026-03-07T02:30", NEW_YORK, "FREQ=DAILY;COUNT=3", 120))
        .periods(
            "2026-03-06T00:00:00Z",
            "2026-03-12T00:00:00Z",
            period(FREEZE, "freeze", "2026-03-07T07:30:00Z", "2026-03-07T09:30:00Z"),
            period(FREEZE, "freeze", "2026-03-08T07:30:00Z", "2026-03-08T08:30:00Z"),
            period(FREEZE, "freeze", "2026-03-09T06:30:00Z", "2026-03-09T08:30:00Z"))
        .frozen("2026-03-08T08:00:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:30:00Z")
        .open("2026-03-08T07:29:00Z")
        .open("2026-03-08T08:30:00Z");
  }

  @Test
  void occurrenceSwallowedByTheGapIsEmpty() {
    // 02:30 to 03:30 local on 2026-03-08: both ends resolve to 03:30 EDT, so nothing that day.
    HandChecks.freeze(daily("2026-03-07T02:30", NEW_YORK, "FREQ=DAILY;COUNT=3", 60))
        .periods(
            "2026-03-06T00:00:00Z",
            "2026-03-12T00:00:00Z",
            period(FREEZE, "freeze", "2026-03-07T07:30:00Z", "2026-03-07T08:30:00Z"),
            period(FREEZE, "freeze", "2026-03-09T06:30:00Z", "2026-03-09T07:30:00Z"))
        .open("2026-03-08T07:30:00Z")
        .nextClose("2026-03-07T09:00:00Z", "2026-03-09T06:30:00Z");
  }

  @Test
  void countIncludesExceptionsAndUntilWithZIsAnInstant() {
    // COUNT=3 counts the excepted 2026-03-08 instance, so the last is 2026-03-09.
    HandChecks.freeze(
            daily("2026-03-07T02:30", NEW_YORK, "FREQ=DAILY;COUNT=3", 120, "2026-03-08T02:30"))
        .periods(
            "2026-03-06T00:00:00Z",
            "2026-03-14T00:00:00Z",
            period(FREEZE, "freeze", "2026-03-07T07:30:00Z", "2026-03-07T09:30:00Z"),
            period(FREEZE, "freeze", "2026-03-09T06:30:00Z", "2026-03-09T08:30:00Z"));
    // UNTIL 06:30Z on 2026-03-09 is 02:30 EDT: that instance is the last (UNTIL is inclusive).
    HandChecks.freeze(daily("2026-03-07T02:30", NEW_YORK, "FREQ=DAILY;UNTIL=20260309T063000Z", 120))
        .periods(
            "2026-03-06T00:00:00Z",
            "2026-03-14T00:00:00Z",
            period(FREEZE, "freeze", "2026-03-07T07:30:00Z", "2026-03-07T09:30:00Z"),
            period(FREEZE, "freeze", "2026-03-08T07:30:00Z", "2026-03-08T08:30:00Z"),
            period(FREEZE, "freeze", "2026-03-09T06:30:00Z", "2026-03-09T08:30:00Z"));
  }

  @Test
  void cronEventsInTheGapMoveForwardAndSimultaneousStartAndEndIsNotInForce() {
    // Start Sundays 03:00, end Sundays 02:00. On 2026-03-08 02:00 moves to 03:00 EDT: both fire
    // at 07:00Z, so the freeze is not in force from then until the next Sunday's 03:00.
    HandChecks.freeze(new Schedule.Cron("0 3 * * 0", "0 2 * * sun", NEW_YORK))
        .periods(
            "2026-03-02T00:00:00Z",
            "2026-03-14T00:00:00Z",
            period(FREEZE, "freeze", "2026-03-01T08:00:00Z", "2026-03-08T07:00:00Z"))
        .open("2026-03-08T07:00:00Z")
        .nextClose("2026-03-08T07:00:00Z", "2026-03-15T07:00:00Z");
  }

  // ------------------------------------------------------------ New York, 2026-11-01 overlap

  @Test
  void overlapTakesTheEarlierOffset() {
    // 01:30 exists twice on 2026-11-01; the earlier (EDT) is taken, and 02:00 is EST: 90 minutes.
    HandChecks.freeze(new Schedule.Cron("30 1 * * 0", "0 2 * * 0", NEW_YORK))
        .periods(
            "2026-10-31T00:00:00Z",
            "2026-11-03T00:00:00Z",
            period(FREEZE, "freeze", "2026-11-01T05:30:00Z", "2026-11-01T07:00:00Z"));
    // Compact: Sunday 01:00-02:00 is two hours long that night.
    HandChecks.freeze(new Schedule.Compact("Sun 01:00-02:00[America/New_York]"))
        .periods(
            "2026-10-31T00:00:00Z",
            "2026-11-03T00:00:00Z",
            period(FREEZE, "freeze", "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z"))
        .frozen("2026-11-01T06:30:00Z", "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z");
    // A recurrence at 01:30 for an hour: 01:30 EDT to 02:30 EST, two hours.
    HandChecks.freeze(daily("2026-10-31T01:30", NEW_YORK, "FREQ=DAILY;COUNT=2", 60))
        .periods(
            "2026-10-30T00:00:00Z",
            "2026-11-03T00:00:00Z",
            period(FREEZE, "freeze", "2026-10-31T05:30:00Z", "2026-10-31T06:30:00Z"),
            period(FREEZE, "freeze", "2026-11-01T05:30:00Z", "2026-11-01T07:30:00Z"));
  }

  // ------------------------------------------------------------ Lord Howe, half-hour shifts

  @Test
  void lordHoweHalfHourShifts() {
    // Sunday 01:00-03:00: 90 minutes when clocks go 02:00 -> 02:30 (+10:30 to +11) on
    // 2026-10-04, 150 minutes when they go 02:00 -> 01:30 (+11 to +10:30) on 2026-04-05.
    HandChecks.freeze(new Schedule.Compact("Sun 01:00-03:00[Australia/Lord_Howe]"))
        .periods(
            "2026-10-02T00:00:00Z",
            "2026-10-05T00:00:00Z",
            period(FREEZE, "freeze", "2026-10-03T14:30:00Z", "2026-10-03T16:00:00Z"))
        .periods(
            "2026-04-03T00:00:00Z",
            "2026-04-06T00:00:00Z",
            period(FREEZE, "freeze", "2026-04-04T14:00:00Z", "2026-04-04T16:30:00Z"));
    // 02:15 for 45 minutes: on 2026-10-04 it starts at 02:45 +11 and ends at 03:00 +11.
    HandChecks.freeze(daily("2026-10-03T02:15", LORD_HOWE, "FREQ=DAILY;COUNT=3", 45))
        .periods(
            "2026-10-02T00:00:00Z",
            "2026-10-06T00:00:00Z",
            period(FREEZE, "freeze", "2026-10-02T15:45:00Z", "2026-10-02T16:30:00Z"),
            period(FREEZE, "freeze", "2026-10-03T15:45:00Z", "2026-10-03T16:00:00Z"),
            period(FREEZE, "freeze", "2026-10-04T15:15:00Z", "2026-10-04T16:00:00Z"));
    // For 30 minutes, the gap swallows the 2026-10-04 occurrence whole.
    HandChecks.freeze(daily("2026-10-03T02:15", LORD_HOWE, "FREQ=DAILY;COUNT=3", 30))
        .periods(
            "2026-10-02T00:00:00Z",
            "2026-10-06T00:00:00Z",
            period(FREEZE, "freeze", "2026-10-02T15:45:00Z", "2026-10-02T16:15:00Z"),
            period(FREEZE, "freeze", "2026-10-04T15:15:00Z", "2026-10-04T15:45:00Z"));
  }

  // ------------------------------------------------------------ Apia, 2011-12-30 skipped

  @Test
  void apiaSkippedDay() {
    // Apia went from 2011-12-29 24:00 -10 to 2011-12-31 00:00 +14 (10:00Z). Daily 10:00 for an
    // hour: the 12-30 instance moves forward a whole day, onto the 12-31 one.
    HandChecks.freeze(daily("2011-12-28T10:00", APIA, "FREQ=DAILY", 60))
        .periods(
            "2011-12-28T00:00:00Z",
            "2012-01-01T00:00:00Z",
            period(FREEZE, "freeze", "2011-12-28T20:00:00Z", "2011-12-28T21:00:00Z"),
            period(FREEZE, "freeze", "2011-12-29T20:00:00Z", "2011-12-29T21:00:00Z"),
            period(FREEZE, "freeze", "2011-12-30T20:00:00Z", "2011-12-30T21:00:00Z"),
            period(FREEZE, "freeze", "2011-12-31T20:00:00Z", "2011-12-31T21:00:00Z"));
    // Excepting 12-31 10:00 leaves the moved 12-30 instance in force at the same instants.
    HandChecks.freeze(daily("2011-12-28T10:00", APIA, "FREQ=DAILY", 60, "2011-12-31T10:00"))
        .periods(
            "2011-12-30T12:00:00Z",
            "2011-12-31T12:00:00Z",
            period(FREEZE, "freeze", "2011-12-30T20:00:00Z", "2011-12-30T21:00:00Z"));
    // Friday 2011-12-30 09:00-17:00 happens on Saturday's clock: 09:00 to 17:00 +14.
    HandChecks.freeze(new Schedule.Compact("Fri 09:00-17:00[Pacific/Apia]"))
        .periods(
            "2011-12-24T12:00:00Z",
            "2012-01-05T00:00:00Z",
            period(FREEZE, "freeze", "2011-12-30T19:00:00Z", "2011-12-31T03:00:00Z"));
  }

  @Test
  void apiaHolidayOnTheSkippedDayIsEmpty() {
    HolidayCalendar skipped =
        new HolidayCalendar("samoa", Set.of(LocalDate.parse("2011-12-30")), List.of());
    new HandChecks(
            ReleaseCalendar.builder()
                .holidays(skipped)
                .freeze(HandChecks.freezeWindow("freeze", new Schedule.Holidays("samoa", APIA)))
                .build()
                .definition())
        .periods("2011-12-28T00:00:00Z", "2012-01-02T00:00:00Z")
        .open("2011-12-30T10:00:00Z");
    HolidayCalendar both =
        new HolidayCalendar(
            "samoa",
            Set.of(),
            List.of(new DateRange(LocalDate.parse("2011-12-29"), LocalDate.parse("2011-12-31"))));
    // 12-29 00:00 -10 to 12-30 00:00 (= 12-31 00:00 +14), then 12-31 to 2012-01-01 00:00 +14.
    new HandChecks(
            ReleaseCalendar.builder()
                .holidays(both)
                .freeze(HandChecks.freezeWindow("freeze", new Schedule.Holidays("samoa", APIA)))
                .build()
                .definition())
        .periods(
            "2011-12-28T00:00:00Z",
            "2012-01-02T00:00:00Z",
            period(FREEZE, "freeze", "2011-12-29T10:00:00Z", "2011-12-31T10:00:00Z"));
  }

  // ------------------------------------------------------------ Santiago, DST at midnight

  @Test
  void santiagoHolidaysAtMidnightTransitions() {
    // 2026-09-06 begins at 01:00 -03 (00:00 is in the gap): 23 hours. 2026-04-04 ends at
    // 2026-04-05 00:00 -04 (the first of two 23:00-24:00 hours is 04-04's): 25 hours.
    HolidayCalendar chile =
        new HolidayCalendar(
            "chile",
            Set.of(
                LocalDate.parse("2026-09-06"),
                LocalDate.parse("2026-04-04"),
                LocalDate.parse("2026-04-05")),
            List.of());
    new HandChecks(
            ReleaseCalendar.builder()
                .holidays(chile)
                .freeze(HandChecks.freezeWindow("freeze", new Schedule.Holidays("chile", SANTIAGO)))
                .build()
                .definition())
        .periods(
            "2026-09-01T00:00:00Z",
            "2026-09-10T00:00:00Z",
            period(FREEZE, "freeze", "2026-09-06T04:00:00Z", "2026-09-07T03:00:00Z"))
        .periods(
            "2026-04-01T00:00:00Z",
            "2026-04-10T00:00:00Z",
            period(FREEZE, "freeze", "2026-04-04T03:00:00Z", "2026-04-06T04:00:00Z"))
        .frozen("2026-04-05T03:30:00Z", "2026-04-04T03:00:00Z", "2026-04-06T04:00:00Z");
  }

  @Test
  void mergeWindowExceptAHolidayInTheMidnightGap() {
    HolidayCalendar chile =
        new HolidayCalendar("chile", Set.of(LocalDate.parse("2026-09-06")), List.of());
    HandChecks checks =
        new HandChecks(
            ReleaseCalendar.builder()
                .holidays(chile)
                .mergeWindow(
                    HandChecks.mergeWindow(
                        "weekend",
                        new Schedule.ExceptHolidays(
                            new Schedule.Compact(
                                "Sat-Sun 00:00-24:00[America/Santiago], Mon 00:00-24:00[America/Santiago]"),
                            "chile",
                            SANTIAGO)))
                .build()
                .definition());
    checks.periods(
        "2026-09-04T00:00:00Z",
        "2026-09-10T00:00:00Z",
        period(WindowKind.MERGE, "weekend", "2026-09-05T04:00:00Z", "2026-09-06T04:00:00Z"),
        period(WindowKind.MERGE, "weekend", "2026-09-07T03:00:00Z", "2026-09-08T03:00:00Z"));
    checks.nextOpen("2026-09-06T12:00:00Z", "2026-09-07T03:00:00Z");
    checks.nextClose("2026-09-05T12:00:00Z", "2026-09-06T04:00:00Z");
  }
}
