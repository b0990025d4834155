package dev.signalbox.core.calendar;

import com.google.common.base.Ascii;
import com.google.common.base.Splitter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 5545 recurrence: the local start times that a rule generates from {@code DTSTART}, each
 * the start of an occurrence lasting a duration of local time.
 *
 * <p>The rule's instances are the local date-times it generates, period by period as RFC 5545's
 * table of {@code BYxxx} expansions and limits says, that are at or after {@code DTSTART} ({@code
 * DTSTART} itself only when it matches the rule, since RFC 5545 leaves the other case undefined),
 * skipping invalid dates such as February 30. {@code COUNT} counts instances from {@code DTSTART},
 * those that {@code EXDATE} removes included. {@code UNTIL} is inclusive: a date bounds the local
 * date of an instance, a date-time its local date-time, and a date-time ending in {@code Z} the
 * instant at which it starts.
 */
final class RecurrenceTimeline implements Timeline {
  private static final int LAST_YEAR = 9999;

  private enum Frequency {
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY
  }

  /** One {@code BYDAY} item: a weekday, and an ordinal or 0 for every such weekday. */
  private record ByDay(int ordinal, DayOfWeek day) {}

  private final LocalDateTime start;
  private final ZoneId zone;
  private final Duration duration;
  private final Set<LocalDateTime> exceptions;
  private final Frequency frequency;
  private final long interval;
  private final List<ByDay> byDay;
  private final int[] byMonthDay;
  private final Set<Integer> byMonth;
  private final List<LocalTime> times;
  private final DayOfWeek weekStart;
  private final LocalDate firstPeriodDay;
  // the last instance allowed, in one of three forms; all null when unbounded
  private final @Nullable LocalDate untilDate;
  private final @Nullable LocalDateTime untilLocal;
  private final @Nullable Instant untilInstant;

