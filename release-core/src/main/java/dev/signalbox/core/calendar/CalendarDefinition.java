package dev.signalbox.core.calendar;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.MergeWindow;
import java.util.List;

/**
 * The windows and holiday calendars of a {@link ReleaseCalendar}, as a document people write in
 * YAML or JSON and {@link dev.signalbox.core.json.DocumentCodec} reads.
 *
 * @param freezes the freeze windows
 * @param mergeWindows the merge windows
 * @param holidays the holiday calendars that schedules name
 */
public record CalendarDefinition(
    List<FreezeWindow> freezes, List<MergeWindow> mergeWindows, List<HolidayCalendar> holidays) {
  /** Copies the lists; {@link ReleaseCalendar#of} checks that they fit together. */
  public CalendarDefinition {
    freezes = Checks.list(CalendarDefinition.class, "freezes", freezes);
    mergeWindows = Checks.list(CalendarDefinition.class, "mergeWindows", mergeWindows);
    holidays = Checks.list(CalendarDefinition.class, "holidays", holidays);
  }
}
