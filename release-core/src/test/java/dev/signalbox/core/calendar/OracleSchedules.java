package dev.signalbox.core.calendar;

import dev.signalbox.core.model.DateRange;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The brute-force half of the oracle: the minutes at which one schedule is in force, as a bitmap
 * over a bounded range of UTC minutes. Written from the semantics in the issue and the model's
 * Javadoc only; it shares no code with the calendar's implementation. Everything is found by
 * stepping minute by minute (local minutes for crons and recurrences), never by computing the next
 * occurrence cleverly.
 */
final class OracleSchedules {
  /** How far back a cron looks for its latest start and end (generated crons fire more often). */
  static final Duration CRON_LOOKBACK = Duration.ofDays(400);

  private OracleSchedules() {}

  /** A range of UTC minutes {@code [first, first + size)}, bit i being minute {@code first + i}. */
  record Range(long firstMinute, int size) {
    static Range of(Instant from, Instant to) {
      long first = minuteOf(from);
      return new Range(first, Math.toIntExact(minuteOf(to) - first));
    }

    Instant instant(int index) {
      return Instant.ofEpochSecond((firstMinute + index) * 60);
    }

    Instant start() {
      return instant(0);
    }

    Instant end() {
      return instant(size);
    }

    /** The index of {@code t}, clamped to {@code [0, size]}. */
    int clamp(Instant t) {
      long m = Math.floorDiv(t.getEpochSecond(), 60) - firstMinute;
      if (m < 0) {
        return 0;
      }
      return (int) Math.min(m, size);
    }

    /** Sets the bits of {@code [start, end)}; nothing when the interval is empty. */
    void mark(BitSet bits, Instant start, Instant end) {
      requireMinute(start);
      requireMinute(end);
      if (!end.isAfter(start)) {
        return;
      }
      int from = clamp(start);
      int to = clamp(end);
      if (to > from) {
        bits.set(from, to);
      }
    }

    LocalDate firstLocalDate(ZoneId zone) {
      return start().atZone(zone).toLocalDate();
    }

    LocalDate lastLocalDate(ZoneId zone) {
      return end().atZone(zone).toLocalDate();
    }
  }

  static long minuteOf(Instant t) {
    requireMinute(t);
    return t.getEpochSecond() / 60;
  }

  static void requireMinute(Instant t) {
    if (t.getNano() != 0 || Math.floorMod(t.getEpochSecond(), 60) != 0) {
      throw new IllegalArgumentException("the oracle needs whole minutes, was " + t);
    }
  }

  /** The semantic's resolve: a local time in a gap moves forward, an overlap takes the earlier. */
  static Instant resolve(LocalDateTime local, ZoneId zone) {
    return ZonedDateTime.of(local, zone).toInstant();
  }

  /** The minutes of {@code range} at which {@code schedule} is in force. */
  static BitSet inForce(Schedule schedule, Map<String, HolidayCalendar> holidays, Range range) {
    BitSet bits = new BitSet(range.size());
    if (schedule instanceof Schedule.OneOff oneOff) {
      range.mark(bits, oneOff.start(), oneOff.end());
    } else if (schedule instanceof Schedule.UntilLifted lifted) {
      range.mark(bits, lifted.start(), range.end().plus(Duration.ofDays(1)));
    } else if (schedule instanceof Schedule.Cron cron) {
      cron(bits, cron, range);
    } else if (schedule instanceof Schedule.Recurrence recurrence) {
      recurrence(bits, recurrence, range);
    } else if (schedule instanceof Schedule.Compact compact) {
      compact(bits, compact.expression(), range);
    } else if (schedule instanceof Schedule.Holidays days) {
      holidays(bits, calendar(holidays, days.calendar()), days.zone(), range);
    } else if (schedule instanceof Schedule.ExceptHolidays except) {
      bits.or(inForce(except.schedule(), holidays, range));
      BitSet off = new BitSet(range.size());
      holidays(off, calendar(holidays, except.calendar()), except.zone(), range);
      bits.andNot(off);
    } else {
      throw new IllegalArgumentException("unknown schedule " + schedule);
    }
    return bits;
  }

