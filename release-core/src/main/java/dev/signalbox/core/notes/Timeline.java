package dev.signalbox.core.notes;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.TrainId;
import java.time.Instant;
import java.util.List;

/**
 * The trains and freezes of a period {@code [from, to)}: each train at the instant it departed (or
 * is planned to), and each freeze period overlapping the period, not clipped to it. {@link
 * #mermaid()} draws it as a Mermaid Gantt chart.
 *
 * @param from the first instant of the period
 * @param to the first instant after it
 * @param trains the trains of the period, by instant, then id
 * @param freezes the freeze periods overlapping it, by start, then window
 */
public record Timeline(
    Instant from, Instant to, List<TrainMark> trains, List<FreezePeriod> freezes) {
  /** Checks the fields; the period must not be empty. */
  public Timeline {
    Class<?> t = Timeline.class;
    Checks.instant(t, "from", from);
    Checks.instant(t, "to", to);
    if (!to.isAfter(from)) {
      throw new InvalidValueException(t, "to", "must be after from (" + from + ")", to);
    }
    trains = Checks.list(t, "trains", trains);
    freezes = Checks.list(t, "freezes", freezes);
  }

  /**
   * The timeline as a Mermaid Gantt chart (the text inside a {@code ```mermaid} fence), in UTC to
   * the minute: trains as milestones, freezes as critical bars clipped to the period. Labels keep
   * letters, digits and {@code - _ . / ( ) ,} only, and each task starts with {@code Train} or
   * {@code Freeze}, so that no id can break the chart's syntax or be read as a directive (an id
   * such as {@code section} or {@code title}).
   */
  public String mermaid() {
    return Mermaid.gantt(this);
  }

  /**
   * A train on the timeline.
   *
   * @param train the train
   * @param at when it departed, or is planned to depart
   * @param departed whether the ledger records it departed
   */
  public record TrainMark(TrainId train, Instant at, boolean departed) {
    /** Checks the fields. */
    public TrainMark {
      Checks.present(TrainMark.class, "train", train);
      Checks.instant(TrainMark.class, "at", at);
    }
  }
}
