package dev.signalbox.core.calibration;

import dev.signalbox.core.internal.Checks;

/**
 * One row of a reliability table: the accepted risks whose stated probability fell in {@code [from,
 * to)} (the last bin includes 1), how likely they were said to be, and how often they happened.
 *
 * @param from the bin's lower bound
 * @param to the bin's upper bound
 * @param count how many accepted risks with a recorded outcome fell in it
 * @param meanPredicted their mean stated probability (0 when the bin is empty)
 * @param observedRate the share of them that happened (0 when the bin is empty)
 */
public record ReliabilityBin(
    double from, double to, long count, double meanPredicted, double observedRate) {
  /** Checks the fields. */
  public ReliabilityBin {
    from = Checks.within(ReliabilityBin.class, "from", from, 0, 1);
    to = Checks.within(ReliabilityBin.class, "to", to, 0, 1);
    meanPredicted = Checks.within(ReliabilityBin.class, "meanPredicted", meanPredicted, 0, 1);
    observedRate = Checks.within(ReliabilityBin.class, "observedRate", observedRate, 0, 1);
  }
}