  private static HolidayCalendar calendar(Map<String, HolidayCalendar> holidays, String name) {
    HolidayCalendar calendar = holidays.get(name);
    if (calendar == null) {
      throw new IllegalArgumentException("no holiday calendar " + name);
    }
    return calendar;
  }

  // ---------------------------------------------------------------- holidays

  static boolean isHoliday(HolidayCalendar calendar, LocalDate day) {
    if (calendar.dates().contains(day)) {
      return true;
    }
    for (DateRange range : calendar.ranges()) {
      if (!day.isBefore(range.first()) && !day.isAfter(range.last())) {
        return true;
      }
    }
    return false;
  }

  private static void holidays(BitSet bits, HolidayCalendar calendar, ZoneId zone, Range range) {
    LocalDate last = range.lastLocalDate(zone).plusDays(1);
    for (LocalDate d = range.firstLocalDate(zone).minusDays(1);
        !d.isAfter(last);
        d = d.plusDays(1)) {
      if (isHoliday(calendar, d)) {
        range.mark(
            bits, resolve(d.atStartOfDay(), zone), resolve(d.plusDays(1).atStartOfDay(), zone));
      }
    }
  }

  // ---------------------------------------------------------------- compact

  private static final Pattern COMPACT =
      Pattern.compile(
          "\\s*([A-Za-z]{3})(?:-([A-Za-z]{3}))?\\s+(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)\\[([^\\]]+)\\]\\s*");

  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private static void compact(BitSet bits, String expression, Range range) {
    for (String entry : expression.split(",", -1)) {
      Matcher m = COMPACT.matcher(entry);
      if (!m.matches()) {
        throw new IllegalArgumentException("oracle cannot read compact entry " + entry);
      }
      int firstDay = DAYS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1;
      String lastName = m.group(2);
      int lastDay =
          lastName == null ? firstDay : DAYS.indexOf(lastName.toLowerCase(Locale.ROOT)) + 1;
      LocalTime from = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
      int endHour = Integer.parseInt(m.group(5));
      int endMinute = Integer.parseInt(m.group(6));
      ZoneId zone = ZoneId.of(m.group(7));
      LocalDate last = range.lastLocalDate(zone).plusDays(1);
      for (LocalDate d = range.firstLocalDate(zone).minusDays(1);
          !d.isAfter(last);
          d = d.plusDays(1)) {
        int dow = d.getDayOfWeek().getValue();
        if (dow < firstDay || dow > lastDay) {
          continue;
        }
        LocalDateTime end =
            endHour == 24 ? d.plusDays(1).atStartOfDay() : d.atTime(endHour, endMinute);
        range.mark(bits, resolve(d.atTime(from), zone), resolve(end, zone));
      }
    }
  }

  // ---------------------------------------------------------------- cron

  /** One parsed cron expression: which values each field allows. */
  static final class CronSpec {
    final boolean[] minutes = new boolean[60];
    final boolean[] hours = new boolean[24];
    final boolean[] daysOfMonth = new boolean[32];
    final boolean[] months = new boolean[13];
    final boolean[] daysOfWeek = new boolean[8]; // 0..6, Sunday 0 (7 folded onto 0)
    final boolean domStar;
    final boolean dowStar;