  RecurrenceTimeline(
      LocalDateTime start,
      ZoneId zone,
      String rule,
      Duration duration,
      Set<LocalDateTime> exceptions) {
    this.start = start;
    this.zone = zone;
    this.duration = duration;
    this.exceptions = exceptions;
    Frequency freq = Frequency.DAILY;
    long every = 1;
    long count = 0;
    List<ByDay> days = new ArrayList<>();
    int[] monthDays = new int[0];
    Set<Integer> monthSet = new TreeSet<>();
    List<Integer> hourList = List.of(start.getHour());
    List<Integer> minuteList = List.of(start.getMinute());
    DayOfWeek wkst = DayOfWeek.MONDAY;
    @Nullable String until = null;
    for (String part : Splitter.on(';').split(rule)) {
      int equals = part.indexOf('=');
      String name = Ascii.toUpperCase(part.substring(0, equals));
      String value = Ascii.toUpperCase(part.substring(equals + 1));
      switch (name) {
        case "FREQ" -> freq = Frequency.valueOf(value);
        case "INTERVAL" -> every = Long.parseLong(value);
        case "COUNT" -> count = Long.parseLong(value);
        case "UNTIL" -> until = value;
        case "WKST" -> wkst = weekday(value);
        case "BYDAY" -> {
          for (String item : Splitter.on(',').split(value)) {
            String ordinal = item.substring(0, item.length() - 2);
            days.add(
                new ByDay(
                    ordinal.isEmpty() ? 0 : Integer.parseInt(ordinal),
                    weekday(item.substring(item.length() - 2))));
          }
        }
        case "BYMONTHDAY" -> monthDays = numbers(value).stream().mapToInt(i -> i).toArray();
        case "BYMONTH" -> monthSet.addAll(numbers(value));
        case "BYHOUR" -> hourList = numbers(value);
        case "BYMINUTE" -> minuteList = numbers(value);
        default -> throw new IllegalArgumentException("not a rule part: " + part);
      }
    }
    this.frequency = freq;
    this.interval = every;
    this.byDay = List.copyOf(days);
    this.byMonthDay = monthDays;
    this.byMonth = Set.copyOf(monthSet);
    this.weekStart = wkst;
    TreeSet<LocalTime> clock = new TreeSet<>();
    for (int hour : hourList) {
      for (int minute : minuteList) {
        clock.add(LocalTime.of(hour, minute, start.getSecond(), start.getNano()));
      }
    }
    this.times = List.copyOf(clock);
    this.firstPeriodDay = periodStart(start.toLocalDate());
    @Nullable LocalDate dateBound = null;
    @Nullable LocalDateTime localBound = null;
    @Nullable Instant instantBound = null;
    if (until != null) {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(until.substring(0, 4)),
              Integer.parseInt(until.substring(4, 6)),
              Integer.parseInt(until.substring(6, 8)));
      if (until.length() == 8) {
        dateBound = date;
      } else {
        LocalDateTime dateTime =
            date.atTime(
                Integer.parseInt(until.substring(9, 11)),
                Integer.parseInt(until.substring(11, 13)),
                Integer.parseInt(until.substring(13, 15)));
        if (until.endsWith("Z")) {
          instantBound = dateTime.toInstant(ZoneOffset.UTC);
        } else {
          localBound = dateTime;
        }
      }
    }
    this.untilDate = dateBound;
    this.untilInstant = instantBound;
    if (count > 0) {
      @Nullable LocalDateTime last = countedLast(count);
      localBound = last == null ? LocalDateTime.MAX : last; // MAX: not reached by the year 10000
    }
    this.untilLocal = localBound;
  }

  @Override
  public void occurrences(Instant from, Instant to, Sink sink) {
    LocalDateTime low = LocalDateTime.ofInstant(from, zone).minus(duration).minusDays(2);
    LocalDateTime high = LocalDateTime.ofInstant(to, zone).plusDays(2);
    long first = Math.max(0, period(low.toLocalDate()));
    for (long k = first; !periodFirstDay(k).isAfter(high.toLocalDate()); k++) {
      for (LocalDateTime instance : candidates(k)) {
        if (instance.isBefore(start) || instance.isBefore(low)) {
          continue;
        }
        if (instance.isAfter(high) || beyondUntil(instance)) {
          return;
        }
        if (!exceptions.contains(instance)) {
          sink.accept(at(instance), at(instance.plus(duration)));
        }
      }
    }
  }

  private Instant at(LocalDateTime local) {
    return ZonedDateTime.of(local, zone).toInstant();
  }

  private boolean beyondUntil(LocalDateTime instance) {
    return (untilDate != null && instance.toLocalDate().isAfter(untilDate))
        || (untilLocal != null && instance.isAfter(untilLocal))
        || (untilInstant != null && at(instance).isAfter(untilInstant));
  }

  /** The {@code count}-th instance, or null if the year 10000 comes first. */
  private @Nullable LocalDateTime countedLast(long count) {
    long seen = 0;
    for (long k = 0; periodFirstDay(k).getYear() <= LAST_YEAR; k++) {
      List<LocalDateTime> instances = candidates(k);
      if (k == 0) {
        instances = instances.stream().filter(i -> !i.isBefore(start)).toList();
      }
      if (seen + instances.size() >= count) {
        return instances.get((int) (count - seen - 1));
      }
      seen += instances.size();
    }
    return null;
  }

  // Periods: period k is the k-th period of the rule's frequency, INTERVAL units apart, counted
  // from the one that holds DTSTART.

  private LocalDate periodStart(LocalDate day) {
    return switch (frequency) {
      case DAILY -> day;
      case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(weekStart));
      case MONTHLY -> day.withDayOfMonth(1);
      case YEARLY -> day.withDayOfYear(1);
    };
  }

  private LocalDate periodFirstDay(long k) {
    long units = Math.multiplyExact(k, interval);
    return switch (frequency) {
      case DAILY -> firstPeriodDay.plusDays(units);
      case WEEKLY -> firstPeriodDay.plusWeeks(units);
      case MONTHLY -> firstPeriodDay.plusMonths(units);
      case YEARLY -> firstPeriodDay.plusYears(units);
    };
  }

  /** The index of the last period that starts at or before {@code day}'s period; may be < 0. */
  private long period(LocalDate day) {
    ChronoUnit unit =
        switch (frequency) {
          case DAILY -> ChronoUnit.DAYS;
          case WEEKLY -> ChronoUnit.WEEKS;
          case MONTHLY -> ChronoUnit.MONTHS;
          case YEARLY -> ChronoUnit.YEARS;
        };
    return Math.floorDiv(unit.between(firstPeriodDay, periodStart(day)), interval);
  }

  /** The local start times that period {@code k} generates, in order, before DTSTART and UNTIL. */
  private List<LocalDateTime> candidates(long k) {
    List<LocalDate> days = days(periodFirstDay(k));
    List<LocalDateTime> candidates = new ArrayList<>(days.size() * times.size());
    for (LocalDate day : days) {
      for (LocalTime time : times) {
        candidates.add(day.atTime(time));
      }
    }
    return candidates;
  }

  /** The days that the period starting on {@code first} generates, in order, without repeats. */
  private List<LocalDate> days(LocalDate first) {
    TreeSet<LocalDate> days = new TreeSet<>();
    switch (frequency) {
      case DAILY -> {
        if (inMonths(first) && inMonthDays(first) && onWeekdays(first, null, null)) {
          days.add(first);
        }
      }
      case WEEKLY -> {
        for (int i = 0; i < 7; i++) {
          LocalDate day = first.plusDays(i);
          boolean weekday =
              byDay.isEmpty()
                  ? day.getDayOfWeek() == start.getDayOfWeek()
                  : onWeekdays(day, null, null);
          if (weekday && inMonths(day)) {
            days.add(day);
          }
        }
      }
      case MONTHLY -> {
        if (inMonths(first)) {
          monthDays(YearMonth.from(first), days, true);
        }
      }
      case YEARLY -> {
        if (byMonthDay.length == 0 && !byDay.isEmpty() && byMonth.isEmpty()) {
          LocalDate last = first.plusYears(1).minusDays(1);
          expandWeekdays(first, last, days);
        } else {
          for (int month = 1; month <= 12; month++) {
            boolean chosen =
                byMonth.isEmpty() ? month == start.getMonthValue() : byMonth.contains(month);
            if (chosen || (byMonth.isEmpty() && byMonthDay.length > 0)) {
              monthDays(YearMonth.of(first.getYear(), month), days, !byMonth.isEmpty());
            }
          }
        }
      }
    }
    return List.copyOf(days);
  }

  /**
   * Adds the days of {@code month} that BYMONTHDAY and BYDAY give, or DTSTART's day of the month
   * when neither is given; BYDAY ordinals count within the month when {@code ordinalsInMonth},
   * within the year otherwise.
   */
  private void monthDays(YearMonth month, Set<LocalDate> into, boolean ordinalsInMonth) {
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    LocalDate spanFirst = ordinalsInMonth ? first : first.withDayOfYear(1);
    LocalDate spanLast = ordinalsInMonth ? last : spanFirst.plusYears(1).minusDays(1);
    if (byMonthDay.length > 0) {
      for (int value : byMonthDay) {
        int day = value > 0 ? value : month.lengthOfMonth() + 1 + value;
        if (day >= 1 && day <= month.lengthOfMonth()) {
          LocalDate date = month.atDay(day);
          if (byDay.isEmpty() || onWeekdays(date, spanFirst, spanLast)) {
            into.add(date);
          }
        }
      }
    } else if (!byDay.isEmpty()) {
      expandWeekdays(first, last, into);
    } else if (start.getDayOfMonth() <= month.lengthOfMonth()) {
      into.add(month.atDay(start.getDayOfMonth()));
    }
  }

  /** Adds the days within {@code [first, last]} that BYDAY names, ordinals counted in the span. */
  private void expandWeekdays(LocalDate first, LocalDate last, Set<LocalDate> into) {
    for (ByDay item : byDay) {
      LocalDate firstSuch = first.with(TemporalAdjusters.nextOrSame(item.day()));
      LocalDate lastSuch = last.with(TemporalAdjusters.previousOrSame(item.day()));
      if (item.ordinal() == 0) {
        for (LocalDate day = firstSuch; !day.isAfter(last); day = day.plusWeeks(1)) {
          into.add(day);
        }
      } else {
        LocalDate day =
            item.ordinal() > 0
                ? firstSuch.plusWeeks(item.ordinal() - 1L)
                : lastSuch.minusWeeks(-item.ordinal() - 1L);
        if (!day.isBefore(first) && !day.isAfter(last)) {
          into.add(day);
        }
      }
    }
  }

  private boolean inMonths(LocalDate day) {
    return byMonth.isEmpty() || byMonth.contains(day.getMonthValue());
  }

  private boolean inMonthDays(LocalDate day) {
    if (byMonthDay.length == 0) {
      return true;
    }
    int length = day.lengthOfMonth();
    for (int value : byMonthDay) {
      if (day.getDayOfMonth() == (value > 0 ? value : length + 1 + value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether BYDAY allows {@code day} (true when it is absent); an ordinal counts within {@code
   * [spanFirst, spanLast]}, which is null where ordinals cannot occur.
   */
  private boolean onWeekdays(
      LocalDate day, @Nullable LocalDate spanFirst, @Nullable LocalDate spanLast) {
    if (byDay.isEmpty()) {
      return true;
    }
    for (ByDay item : byDay) {
      if (item.day() != day.getDayOfWeek()) {
        continue;
      }
      if (item.ordinal() == 0 || spanFirst == null || spanLast == null) {
        return true;
      }
      long ordinal =
          item.ordinal() > 0
              ? ChronoUnit.DAYS.between(spanFirst, day) / 7 + 1
              : -(ChronoUnit.DAYS.between(day, spanLast) / 7 + 1);
      if (ordinal == item.ordinal()) {
        return true;
      }
    }
    return false;
  }

  private static DayOfWeek weekday(String code) {
    return Arrays.stream(DayOfWeek.values())
        .filter(day -> day.name().substring(0, 2).equals(code.toUpperCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow();
  }

  private static List<Integer> numbers(String list) {
    List<Integer> numbers = new ArrayList<>();
    for (String item : Splitter.on(',').split(list)) {
      numbers.add(Integer.parseInt(item.startsWith("+") ? item.substring(1) : item));
    }
    return numbers;
  }
}
