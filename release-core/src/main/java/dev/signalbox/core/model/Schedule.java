package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.ScheduleSyntax;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * When a freeze or merge window is in force: one of the kinds of schedule that release tools use.
 *
 * <p>This is the model only; the calendar evaluates schedules. All intervals are half-open, {@code
 * [start, end)}. Recurring schedules begin and end at local times in their zone, so an occurrence's
 * length in hours changes across a DST transition.
 */
public sealed interface Schedule {

  /**
   * One interval of instants, {@code [start, end)}; the zone says how to show it to people.
   *
   * @param start the first instant in force
   * @param end the first instant no longer in force; after {@code start}
   * @param zone the zone the interval was declared in
   */
  record OneOff(Instant start, Instant end, ZoneId zone) implements Schedule {
    /** Checks that the interval is non-empty. */
    public OneOff {
      Checks.instant(OneOff.class, "start", start);
      Checks.instant(OneOff.class, "end", end);
      Checks.present(OneOff.class, "zone", zone);
      if (!end.isAfter(start)) {
        throw new InvalidValueException(
            OneOff.class, "end", "must be after start (" + start + ")", end);
      }
    }
  }

  /**
   * In force from {@code start} until someone lifts it, as an incident freeze is.
   *
   * @param start the first instant in force
   * @param zone the zone it was declared in
   */
  record UntilLifted(Instant start, ZoneId zone) implements Schedule {
    /** Checks that both fields are present. */
    public UntilLifted {
      Checks.instant(UntilLifted.class, "start", start);
      Checks.present(UntilLifted.class, "zone", zone);
    }
  }

  /**
   * GitLab's deploy freeze: in force when the latest occurrence of {@code start} is later than the
   * latest occurrence of {@code end}, both five-field cron expressions in {@code zone}.
   *
   * <p>An expression is five fields separated by whitespace: minute (0-59), hour (0-23),
   * day-of-month (1-31), month (1-12 or {@code jan}-{@code dec}) and day-of-week (0-7, both 0 and 7
   * being Sunday, or {@code sun}-{@code sat}); names are three letters in any case. A field is a
   * comma list of items, each {@code *}, a value, a range {@code a-b} (not reversed; a day-of-week
   * range may end on Sunday as {@code mon-sun} or {@code 1-0}), or a step {@code *}{@code /n} or
   * {@code a-b/n} with {@code n >= 1}: {@code 0 23 * * fri}, {@code *}{@code /15 9-17 * * 1-5}.
   * Other cron dialects ({@code @weekly}, {@code ?}, {@code L}, seconds) are refused.
   *
   * @param start the cron expression at which the freeze begins ({@code freeze_start})
   * @param end the cron expression at which it ends ({@code freeze_end})
   * @param zone the cron expressions' time zone ({@code cron_timezone})
   */
  record Cron(String start, String end, ZoneId zone) implements Schedule {
    /** Checks that both expressions are five-field cron expressions with values in range. */
    public Cron {
      ScheduleSyntax.cron(Cron.class, "start", start);
      ScheduleSyntax.cron(Cron.class, "end", end);
      Checks.present(Cron.class, "zone", zone);
    }
  }