    CronSpec(String expression) {
      String[] f = expression.trim().split("\\s+");
      if (f.length != 5) {
        throw new IllegalArgumentException("oracle needs five cron fields: " + expression);
      }
      field(f[0], minutes, 0, 59, List.of(), false);
      field(f[1], hours, 0, 23, List.of(), false);
      field(f[2], daysOfMonth, 1, 31, List.of(), false);
      field(
          f[3],
          months,
          1,
          12,
          List.of(
              "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
          false);
      field(f[4], daysOfWeek, 0, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"), true);
      if (daysOfWeek[7]) {
        daysOfWeek[0] = true;
      }
      domStar = f[2].startsWith("*");
      dowStar = f[4].startsWith("*");
    }

    private static void field(
        String text, boolean[] allowed, int min, int max, List<String> names, boolean weekday) {
      for (String item : text.split(",", -1)) {
        int step = 1;
        String body = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
          step = Integer.parseInt(item.substring(slash + 1));
          body = item.substring(0, slash);
        }
        int from;
        int to;
        if (body.equals("*")) {
          from = min;
          to = weekday ? 6 : max;
        } else {
          int dash = body.indexOf('-');
          if (dash >= 0) {
            from = value(body.substring(0, dash), names, min);
            to = value(body.substring(dash + 1), names, min);
            if (weekday && to == 0) {
              to = 7;
            }
          } else {
            from = value(body, names, min);
            to = slash >= 0 ? (weekday ? 6 : max) : from;
          }
        }
        for (int v = from; v <= to; v += step) {
          allowed[v] = true;
        }
      }
    }

    private static int value(String text, List<String> names, int min) {
      int named = names.indexOf(text.toLowerCase(Locale.ROOT));
      if (named >= 0) {
        return named + min;
      }
      return Integer.parseInt(text);
    }

    boolean dayMatches(LocalDate d) {
      if (!months[d.getMonthValue()]) {
        return false;
      }
      boolean dom = daysOfMonth[d.getDayOfMonth()];
      boolean dow = daysOfWeek[d.getDayOfWeek().getValue() % 7];
      return domStar || dowStar ? dom && dow : dom || dow;
    }

    boolean timeMatches(int hour, int minute) {
      return hours[hour] && minutes[minute];
    }
  }

  /** The instants at which {@code spec} fires within {@code events}' range, as a bitmap. */
  private static BitSet cronEvents(CronSpec spec, ZoneId zone, Range events) {
    BitSet fired = new BitSet(events.size());
    LocalDate last = events.lastLocalDate(zone).plusDays(1);
    for (LocalDate d = events.firstLocalDate(zone).minusDays(1);
        !d.isAfter(last);
        d = d.plusDays(1)) {
      if (!spec.dayMatches(d)) {
        continue;
      }
      for (int minuteOfDay = 0; minuteOfDay < 24 * 60; minuteOfDay++) {
        int hour = minuteOfDay / 60;
        int minute = minuteOfDay % 60;
        if (spec.timeMatches(hour, minute)) {
          Instant at = resolve(d.atTime(hour, minute), zone);
          if (!at.isBefore(events.start()) && at.isBefore(events.end())) {
            fired.set(events.clamp(at));
          }
        }
      }
    }
    return fired;
  }

  private static void cron(BitSet bits, Schedule.Cron cron, Range range) {
    Range events = Range.of(range.start().minus(CRON_LOOKBACK), range.end());
    BitSet starts = cronEvents(new CronSpec(cron.start()), cron.zone(), events);
    BitSet ends = cronEvents(new CronSpec(cron.end()), cron.zone(), events);
    int offset = events.size() - range.size();
    int latestStart = -1;
    int latestEnd = -1;
    for (int i = 0; i < events.size(); i++) {
      if (starts.get(i)) {
        latestStart = i;
      }
      if (ends.get(i)) {
        latestEnd = i;
      }
      if (i >= offset && latestStart >= 0 && latestStart > latestEnd) {
        bits.set(i - offset);
      }
    }
  }

  // ---------------------------------------------------------------- recurrence

  private enum UntilKind {
    DATE,
    LOCAL,
    UTC
  }

  /** One BYDAY item: an ordinal (0 for none) and a weekday. */
  private record ByDay(int ordinal, DayOfWeek day) {}

  /** A parsed RRULE, written for the oracle only. */
  static final class Rule {
    String freq = "";
    int interval = 1;
    int count = -1;
    @Nullable UntilKind untilKind;
    @Nullable LocalDateTime untilLocal;
    @Nullable LocalDate untilDate;
    @Nullable Instant untilInstant;
    final List<ByDay> byDay = new ArrayList<>();
    final List<Integer> byMonthDay = new ArrayList<>();
    final Set<Integer> byMonth = new HashSet<>();
    final Set<Integer> byHour = new HashSet<>();
    final Set<Integer> byMinute = new HashSet<>();
    DayOfWeek weekStart = DayOfWeek.MONDAY;

