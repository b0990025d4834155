package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;

/**
 * A range of lines in a file, 1-based and inclusive at both ends.
 *
 * @param start the first line, at least 1
 * @param end the last line, at least {@code start}
 */
public record LineRange(int start, int end) {
  /** Checks that the range is non-empty and starts at line 1 or later. */
  public LineRange {
    Checks.atLeast(LineRange.class, "start", start, 1);
    if (end < start) {
      throw new InvalidValueException(
          LineRange.class, "end", "must be >= start (" + start + ")", end);
    }
  }

  /** The single line {@code line}. */
  public static LineRange line(int line) {
    return new LineRange(line, line);
  }
}
