package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A named list of holidays, as single days and ranges of days, that windows can freeze on or skip.
 *
 * @param name the calendar's name, such as {@code us-holidays}
 * @param dates single holidays
 * @param ranges ranges of holidays, such as a company shutdown
 */
public record HolidayCalendar(String name, Set<LocalDate> dates, List<DateRange> ranges) {
  /** Checks the name and copies the days. */
  public HolidayCalendar {
    Checks.token(HolidayCalendar.class, "name", name);
    dates = Checks.set(HolidayCalendar.class, "dates", dates);
    ranges = Checks.list(HolidayCalendar.class, "ranges", ranges);
  }

  /** Whether {@code day} is a holiday in this calendar. */
  public boolean isHoliday(LocalDate day) {
    return dates.contains(day) || ranges.stream().anyMatch(range -> range.contains(day));
  }
}
