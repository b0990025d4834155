package dev.signalbox.core.calendar;

import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.Schedule;
import java.util.Map;

/** Compiles schedules into timelines. */
final class Timelines {
  private Timelines() {}

  @SuppressWarnings("DoNotCallSuggester") // a placeholder until the timelines land
  static Timeline compile(Schedule schedule, Map<String, HolidayCalendar> holidays, String path) {
    throw new UnsupportedOperationException("not yet");
  }
}
