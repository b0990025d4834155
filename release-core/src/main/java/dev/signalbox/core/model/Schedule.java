package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
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
      Checks.present(OneOff.class, "start", start);
      Checks.present(OneOff.class, "end", end);
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
      Checks.present(UntilLifted.class, "start", start);
      Checks.present(UntilLifted.class, "zone", zone);
    }
  }

  /**
   * GitLab's deploy freeze: in force when the latest occurrence of {@code start} is later than the
   * latest occurrence of {@code end}, both five-field cron expressions in {@code zone}.
   *
   * @param start the cron expression at which the freeze begins ({@code freeze_start})
   * @param end the cron expression at which it ends ({@code freeze_end})
   * @param zone the cron expressions' time zone ({@code cron_timezone})
   */
  record Cron(String start, String end, ZoneId zone) implements Schedule {
    /** Checks that both expressions have five fields. */
    public Cron {
      fiveFields("start", start);
      fiveFields("end", end);
      Checks.present(Cron.class, "zone", zone);
    }

    private static void fiveFields(String field, String expression) {
      Checks.text(Cron.class, field, expression);
      if (expression.trim().split("\\s+").length != 5) {
        throw new InvalidValueException(
            Cron.class, field, "must be a cron expression of five fields", expression);
      }
    }
  }

  /**
   * An RFC 5545 recurrence: occurrences of {@code rule} from {@code start} in {@code zone}, each
   * lasting {@code duration} of local time, except at the listed local start times.
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
    /** Checks the fields; the rule must name its frequency. */
    public Recurrence {
      Checks.present(Recurrence.class, "start", start);
      Checks.present(Recurrence.class, "zone", zone);
      Checks.text(Recurrence.class, "rule", rule);
      String upper = rule.toUpperCase(Locale.ROOT);
      if (!upper.startsWith("FREQ=") && !upper.contains(";FREQ=")) {
        throw new InvalidValueException(
            Recurrence.class, "rule", "must name its frequency (FREQ=...)", rule);
      }
      Checks.present(Recurrence.class, "duration", duration);
      if (duration.isNegative() || duration.isZero()) {
        throw new InvalidValueException(Recurrence.class, "duration", "must be positive", duration);
      }
      exceptions = Checks.set(Recurrence.class, "exceptions", exceptions);
    }
  }

  /**
   * A compact weekly schedule in Mergify's style, such as {@code Mon-Fri 09:00-11:00[Europe/Paris]}.
   *
   * @param expression the schedule's text
   */
  record Compact(String expression) implements Schedule {
    /** Checks that the expression is not blank. */
    public Compact {
      Checks.text(Compact.class, "expression", expression);
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
