package dev.signalbox.core.calendar;

import static dev.signalbox.core.calendar.HandChecks.period;

import dev.signalbox.core.model.Schedule;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GitLab's documented example deploy freeze, {@code freeze_start: 0 23 * * 5} and {@code
 * freeze_end: 0 7 * * 1} (Friday 23:00 to Monday 07:00 in {@code cron_timezone}), across both DST
 * changes of 2026 in several zones. The instants are worked out by hand from the zones' rules: a
 * freeze over a spring-forward weekend lasts an hour less (half an hour at Lord Howe), one over a
 * fall-back weekend an hour more; Santiago changes at local midnight, inside the freeze.
 */
class CalendarGitLabExampleTest {

  @ParameterizedTest(name = "{0}: {1} to {2}")
  @CsvSource({
    // New York: EST -5 to EDT -4 on Sun 2026-03-08 at 02:00; back on Sun 2026-11-01 at 02:00.
    "America/New_York, 2026-03-07T04:00:00Z, 2026-03-09T11:00:00Z",
    "America/New_York, 2026-10-31T03:00:00Z, 2026-11-02T12:00:00Z",
    // Berlin: CET +1 to CEST +2 on Sun 2026-03-29 at 02:00; back on Sun 2026-10-25 at 03:00.
    "Europe/Berlin, 2026-03-27T22:00:00Z, 2026-03-30T05:00:00Z",
    "Europe/Berlin, 2026-10-23T21:00:00Z, 2026-10-26T06:00:00Z",
    // Lord Howe: +11 to +10:30 on Sun 2026-04-05 at 02:00; +10:30 to +11 on Sun 2026-10-04.
    "Australia/Lord_Howe, 2026-04-03T12:00:00Z, 2026-04-05T20:30:00Z",
    "Australia/Lord_Howe, 2026-10-02T12:30:00Z, 2026-10-04T20:00:00Z",
    // Santiago: -3 to -4 at Sun 2026-04-05 00:00; -4 to -3 at Sun 2026-09-06 00:00 (a gap).
    "America/Santiago, 2026-04-04T02:00:00Z, 2026-04-06T11:00:00Z",
    "America/Santiago, 2026-09-05T03:00:00Z, 2026-09-07T10:00:00Z",
    // No DST: Kolkata +5:30 and UTC, 56 hours.
    "Asia/Kolkata, 2026-03-06T17:30:00Z, 2026-03-09T01:30:00Z",
    "UTC, 2026-10-30T23:00:00Z, 2026-11-02T07:00:00Z",
  })
  void fridayElevenPmToMondaySevenAm(String zone, String start, String end) {
    HandChecks checks =
        HandChecks.freeze(new Schedule.Cron("0 23 * * 5", "0 7 * * 1", ZoneId.of(zone)));
    String dayBefore = HandChecks.at(start).minusSeconds(86_400).toString();
    String dayAfter = HandChecks.at(end).plusSeconds(86_400).toString();
    checks
        .periods(dayBefore, dayAfter, period(WindowKind.FREEZE, "freeze", start, end))
        .open(HandChecks.at(start).minusSeconds(60).toString())
        .frozen(start, start, end)
        .frozen(HandChecks.at(start).plusSeconds(30 * 3600).toString(), start, end)
        .frozen(HandChecks.at(end).minusSeconds(60).toString(), start, end)
        .open(end)
        .nextClose(dayBefore, start)
        .nextOpen(start, end);
  }
}
