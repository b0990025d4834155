package dev.signalbox.core.calendar;

import com.google.common.base.Ascii;
import com.google.common.base.Splitter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A GitLab deploy freeze: in force while the latest occurrence of the start expression is later
 * than the latest occurrence of the end expression.
 *
 * <p>An expression fires at every local minute that matches it, at the instant {@link
 * ZonedDateTime#of} gives that local time (so a minute in a DST gap fires after the gap, and one in
 * an overlap fires once, at the earlier offset). Where both expressions fire at the same instant,
 * the end wins. The latest occurrences are looked for at most eight years back.
 */
final class CronTimeline implements Timeline {
  private static final int LOOKBACK_DAYS = 8 * 366;

  private final Expression start;
  private final Expression end;
  private final ZoneId zone;

  CronTimeline(String start, String end, ZoneId zone) {
    this.start = Expression.parse(start);
    this.end = Expression.parse(end);
    this.zone = zone;
  }

  @Override
  public void occurrences(Instant from, Instant to, Sink sink) {
    @Nullable Instant lastStart = start.latestAtOrBefore(from, zone);
    @Nullable Instant lastEnd = end.latestAtOrBefore(from, zone);
    boolean frozen = frozen(lastStart, lastEnd);
    Instant since = frozen && lastStart != null ? lastStart : from;
    List<Instant> starts = start.firingsBetween(from, to, zone);
    List<Instant> ends = end.firingsBetween(from, to, zone);
    int s = 0;
    int e = 0;
    while (s < starts.size() || e < ends.size()) {
      Instant at =
          e >= ends.size() || (s < starts.size() && starts.get(s).isBefore(ends.get(e)))
              ? starts.get(s)
              : ends.get(e);
      while (s < starts.size() && starts.get(s).equals(at)) {
        lastStart = at;
        s++;
      }
      while (e < ends.size() && ends.get(e).equals(at)) {
        lastEnd = at;
        e++;
      }
      boolean now = frozen(lastStart, lastEnd);
      if (now && !frozen) {
        since = at;
      } else if (!now && frozen) {
        sink.accept(since, at);
      }
      frozen = now;
    }
    if (frozen) {
      sink.accept(since, to);
    }
  }

  private static boolean frozen(@Nullable Instant lastStart, @Nullable Instant lastEnd) {
    return lastStart != null && (lastEnd == null || lastStart.isAfter(lastEnd));
  }

  /** A parsed five-field cron expression, as bit masks of the values each field allows. */
  private static final class Expression {
    private static final Splitter FIELDS = Splitter.on(Pattern.compile("\\s+")).omitEmptyStrings();
    private static final Pattern ITEM =
        Pattern.compile("(?:(\\*)|([0-9]+|[A-Za-z]+)(?:-([0-9]+|[A-Za-z]+))?)(?:/([0-9]+))?");
    private static final List<String> MONTHS =
        List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS =
        List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private final long minutes;
    private final long hours;
    private final long daysOfMonth;
    private final long months;
    private final long daysOfWeek; // bit 0 is Sunday
    private final boolean eitherDay; // neither day field begins with '*': either may match

    private Expression(List<String> fields) {
      minutes = mask(fields.get(0), 0, 59, List.of());
      hours = mask(fields.get(1), 0, 23, List.of());
      daysOfMonth = mask(fields.get(2), 1, 31, List.of());
      months = mask(fields.get(3), 1, 12, MONTHS);
      long week = mask(fields.get(4), 0, 7, DAYS);
      daysOfWeek = (week | (week >>> 7)) & 0x7F;
      eitherDay = !fields.get(2).startsWith("*") && !fields.get(4).startsWith("*");
    }

    /** Parses an expression that {@code ScheduleSyntax.cron} has accepted. */
    static Expression parse(String text) {
      return new Expression(FIELDS.splitToList(text));
    }

    boolean firesOn(LocalDate day) {
      if ((months & (1L << day.getMonthValue())) == 0) {
        return false;
      }
      boolean dayOfMonth = (daysOfMonth & (1L << day.getDayOfMonth())) != 0;
      boolean dayOfWeek = (daysOfWeek & (1L << (day.getDayOfWeek().getValue() % 7))) != 0;
      return eitherDay ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
    }

    /** The instants at which it fires on {@code day}, in no particular order. */
    void firings(LocalDate day, ZoneId zone, List<Instant> into) {
      for (int hour = 0; hour < 24; hour++) {
        if ((hours & (1L << hour)) != 0) {
          for (int minute = 0; minute < 60; minute++) {
            if ((minutes & (1L << minute)) != 0) {
              into.add(ZonedDateTime.of(day, LocalTime.of(hour, minute), zone).toInstant());
            }
          }
        }
      }
    }

    /** The instants strictly between {@code from} and {@code to} at which it fires, in order. */
    List<Instant> firingsBetween(Instant from, Instant to, ZoneId zone) {
      List<Instant> all = new ArrayList<>();
      LocalDate last = LocalDate.ofInstant(to, zone).plusDays(2);
      for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(2);
          !day.isAfter(last);
          day = day.plusDays(1)) {
        if (firesOn(day)) {
          firings(day, zone, all);
        }
      }
      all.removeIf(at -> !at.isAfter(from) || !at.isBefore(to));
      all.sort(null);
      return all;
    }

    /** The latest instant at or before {@code at} at which it fires, or null if none is near. */
    @Nullable Instant latestAtOrBefore(Instant at, ZoneId zone) {
      List<Instant> found = new ArrayList<>();
      @Nullable Instant latest = null;
      int more = -1; // days still to look at once one fired: a gap may push firings a day on
      LocalDate day = LocalDate.ofInstant(at, zone).plusDays(2);
      for (int i = 0; i < LOOKBACK_DAYS && more != 0; i++, day = day.minusDays(1)) {
        if (firesOn(day)) {
          found.clear();
          firings(day, zone, found);
          for (Instant firing : found) {
            if (!firing.isAfter(at) && (latest == null || firing.isAfter(latest))) {
              latest = firing;
            }
          }
        }
        more = latest == null ? -1 : more < 0 ? 2 : more - 1;
      }
      return latest;
    }

    private static long mask(String field, int min, int max, List<String> names) {
      long mask = 0;
      for (String item : Splitter.on(',').split(field)) {
        Matcher m = ITEM.matcher(item);
        if (!m.matches()) {
          throw new IllegalArgumentException("not a cron item: " + item);
        }
        int step = m.group(4) == null ? 1 : step(m.group(4));
        int first;
        int last;
        if (m.group(1) != null) {
          first = min;
          last = max;
        } else {
          first = value(m.group(2), min, names);
          @Nullable String to = m.group(3);
          last = to == null ? first : value(to, min, names);
          if (to != null && last == 0 && max == 7) {
            last = 7; // a day-of-week range ending on Sunday, as in mon-sun or 1-0
          }
        }
        for (int v = first; v <= last; v += step) {
          mask |= 1L << v;
        }
      }
      return mask;
    }

    /** A step's value; any step beyond 64 allows the first value only, as 64 does. */
    private static int step(String digits) {
      String significant = digits.replaceFirst("^0+(?=.)", "");
      return significant.length() > 2 ? 64 : Math.min(64, Integer.parseInt(significant));
    }

    private static int value(String atom, int min, List<String> names) {
      int name = names.indexOf(Ascii.toLowerCase(atom));
      return name >= 0 ? min + name : Integer.parseInt(atom);
    }
  }
}
