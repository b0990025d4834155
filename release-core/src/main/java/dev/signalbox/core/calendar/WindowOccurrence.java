package dev.signalbox.core.calendar;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One period in which a window is in force, {@code [start, end)}, as a calendar shows it: the
 * overlapping occurrences of one window are united into one period.
 *
 * @param kind whether the window is a freeze or a merge window
 * @param windowId the window's identifier
 * @param start the first instant in force
 * @param end the first instant no longer in force; empty for a freeze in force until lifted
 */
public record WindowOccurrence(
    WindowKind kind, String windowId, Instant start, Optional<Instant> end) {
  /** Checks the fields; the period must not be empty. */
  public WindowOccurrence {
    Checks.present(WindowOccurrence.class, "kind", kind);
    Checks.token(WindowOccurrence.class, "windowId", windowId);
    Checks.present(WindowOccurrence.class, "start", start);
    Checks.optional(WindowOccurrence.class, "end", end)
        .filter(last -> !last.isAfter(start))
        .ifPresent(
            last -> {
              throw new InvalidValueException(
                  WindowOccurrence.class, "end", "must be after start (" + start + ")", last);
            });
  }
}
