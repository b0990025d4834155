package dev.signalbox.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Examples of RFC 5545 section 3.8.5.3 (DTSTART in America/New_York), with the instances the RFC
 * lists, checked against the oracle's instances and the calendar's periods. Where the RFC's DTSTART
 * does not match its rule, the RFC still counts it as the first instance; the calendar's documented
 * choice is that it is an instance only if it matches, so those lists start at the first match.
 */
class CalendarRfc5545ExampleTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of(
            "every other week on Tuesday and Thursday, for 8 occurrences",
            "1997-09-02T09:00",
            "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
            "1998-01-01",
            days(
                "1997-09-02",
                "1997-09-04",
                "1997-09-16",
                "1997-09-18",
                "1997-09-30",
                "1997-10-02",
                "1997-10-14",
                "1997-10-16")),
        Arguments.of(
            "WKST=MO changes which weeks INTERVAL=2 selects",
            "1997-08-05T09:00",
            "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
            "1997-12-01",
            days("1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24")),
        Arguments.of(
            "WKST=SU changes which weeks INTERVAL=2 selects",
            "1997-08-05T09:00",
            "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
            "1997-12-01",
            days("1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31")),
        Arguments.of(
            "monthly on the first Friday for 10 occurrences",
            "1997-09-05T09:00",
            "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
            "1999-01-01",
            days(
                "1997-09-05",
                "1997-10-03",
                "1997-11-07",
                "1997-12-05",
                "1998-01-02",
                "1998-02-06",
                "1998-03-06",
                "1998-04-03",
                "1998-05-01",
                "1998-06-05")),
        Arguments.of(
            "monthly on the second-to-last Monday for 6 months",
            "1997-09-22T09:00",
            "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
            "1999-01-01",
            days(
                "1997-09-22",
                "1997-10-20",
                "1997-11-17",
                "1997-12-22",
                "1998-01-19",
                "1998-02-16")),
        Arguments.of(
            "monthly on the third-to-the-last day of the month",
            "1997-09-28T09:00",
            "FREQ=MONTHLY;BYMONTHDAY=-3",
            "1998-03-01",
            days(
                "1997-09-28",
                "1997-10-29",
                "1997-11-28",
                "1997-12-29",
                "1998-01-29",
                "1998-02-26")),
        Arguments.of(
            "monthly on the 2nd and 15th for 10 occurrences",
            "1997-09-02T09:00",
            "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
            "1999-01-01",
            days(
                "1997-09-02",
                "1997-09-15",
                "1997-10-02",
                "1997-10-15",
                "1997-11-02",
                "1997-11-15",
                "1997-12-02",
                "1997-12-15",
                "1998-01-02",
                "1998-01-15")),
        Arguments.of(
            "every 20th Monday of the year",
            "1997-05-19T09:00",
            "FREQ=YEARLY;BYDAY=20MO",
            "2000-01-01",
            days("1997-05-19", "1998-05-18", "1999-05-17")),
        Arguments.of(
            "every Friday the 13th (the RFC's DTSTART, a Tuesday, does not match)",
            "1997-09-02T09:00",
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
            "2000-11-01",
            days("1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13")),
        Arguments.of(
            "every year in June and July for 10 occurrences",
            "1997-06-10T09:00",
            "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
            "2002-01-01",
            days(
                "1997-06-10",
                "1997-07-10",
                "1998-06-10",
                "1998-07-10",
                "1999-06-10",
                "1999-07-10",
                "2000-06-10",
                "2000-07-10",
                "2001-06-10",
                "2001-07-10")),
        Arguments.of(
            "every Thursday in March",
            "1997-03-13T09:00",
            "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
            "1999-04-01",
            days(
                "1997-03-13",
                "1997-03-20",
                "1997-03-27",
                "1998-03-05",
                "1998-03-12",
                "1998-03-19",
                "1998-03-26",
                "1999-03-04",
                "1999-03-11",
                "1999-03-18",
                "1999-03-25")),
        Arguments.of(
            "the first Saturday that follows the first Sunday of the month",
            "1997-09-13T09:00",
            "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13;COUNT=10",
            "1999-01-01",
            days(
                "1997-09-13",
                "1997-10-11",
                "1997-11-08",
                "1997-12-13",
                "1998-01-10",
                "1998-02-07",
                "1998-03-07",
                "1998-04-11",
                "1998-05-09",
                "1998-06-13")),
        Arguments.of(
            "every other year on January, February and March for 10 occurrences",
            "1997-03-10T09:00",
            "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
            "2002-01-01",
            days(
                "1997-03-10",
                "1999-01-10",
                "1999-02-10",
                "1999-03-10",
                "2001-01-10",
                "2001-02-10",
                "2001-03-10")),
        Arguments.of(
            "daily until December 24, 1997 (UNTIL in UTC)",
            "1997-12-20T09:00",
            "FREQ=DAILY;UNTIL=19971224T000000Z",
            "1998-01-01",
            days("1997-12-20", "1997-12-21", "1997-12-22", "1997-12-23")),
        Arguments.of(
            "every 10 days, 5 occurrences",
            "1997-09-02T09:00",
            "FREQ=DAILY;INTERVAL=10;COUNT=5",
            "1998-01-01",
            days("1997-09-02", "1997-09-12", "1997-09-22", "1997-10-02", "1997-10-12")));
  }

  private static List<LocalDateTime> days(String... dates) {
    List<LocalDateTime> list = new ArrayList<>();
    for (String date : dates) {
      list.add(LocalDate.parse(date).atTime(9, 0));
    }
    return list;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void instancesAsTheRfcLists(
      String name, String dtstart, String rule, String until, List<LocalDateTime> expected) {
    Schedule.Recurrence recurrence =
        new Schedule.Recurrence(
            LocalDateTime.parse(dtstart), NEW_YORK, rule, Duration.ofMinutes(1), Set.of());
    LocalDate last = LocalDate.parse(until);
    List<LocalDateTime> oracle =
        OracleSchedules.instances(recurrence, last).stream()
            .filter(local -> local.toLocalDate().isBefore(last))
            .toList();
    assertThat(oracle).as("oracle's instances of %s", rule).isEqualTo(expected);

    ReleaseCalendar calendar =
        ReleaseCalendar.builder().freeze(HandChecks.freezeWindow("rfc", recurrence)).build();
    Instant from = OracleSchedules.resolve(LocalDateTime.parse(dtstart).minusDays(1), NEW_YORK);
    Instant to = OracleSchedules.resolve(last.atStartOfDay(), NEW_YORK);
    List<LocalDateTime> starts =
        calendar.between(from, to).stream()
            .map(period -> period.start().atZone(NEW_YORK).toLocalDateTime())
            .toList();
    assertThat(starts).as("calendar's periods of %s", rule).isEqualTo(expected);
  }
}