    Rule(String text) {
      for (String part : text.split(";", -1)) {
        int eq = part.indexOf('=');
        String name = part.substring(0, eq).toUpperCase(Locale.ROOT);
        String value = part.substring(eq + 1).toUpperCase(Locale.ROOT);
        switch (name) {
          case "FREQ" -> freq = value;
          case "INTERVAL" -> interval = Integer.parseInt(value);
          case "COUNT" -> count = Integer.parseInt(value);
          case "UNTIL" -> until(value);
          case "BYDAY" -> {
            for (String item : value.split(",", -1)) {
              String ord = item.substring(0, item.length() - 2);
              int ordinal = ord.isEmpty() ? 0 : Integer.parseInt(ord.replace("+", ""));
              byDay.add(new ByDay(ordinal, weekday(item.substring(item.length() - 2))));
            }
          }
          case "BYMONTHDAY" -> {
            for (String item : value.split(",", -1)) {
              byMonthDay.add(Integer.parseInt(item.replace("+", "")));
            }
          }
          case "BYMONTH" -> numbers(value, byMonth);
          case "BYHOUR" -> numbers(value, byHour);
          case "BYMINUTE" -> numbers(value, byMinute);
          case "WKST" -> weekStart = weekday(value);
          default -> throw new IllegalArgumentException("oracle cannot read rule part " + part);
        }
      }
    }

    private static void numbers(String value, Set<Integer> into) {
      for (String item : value.split(",", -1)) {
        into.add(Integer.parseInt(item));
      }
    }

    private static DayOfWeek weekday(String code) {
      List<String> codes = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
      return DayOfWeek.of(codes.indexOf(code) + 1);
    }

    private void until(String value) {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(value.substring(0, 4)),
              Integer.parseInt(value.substring(4, 6)),
              Integer.parseInt(value.substring(6, 8)));
      if (value.length() == 8) {
        untilKind = UntilKind.DATE;
        untilDate = date;
        return;
      }
      LocalDateTime local =
          date.atTime(
              Integer.parseInt(value.substring(9, 11)),
              Integer.parseInt(value.substring(11, 13)),
              Integer.parseInt(value.substring(13, 15)));
      if (value.endsWith("Z")) {
        untilKind = UntilKind.UTC;
        untilInstant = local.toInstant(java.time.ZoneOffset.UTC);
      } else {
        untilKind = UntilKind.LOCAL;
        untilLocal = local;
      }
    }

    /** Whether the period (day, week, month, year) of {@code d} is one the INTERVAL selects. */
    private boolean periodSelected(LocalDate d, LocalDate first) {
      long index = period(d) - period(first);
      return index >= 0 && index % interval == 0;
    }

    private long period(LocalDate d) {
      return switch (freq) {
        case "DAILY" -> d.toEpochDay();
        case "WEEKLY" -> {
          int back = Math.floorMod(d.getDayOfWeek().getValue() - weekStart.getValue(), 7);
          yield Math.floorDiv(d.minusDays(back).toEpochDay(), 7);
        }
        case "MONTHLY" -> d.getYear() * 12L + d.getMonthValue();
        case "YEARLY" -> d.getYear();
        default -> throw new IllegalArgumentException("oracle cannot read FREQ " + freq);
      };
    }

