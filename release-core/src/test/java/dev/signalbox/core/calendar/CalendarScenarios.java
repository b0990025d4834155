package dev.signalbox.core.calendar;

import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.DateRange;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Random calendars for the oracle properties: several freeze and merge windows of every schedule
 * kind, with scopes that overlap, holiday calendars, and instants and local times near the DST
 * transitions of the zone. All randomness comes from QuickTheories (replay a failure with {@code
 * -DQT_SEED=...}).
 */
final class CalendarScenarios {
  static final List<String> ZONES =
      List.of(
          "America/New_York",
          "Europe/Berlin",
          "Australia/Lord_Howe",
          "Asia/Kolkata",
          "Pacific/Apia",
          "America/Santiago",
          "UTC");

  static final List<Scope> SCOPES =
      List.of(
          Scope.everything(),
          Scope.ofComponents("api"),
          Scope.ofComponents("web", "api"),
          new Scope(Set.of(), Set.of(), Set.of("production"), Set.of()),
          new Scope(
              Set.of(),
              Set.of(new PathGlob("src/**")),
              Set.of(),
              Set.of(new PathGlob("src/gen/**"))));

  private CalendarScenarios() {}

  /**
   * One generated case: a calendar, the instant around which it is checked, the zone it was built
   * around, targets to ask about and intervals to list.
   *
   * @param zone the main zone of the schedules
   * @param at the instant the checks centre on
   * @param radius how far either side of {@code at} the checks go
   * @param definition the calendar
   * @param targets changes to ask about
   * @param intervals {@code [from, to)} pairs for {@code between}, within the checked range
   */
  record Scenario(
      ZoneId zone,
      Instant at,
      Duration radius,
      CalendarDefinition definition,
      List<Target> targets,
      List<List<Instant>> intervals) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      s.append("\nzone=")
          .append(zone)
          .append(" at=")
          .append(at)
          .append(" (")
          .append(at.atZone(zone).toLocalDateTime())
          .append(" local) radius=")
          .append(radius);
      for (FreezeWindow f : definition.freezes()) {
        s.append("\n  freeze ")
            .append(f.id())
            .append(' ')
            .append(f.level())
            .append(' ')
            .append(f.scope())
            .append("\n    ")
            .append(f.schedule());
      }
      for (MergeWindow m : definition.mergeWindows()) {
        s.append("\n  merge ")
            .append(m.id())
            .append(' ')
            .append(m.scope())
            .append("\n    ")
            .append(m.schedule());
      }
      for (HolidayCalendar h : definition.holidays()) {
        s.append("\n  holidays ").append(h);
      }
      for (Target t : targets) {
        s.append("\n  target ").append(t);
      }
      s.append("\n  intervals ").append(intervals);
      return s.toString();
    }
  }

  /** Draws from QuickTheories' randomness, so that failures shrink and replay. */
  static final class Draw {
    private final RandomnessSource in;

    Draw(RandomnessSource in) {
      this.in = in;
    }

    int range(int min, int max) {
      return Generate.range(min, max).generate(in);
    }

    boolean chance(int percent) {
      return range(1, 100) <= percent;
    }

    <T> T pick(List<T> values) {
      return values.get(range(0, values.size() - 1));
    }
  }

  /** Scenarios around instants in {@code zone}, checked {@code radiusDays} either side. */
  static Gen<Scenario> scenarios(String zone, List<Integer> radiusDays) {
    return in -> scenario(new Draw(in), ZoneId.of(zone), radiusDays);
  }

  static Scenario scenario(Draw d, ZoneId zone, List<Integer> radiusDays) {
    Duration radius = Duration.ofDays(d.pick(radiusDays));
    Instant at = instant(d, zone);
    List<HolidayCalendar> holidays = new ArrayList<>();
    int calendars = d.range(0, 2);
    for (int i = 0; i < calendars; i++) {
      holidays.add(holidayCalendar(d, "hol-" + i, zone, at, radius));
    }
    List<String> names = holidays.stream().map(HolidayCalendar::name).toList();
    List<FreezeWindow> freezes = new ArrayList<>();
    int freezeCount = d.range(0, 3);
    for (int i = 0; i < freezeCount; i++) {
      freezes.add(
          new FreezeWindow(
              "f" + i,
              d.pick(SCOPES),
              schedule(d, zone, at, radius, names, true),
              d.pick(List.of(FreezeLevel.values())),
              "alice",
              "freeze " + i,
              Optional.empty()));
    }
    List<MergeWindow> merges = new ArrayList<>();
    int mergeCount = d.range(0, 3);
    for (int i = 0; i < mergeCount; i++) {
      merges.add(
          new MergeWindow(
              "m" + i,
              d.pick(SCOPES.subList(0, 3)),
              schedule(d, zone, at, radius, names, true),
              "bob",
              "merge " + i,
              Optional.empty()));
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      targets.add(target(d));
    }
    long radiusMinutes = radius.toMinutes();
    List<List<Instant>> intervals = new ArrayList<>();
    intervals.add(List.of(at.minus(radius), at.plus(radius)));
    for (int i = 0; i < 2; i++) {
      long from = d.range((int) -radiusMinutes, (int) radiusMinutes - 1);
      long length = d.range(1, (int) Math.min(radiusMinutes - from, 3 * 24 * 60));
      intervals.add(List.of(at.plusSeconds(60 * from), at.plusSeconds(60 * (from + length))));
    }
    return new Scenario(
        zone, at, radius, new CalendarDefinition(freezes, merges, holidays), targets, intervals);
  }

  // ---------------------------------------------------------------- instants

  /** A minute, often close to one of the zone's transitions (Apia's skipped day included). */
  static Instant instant(Draw d, ZoneId zone) {
    int kind = d.range(0, 9);
    if (kind <= 1) {
      long minute =
          d.range(
              (int) (LocalDate.of(2000, 1, 1).toEpochDay() * 1440 / 60),
              (int) (LocalDate.of(2035, 12, 31).toEpochDay() * 1440 / 60));
      return Instant.ofEpochSecond(minute * 3600 + 60L * d.range(0, 59));
    }
    if (kind == 2 && zone.getId().equals("Pacific/Apia")) {
      return Instant.parse("2011-12-29T10:00:00Z").plusSeconds(60L * offsetMinutes(d));
    }
    Instant base =
        LocalDate.of(d.range(2005, 2032), 1, 1)
            .plusDays(d.range(0, 364))
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    ZoneOffsetTransition next = zone.getRules().nextTransition(base);
    Instant around = next == null ? base : next.getInstant();
    return around.plusSeconds(60L * offsetMinutes(d));
  }

  private static int offsetMinutes(Draw d) {
    return switch (d.range(0, 3)) {
      case 0 -> 0;
      case 1 -> d.range(-120, 120);
      case 2 -> d.range(-3 * 1440, 3 * 1440);
      default -> d.range(-20 * 1440, 20 * 1440);
    };
  }

  private static int hour(Draw d) {
    return d.chance(60) ? d.pick(List.of(0, 1, 2, 3, 23, 2, 0)) : d.range(0, 23);
  }

  private static int minute(Draw d) {
    return d.chance(70) ? d.pick(List.of(0, 30, 0, 15, 45)) : d.range(0, 59);
  }

  private static ZoneId scheduleZone(Draw d, ZoneId zone) {
    return d.chance(80) ? zone : ZoneId.of(d.pick(ZONES));
  }

  // ---------------------------------------------------------------- schedules

  static Schedule schedule(
      Draw d, ZoneId mainZone, Instant at, Duration radius, List<String> holidays, boolean nest) {
    ZoneId zone = scheduleZone(d, mainZone);
    int kind = d.range(0, holidays.isEmpty() ? 7 : nest ? 9 : 8);
    return switch (kind) {
      case 0 -> oneOff(d, zone, at, radius);
      case 1 -> new Schedule.UntilLifted(near(d, zone, at, radius), zone);
      case 2, 3 -> cron(d, zone);
      case 4, 5, 6 -> recurrence(d, zone, at, radius);
      case 7 -> compact(d, zone);
      case 8 -> new Schedule.Holidays(d.pick(holidays), zone);
      default ->
          new Schedule.ExceptHolidays(
              schedule(d, mainZone, at, radius, holidays, false),
              d.pick(holidays),
              scheduleZone(d, mainZone));
    };
  }

  /** A minute near {@code at}: often a local hour or half hour near a transition. */
  private static Instant near(Draw d, ZoneId zone, Instant at, Duration radius) {
    if (d.chance(50)) {
      LocalDate day =
          at.atZone(zone)
              .toLocalDate()
              .plusDays(d.range(-(int) radius.toDays(), (int) radius.toDays()));
      return OracleSchedules.resolve(day.atTime(hour(d), minute(d)), zone);
    }
    long minutes = radius.toMinutes();
    return at.plusSeconds(60L * d.range((int) -minutes, (int) minutes));
  }

  private static Schedule oneOff(Draw d, ZoneId zone, Instant at, Duration radius) {
    Instant start = near(d, zone, at, radius);
    int length =
        d.chance(50)
            ? d.pick(List.of(1, 30, 60, 90, 24 * 60, 3 * 24 * 60, 10 * 24 * 60))
            : d.range(1, 5 * 24 * 60);
    return new Schedule.OneOff(start, start.plusSeconds(60L * length), zone);
  }

  private static final List<String> CRON_MINUTES =
      List.of("0", "30", "0,30", "15", "*/20", "45", "0-59/30");
  private static final List<String> CRON_HOURS =
      List.of("0", "1", "2", "3", "23", "9-17/4", "*/6", "2,14", "*");
  private static final List<String> CRON_DAYS_OF_MONTH =
      List.of("*", "*", "*", "1", "15", "1-7", "*/10", "13", "28", "29-31");
  private static final List<String> CRON_MONTHS =
      List.of("*", "*", "*", "*/2", "1-12/3", "jan,apr,jul,oct", "FEB-DEC", "Mar-Nov", "6", "dec");
  private static final List<String> CRON_DAYS_OF_WEEK =
      List.of(
          "*", "*", "*", "5", "fri", "1-5", "mon-sun", "1-0", "0", "7", "sat,sun", "*/2", "MON",
          "Sun");

  private static String cronExpression(Draw d) {
    // Every month list fires at least once a year, within the oracle's lookback of 400 days.
    String months = d.pick(CRON_MONTHS);
    return String.join(
        d.chance(80) ? " " : "  ",
        d.pick(CRON_MINUTES),
        d.pick(CRON_HOURS),
        d.pick(CRON_DAYS_OF_MONTH),
        months,
        d.pick(CRON_DAYS_OF_WEEK));
  }

  private static Schedule cron(Draw d, ZoneId zone) {
    if (d.chance(25)) {
      // GitLab's documented example, sometimes with hours near the transitions.
      return new Schedule.Cron(
          "0 " + d.pick(List.of("23", "2", "0", "1")) + " * * " + d.pick(List.of("5", "fri", "6")),
          "0 " + d.pick(List.of("7", "2", "3", "0")) + " * * " + d.pick(List.of("1", "mon", "0")),
          zone);
    }
    return new Schedule.Cron(cronExpression(d), cronExpression(d), zone);
  }

  private static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

  private static Schedule recurrence(Draw d, ZoneId zone, Instant at, Duration radius) {
    String freq = d.pick(List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY"));
    LocalDate atDate = at.atZone(zone).toLocalDate();
    LocalDateTime start =
        atDate.minusDays(d.range(-10, (int) radius.toDays() + 60)).atTime(hour(d), minute(d));
    List<String> parts = new ArrayList<>();
    parts.add("FREQ=" + freq);
    if (d.chance(35)) {
      parts.add("INTERVAL=" + d.range(2, 3));
    }
    boolean byMonth = d.chance(freq.equals("YEARLY") ? 60 : 15);
    Set<Integer> months = new LinkedHashSet<>();
    if (byMonth) {
      int n = d.range(1, 4);
      for (int i = 0; i < n; i++) {
        months.add(d.chance(50) ? atDate.getMonthValue() : d.range(1, 12));
      }
      parts.add("BYMONTH=" + join(months));
    }
    if (d.chance(45)) {
      Set<String> days = new LinkedHashSet<>();
      int n = d.range(1, 3);
      for (int i = 0; i < n; i++) {
        String day = d.pick(WEEKDAYS);
        int ordinal = 0;
        if (freq.equals("MONTHLY") && d.chance(60)) {
          ordinal = d.pick(List.of(1, 2, -1, 5, -5, 3, -2, 4));
        } else if (freq.equals("YEARLY") && d.chance(60)) {
          ordinal =
              byMonth ? d.pick(List.of(1, -1, 2, 5)) : d.pick(List.of(1, -1, 10, 53, -53, 20));
        }
        days.add(ordinal == 0 ? day : (ordinal > 0 && d.chance(20) ? "+" : "") + ordinal + day);
      }
      parts.add("BYDAY=" + String.join(",", days));
    }
    if (!freq.equals("WEEKLY") && d.chance(35)) {
      Set<Integer> days = new LinkedHashSet<>();
      int n = d.range(1, 2);
      for (int i = 0; i < n; i++) {
        days.add(d.chance(70) ? d.pick(List.of(1, 15, -1, 31, 30, 29, -7, 13)) : d.range(1, 28));
      }
      parts.add("BYMONTHDAY=" + join(days));
    }
    Set<Integer> hours = new LinkedHashSet<>();
    if (d.chance(40)) {
      int n = d.range(1, 2);
      for (int i = 0; i < n; i++) {
        hours.add(hour(d));
      }
      parts.add("BYHOUR=" + join(hours));
    }
    Set<Integer> minutes = new LinkedHashSet<>();
    if (d.chance(30)) {
      int n = d.range(1, 2);
      for (int i = 0; i < n; i++) {
        minutes.add(minute(d));
      }
      parts.add("BYMINUTE=" + join(minutes));
    }
    if (d.chance(20)) {
      parts.add("WKST=" + d.pick(WEEKDAYS));
    }
    switch (d.range(0, 4)) {
      case 0 -> parts.add("COUNT=" + d.range(1, 40));
      case 1 -> {
        LocalDateTime until =
            atDate
                .plusDays(d.range(-(int) radius.toDays(), (int) radius.toDays()))
                .atTime(hour(d), minute(d));
        String text = until.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        parts.add(
            "UNTIL="
                + switch (d.range(0, 2)) {
                  case 0 -> text.substring(0, 8);
                  case 1 -> text;
                  default -> text + "Z";
                });
      }
      default -> {}
    }
    List<String> ordered = new ArrayList<>(parts);
    if (d.chance(30)) {
      java.util.Collections.reverse(ordered);
    }
    String rule = String.join(";", ordered);
    if (d.chance(15)) {
      rule = rule.toLowerCase(Locale.ROOT);
    }
    Duration duration =
        Duration.ofMinutes(
            d.chance(70)
                ? d.pick(List.of(1, 30, 60, 90, 120, 8 * 60, 24 * 60, 25 * 60, 3 * 24 * 60))
                : d.range(1, 4 * 24 * 60));
    Set<LocalDateTime> exceptions = new LinkedHashSet<>();
    int exdates = d.chance(40) ? d.range(1, 3) : 0;
    for (int i = 0; i < exdates; i++) {
      LocalTime time =
          LocalTime.of(
              hours.isEmpty() ? start.getHour() : hours.iterator().next(),
              minutes.isEmpty() ? start.getMinute() : minutes.iterator().next());
      exceptions.add(start.toLocalDate().plusDays(d.range(0, 60)).atTime(time));
    }
    return new Schedule.Recurrence(start, zone, rule, duration, exceptions);
  }

  private static String join(Set<Integer> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  private static final List<String> DAY_NAMES =
      List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

  private static Schedule compact(Draw d, ZoneId zone) {
    int entries = d.range(1, 2);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      int first = d.range(0, 6);
      int last = d.chance(50) ? first : d.range(first, 6);
      String days = DAY_NAMES.get(first) + (last == first ? "" : "-" + DAY_NAMES.get(last));
      if (d.chance(20)) {
        days = days.toUpperCase(Locale.ROOT);
      }
      boolean wholeDays = d.chance(15);
      int from = wholeDays ? 0 : hour(d) * 60 + minute(d);
      int to =
          wholeDays || d.chance(25)
              ? 24 * 60
              : d.range(
                  from + 1, Math.min(24 * 60, from + d.pick(List.of(30, 60, 180, 600, 1440))));
      String zoneId = (d.chance(85) ? zone : ZoneId.of(d.pick(ZONES))).getId();
      texts.add(String.format(Locale.ROOT, "%s %s-%s[%s]", days, hhmm(from), hhmm(to), zoneId));
    }
    return new Schedule.Compact(String.join(d.chance(50) ? ", " : ",", texts));
  }

  private static String hhmm(int minuteOfDay) {
    return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  }

  // ---------------------------------------------------------------- holidays and targets

  private static HolidayCalendar holidayCalendar(
      Draw d, String name, ZoneId zone, Instant at, Duration radius) {
    LocalDate atDate = at.atZone(zone).toLocalDate();
    int days = (int) radius.toDays();
    Set<LocalDate> dates = new LinkedHashSet<>();
    int n = d.range(0, 4);
    for (int i = 0; i < n; i++) {
      dates.add(atDate.plusDays(d.range(-days, days)));
    }
    if (d.chance(50)) {
      // The local date of a transition near at, such as Santiago's midnight gap.
      ZoneOffsetTransition next = zone.getRules().nextTransition(at.minus(radius));
      if (next != null) {
        dates.add(next.getDateTimeBefore().toLocalDate());
        dates.add(next.getDateTimeAfter().toLocalDate());
      }
    }
    List<DateRange> ranges = new ArrayList<>();
    if (d.chance(40)) {
      LocalDate first = atDate.plusDays(d.range(-days, days));
      ranges.add(new DateRange(first, first.plusDays(d.range(0, 5))));
    }
    return new HolidayCalendar(name, dates, ranges);
  }

  private static Target target(Draw d) {
    Set<String> components =
        d.pick(List.of(Set.<String>of(), Set.of("api"), Set.of("web"), Set.of("api", "web")));
    Set<RepoPath> paths =
        d.pick(
            List.of(
                Set.<RepoPath>of(),
                Set.of(RepoPath.of("src/Main.java")),
                Set.of(RepoPath.of("docs/a.md")),
                Set.of(RepoPath.of("src/gen/G.java"))));
    Optional<String> environment =
        d.pick(
            List.of(Optional.<String>empty(), Optional.of("production"), Optional.of("staging")));
    return new Target(
        components,
        paths,
        environment,
        d.pick(List.of(ChangeClass.values())),
        d.pick(List.of(Criticality.values())),
        d.chance(20));
  }
}
