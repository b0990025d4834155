package dev.signalbox.core.notes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Draws a {@link Timeline} as a Mermaid Gantt chart. Every label is reduced to safe characters and
 * every task line starts with a fixed word ({@code Train}, {@code Freeze}), so that no id (such as
 * {@code section}, {@code title} or {@code click}) can be read as a Mermaid directive.
 */
final class Mermaid {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Mermaid() {}

  static String gantt(Timeline timeline) {
    StringBuilder out = new StringBuilder(512);
    out.append("gantt\n")
        .append("    title Trains and freezes, ")
        .append(MINUTE.format(timeline.from()))
        .append(" to ")
        .append(MINUTE.format(timeline.to()))
        .append(" UTC\n")
        .append("    dateFormat YYYY-MM-DD HH:mm\n")
        .append("    axisFormat %m-%d %H:%M\n");
    if (!timeline.trains().isEmpty()) {
      out.append("    section Trains\n");
      int n = 0;
      for (Timeline.TrainMark mark : timeline.trains()) {
        out.append("    Train ")
            .append(label(mark.train().value()))
            .append(mark.departed() ? " departed" : " planned")
            .append(" :milestone, train")
            .append(++n)
            .append(", ")
            .append(MINUTE.format(mark.at()))
            .append(", 0m\n");
      }
    }
    if (!timeline.freezes().isEmpty()) {
      out.append("    section Freezes\n");
      int n = 0;
      for (FreezePeriod freeze : timeline.freezes()) {
        Instant start = later(freeze.start(), timeline.from()).truncatedTo(ChronoUnit.MINUTES);
        Instant end = freeze.end().filter(e -> e.isBefore(timeline.to())).orElse(timeline.to());
        Instant shown = end.truncatedTo(ChronoUnit.MINUTES);
        if (shown.isBefore(end)) {
          shown = shown.plus(Duration.ofMinutes(1));
        }
        if (!shown.isAfter(start)) {
          shown = start.plus(Duration.ofMinutes(1));
        }
        out.append("    Freeze ")
            .append(label(freeze.window()))
            .append(' ')
            .append(freeze.level())
            .append(freeze.end().isEmpty() ? " until lifted" : "")
            .append(" :crit, freeze")
            .append(++n)
            .append(", ")
            .append(MINUTE.format(start))
            .append(", ")
            .append(MINUTE.format(shown))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** {@code text} with every character but letters, digits and {@code -_./(),} made {@code _}. */
  static String label(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c ->
                out.appendCodePoint(
                    Character.isLetterOrDigit(c) || "-_./(),".indexOf(c) >= 0 ? c : '_'));
    return out.toString();
  }
}