    /** Whether the local date {@code d} carries instances of the rule with this DTSTART. */
    boolean dateMatches(LocalDate d, LocalDateTime dtstart) {
      if (!periodSelected(d, dtstart.toLocalDate())) {
        return false;
      }
      boolean yearly = freq.equals("YEARLY");
      if (!byMonth.isEmpty()) {
        if (!byMonth.contains(d.getMonthValue())) {
          return false;
        }
      } else if (yearly && byMonthDay.isEmpty() && byDay.isEmpty()) {
        if (d.getMonthValue() != dtstart.getMonthValue()) {
          return false;
        }
      }
      if (byDay.isEmpty() && byMonthDay.isEmpty()) {
        return switch (freq) {
          case "DAILY" -> true;
          case "WEEKLY" -> d.getDayOfWeek() == dtstart.getDayOfWeek();
          default -> d.getDayOfMonth() == dtstart.getDayOfMonth();
        };
      }
      if (!byMonthDay.isEmpty()) {
        int length = d.lengthOfMonth();
        boolean any = false;
        for (int v : byMonthDay) {
          int day = v > 0 ? v : length + v + 1;
          any |= day == d.getDayOfMonth();
        }
        if (!any) {
          return false;
        }
      }
      if (!byDay.isEmpty()) {
        boolean any = false;
        for (ByDay item : byDay) {
          any |= byDayMatches(item, d, yearly && byMonth.isEmpty());
        }
        return any;
      }
      return true;
    }

    private static boolean byDayMatches(ByDay item, LocalDate d, boolean withinYear) {
      if (d.getDayOfWeek() != item.day()) {
        return false;
      }
      if (item.ordinal() == 0) {
        return true;
      }
      int position = withinYear ? d.getDayOfYear() : d.getDayOfMonth();
      int length = withinYear ? d.lengthOfYear() : d.lengthOfMonth();
      int nth = item.ordinal() > 0 ? (position - 1) / 7 + 1 : -((length - position) / 7 + 1);
      return nth == item.ordinal();
    }

    boolean timeMatches(int hour, int minute, LocalDateTime dtstart) {
      boolean h = byHour.isEmpty() ? hour == dtstart.getHour() : byHour.contains(hour);
      boolean m = byMinute.isEmpty() ? minute == dtstart.getMinute() : byMinute.contains(minute);
      return h && m;
    }

    /** Whether an instance at {@code local} is beyond UNTIL. */
    boolean afterUntil(LocalDateTime local, ZoneId zone) {
      if (untilKind == null) {
        return false;
      }
      return switch (untilKind) {
        case DATE -> local.toLocalDate().isAfter(java.util.Objects.requireNonNull(untilDate));
        case LOCAL -> local.isAfter(java.util.Objects.requireNonNull(untilLocal));
        case UTC -> resolve(local, zone).isAfter(java.util.Objects.requireNonNull(untilInstant));
      };
    }
  }

  /**
   * The local start times of the rule's instances, in order from DTSTART, up to {@code lastDate}
   * (COUNT and UNTIL applied, EXDATE not).
   */
  static List<LocalDateTime> instances(Schedule.Recurrence recurrence, LocalDate lastDate) {
    Rule rule = new Rule(recurrence.rule());
    LocalDateTime dtstart = recurrence.start();
    List<LocalDateTime> found = new ArrayList<>();
    for (LocalDate d = dtstart.toLocalDate(); !d.isAfter(lastDate); d = d.plusDays(1)) {
      if (!rule.dateMatches(d, dtstart)) {
        continue;
      }
      for (int minuteOfDay = 0; minuteOfDay < 24 * 60; minuteOfDay++) {
        int hour = minuteOfDay / 60;
        int minute = minuteOfDay % 60;
        if (!rule.timeMatches(hour, minute, dtstart)) {
          continue;
        }
        LocalDateTime local = d.atTime(hour, minute, dtstart.getSecond());
        if (local.isBefore(dtstart)) {
          continue;
        }
        if (rule.afterUntil(local, recurrence.zone())) {
          return found;
        }
        found.add(local);
        if (found.size() == rule.count) {
          return found;
        }
      }
    }
    return found;
  }

  private static void recurrence(BitSet bits, Schedule.Recurrence recurrence, Range range) {
    ZoneId zone = recurrence.zone();
    for (LocalDateTime local : instances(recurrence, range.lastLocalDate(zone).plusDays(1))) {
      if (recurrence.exceptions().contains(local)) {
        continue;
      }
      LocalDateTime end = local.plus(recurrence.duration());
      if (!resolve(end, zone).isAfter(range.start())) {
        continue;
      }
      range.mark(bits, resolve(local, zone), resolve(end, zone));
    }
  }

  /** Days between two dates, for readable arithmetic in callers. */
  static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }
}