  /**
   * An RFC 5545 recurrence: occurrences of {@code rule} from {@code start} in {@code zone}, each
   * lasting {@code duration} of local time, except at the listed local start times.
   *
   * <p>The rule is a subset of RFC 5545's RRULE: {@code NAME=VALUE} parts separated by {@code ;},
   * in any order and any case, each name at most once. {@code FREQ} is required, one of {@code
   * DAILY}, {@code WEEKLY}, {@code MONTHLY}, {@code YEARLY}; the others are {@code INTERVAL} and
   * {@code COUNT} (whole numbers {@code >= 1}), {@code UNTIL} (a date {@code yyyymmdd} or a
   * date-time {@code yyyymmddThhmmss}, optionally ending in {@code Z}; not with {@code COUNT}),
   * {@code BYDAY} (weekdays {@code MO}..{@code SU}, each optionally after an ordinal {@code
   * ±1..53}, as in {@code 1MO} or {@code -1FR}, which only {@code MONTHLY} (up to ±5) and {@code
   * YEARLY} allow), {@code BYMONTHDAY} ({@code ±1..31}; not with {@code WEEKLY}), {@code BYMONTH}
   * (1..12), {@code BYHOUR} (0..23), {@code BYMINUTE} (0..59) — each of these a comma list — and
   * {@code WKST} (one weekday). For example {@code FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=16;BYMINUTE=0},
   * without the {@code RRULE:} prefix of an iCalendar line.
   *
   * @param start the first occurrence's local start ({@code DTSTART})
   * @param zone the zone of the local times
   * @param rule the recurrence rule, such as {@code FREQ=WEEKLY;BYDAY=FR;BYHOUR=16}
   * @param duration how long each occurrence lasts; positive
   * @param exceptions local start times of occurrences that do not happen ({@code EXDATE})
   */
  record Recurrence(
      LocalDateTime start,
      ZoneId zone,
      String rule,
      Duration duration,
      Set<LocalDateTime> exceptions)
      implements Schedule {
    /** Checks the fields and that the rule is in the subset of RRULE described above. */
    public Recurrence {
      Checks.present(Recurrence.class, "start", start);
      Checks.present(Recurrence.class, "zone", zone);
      ScheduleSyntax.recurrenceRule(Recurrence.class, "rule", rule);
      Checks.present(Recurrence.class, "duration", duration);
      if (duration.isNegative() || duration.isZero()) {
        throw new InvalidValueException(Recurrence.class, "duration", "must be positive", duration);
      }
      exceptions = Checks.set(Recurrence.class, "exceptions", exceptions);
    }
  }

  /**
   * A compact weekly schedule in Mergify's style, such as {@code Mon-Fri
   * 09:00-11:00[Europe/Paris]}.
   *
   * <p>The expression is one or more entries separated by commas, each {@code DAYS
   * HH:MM-HH:MM[ZONE]}: {@code DAYS} a day {@code Mon}..{@code Sun} (in any case) or a range of
   * them in that order ({@code Mon-Fri}); a start time from {@code 00:00} to {@code 23:59} and an
   * end time after it, up to {@code 24:00}, so an entry never crosses midnight; {@code ZONE} an id
   * {@link ZoneId#of} accepts ({@code Europe/Paris}, {@code UTC}, {@code +05:30}). Blanks around
   * entries are ignored.
   *
   * @param expression the schedule's text
   */
  record Compact(String expression) implements Schedule {
    /** Checks that the expression is a list of entries with valid days, times and zones. */
    public Compact {
      ScheduleSyntax.compact(Compact.class, "expression", expression);
    }
  }

  /**
   * Another schedule with the days of a named holiday calendar taken out: in force when {@code
   * schedule} is and the local day in {@code zone} is not a holiday, as a merge window that skips
   * public holidays is.
   *
   * <p>Whole local days are removed, from one local midnight to the next, so an occurrence that
   * spans a holiday is cut at its midnights rather than dropped.
   *
   * @param schedule the schedule whose holidays are skipped
   * @param calendar the holiday calendar's name
   * @param zone the zone whose local days the holidays are
   */
  record ExceptHolidays(Schedule schedule, String calendar, ZoneId zone) implements Schedule {
    /** Checks that the fields are present. */
    public ExceptHolidays {
      Checks.present(ExceptHolidays.class, "schedule", schedule);
      Checks.token(ExceptHolidays.class, "calendar", calendar);
      Checks.present(ExceptHolidays.class, "zone", zone);
    }
  }

  /**
   * In force on every day of a named holiday calendar, as local days in {@code zone}.
   *
   * @param calendar the holiday calendar's name
   * @param zone the zone whose local days the holidays are
   */
  record Holidays(String calendar, ZoneId zone) implements Schedule {
    /** Checks that both fields are present. */
    public Holidays {
      Checks.token(Holidays.class, "calendar", calendar);
      Checks.present(Holidays.class, "zone", zone);
    }
  }
}
