package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.LocalDate;

/**
 * A range of days, inclusive at both ends, such as a holiday week.
 *
 * @param first the first day
 * @param last the last day; not before {@code first}
 */
public record DateRange(LocalDate first, LocalDate last) {
  /** Checks that the range is not empty. */
  public DateRange {
    Checks.present(DateRange.class, "first", first);
    Checks.present(DateRange.class, "last", last);
    if (last.isBefore(first)) {
      throw new InvalidValueException(
          DateRange.class, "last", "must not be before first (" + first + ")", last);
    }
  }

  /** Whether {@code day} lies in the range. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }
}
