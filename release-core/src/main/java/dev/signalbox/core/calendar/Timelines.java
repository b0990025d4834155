package dev.signalbox.core.calendar;

import com.google.common.base.Ascii;
import com.google.common.base.Splitter;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.Schedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles schedules into the timelines that evaluate them. */
final class Timelines {
  private static final Pattern COMPACT_ENTRY =
      Pattern.compile("(\\S+)\\s+([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})\\[([^\\[\\]]*)\\]");
  private static final List<String> DAY_NAMES =
      List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private Timelines() {}

  /**
   * The timeline of {@code schedule}.
   *
   * @param holidays the holiday calendars by name, for the schedules that name one
   * @param path where the schedule is, for the message of an exception
   * @throws InvalidValueException if the schedule names a holiday calendar not in {@code holidays}
   */
  static Timeline compile(Schedule schedule, Map<String, HolidayCalendar> holidays, String path) {
    if (schedule instanceof Schedule.OneOff oneOff) {
      return (from, to, sink) -> sink.accept(oneOff.start(), oneOff.end());
    } else if (schedule instanceof Schedule.UntilLifted untilLifted) {
      return (from, to, sink) -> sink.accept(untilLifted.start(), Instant.MAX);
    } else if (schedule instanceof Schedule.Cron cron) {
      return new CronTimeline(cron.start(), cron.end(), cron.zone());
    } else if (schedule instanceof Schedule.Recurrence recurrence) {
      return new RecurrenceTimeline(
          recurrence.start(),
          recurrence.zone(),
          recurrence.rule(),
          recurrence.duration(),
          recurrence.exceptions());
    } else if (schedule instanceof Schedule.Compact compact) {
      return compact(compact.expression());
    } else if (schedule instanceof Schedule.Holidays days) {
      return holidays(calendar(holidays, days.calendar(), path), days.zone());
    } else if (schedule instanceof Schedule.ExceptHolidays except) {
      return difference(
          compile(except.schedule(), holidays, path + ".schedule"),
          holidays(calendar(holidays, except.calendar(), path), except.zone()));
    }
    throw new AssertionError("unknown schedule " + schedule);
  }

  private static HolidayCalendar calendar(
      Map<String, HolidayCalendar> holidays, String name, String path) {
    HolidayCalendar calendar = holidays.get(name);
    if (calendar == null) {
      throw new InvalidValueException(
          CalendarDefinition.class,
          path + ".calendar",
          "names no holiday calendar of the definition; it has "
              + (holidays.isEmpty() ? "none" : String.join(", ", new TreeMap<>(holidays).keySet())),
          name);
    }
    return calendar;
  }

  /**
   * The instant of a local date-time: after a DST gap when in it, at the earlier offset when in an
   * overlap.
   */
  static Instant at(LocalDateTime local, ZoneId zone) {
    return ZonedDateTime.of(local, zone).toInstant();
  }

  /** The local days that may hold an instant of {@code [from, to)} in {@code zone}, with slack. */
  private static List<LocalDate> days(Instant from, Instant to, ZoneId zone) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate last = LocalDate.ofInstant(to, zone).plusDays(2);
    for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(2);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }

  private static Timeline compact(String expression) {
    List<Timeline> entries = new ArrayList<>();
    for (String entry : Splitter.on(',').trimResults().split(expression)) {
      Matcher m = COMPACT_ENTRY.matcher(entry);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a compact entry: " + entry);
      }
      int dash = m.group(1).indexOf('-');
      int first =
          DAY_NAMES.indexOf(
                  Ascii.toLowerCase(dash < 0 ? m.group(1) : m.group(1).substring(0, dash)))
              + 1;
      int last =
          dash < 0
              ? first
              : DAY_NAMES.indexOf(Ascii.toLowerCase(m.group(1).substring(dash + 1))) + 1;
      int startMinute = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
      int endMinute = Integer.parseInt(m.group(4)) * 60 + Integer.parseInt(m.group(5));
      ZoneId zone = ZoneId.of(m.group(6));
      entries.add(
          (from, to, sink) -> {
            for (LocalDate day : days(from, to, zone)) {
              int weekday = day.getDayOfWeek().getValue();
              if (weekday >= first && weekday <= last) {
                sink.accept(
                    at(day.atTime(clock(startMinute)), zone), at(end(day, endMinute), zone));
              }
            }
          });
    }
    return (from, to, sink) -> entries.forEach(entry -> entry.occurrences(from, to, sink));
  }

  private static LocalTime clock(int minute) {
    return LocalTime.of(minute / 60, minute % 60);
  }

  private static LocalDateTime end(LocalDate day, int minute) {
    return minute == 24 * 60 ? day.plusDays(1).atStartOfDay() : day.atTime(clock(minute));
  }

  private static Timeline holidays(HolidayCalendar calendar, ZoneId zone) {
    return (from, to, sink) -> {
      for (LocalDate day : days(from, to, zone)) {
        if (calendar.isHoliday(day)) {
          sink.accept(at(day.atStartOfDay(), zone), at(day.plusDays(1).atStartOfDay(), zone));
        }
      }
    };
  }

  /** In force where {@code kept} is and {@code removed} is not, within the asked interval. */
  private static Timeline difference(Timeline kept, Timeline removed) {
    return (from, to, sink) -> {
      List<WindowTimeline.Span> holes = new ArrayList<>();
      removed.occurrences(from, to, (start, end) -> holes.add(new WindowTimeline.Span(start, end)));
      holes.sort(Comparator.comparing(WindowTimeline.Span::start));
      kept.occurrences(
          from,
          to,
          (start, end) -> {
            Instant cursor = start.isBefore(from) ? from : start;
            Instant stop = end.isAfter(to) ? to : end;
            for (WindowTimeline.Span hole : holes) {
              if (!cursor.isBefore(stop)) {
                return;
              }
              if (hole.end().isAfter(cursor) && hole.start().isBefore(stop)) {
                if (hole.start().isAfter(cursor)) {
                  sink.accept(cursor, hole.start());
                }
                cursor = hole.end();
              }
            }
            if (cursor.isBefore(stop)) {
              sink.accept(cursor, stop);
            }
          });
    };
  }
}
