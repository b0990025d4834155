package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a logit stands among a reference history: the sorted logits of its changes (all of them, or
 * evenly spaced quantiles of them), and the percentile of a logit among them — the share below it,
 * ties counted half. This is the one place a percentile is computed ({@link RiskModel#risk}, {@link
 * ModelRiskScorer}); the history is a repository's landed changes or a model's training history.
 *
 * <p>Immutable and thread-safe.
 */
public final class PercentileTable {
  private static final PercentileTable EMPTY = new PercentileTable(new double[0]);

  private final double[] sorted;

  private PercentileTable(double[] sorted) {
    this.sorted = sorted;
  }

  /** The table of no history, in which every logit stands at the 50th percentile. */
  public static PercentileTable empty() {
    return EMPTY;
  }

  /**
   * The table of {@code logits}, in any order; the array is copied.
   *
   * @throws InvalidValueException if the array is null or holds a value that is not finite
   */
  public static PercentileTable of(double[] logits) {
    Checks.present(PercentileTable.class, "logits", logits);
    double[] sorted = logits.clone();
    for (int i = 0; i < sorted.length; i++) {
      Checks.finite(PercentileTable.class, "logits[" + i + "]", sorted[i]);
      sorted[i] += 0.0; // one zero: -0.0 and 0.0 tie
    }
    Arrays.sort(sorted);
    return new PercentileTable(sorted);
  }

  /** The table of {@code model}'s logits of {@code history}. */
  public static PercentileTable of(RiskModel model, List<FeatureVector> history) {
    Checks.present(PercentileTable.class, "model", model);
    Checks.list(PercentileTable.class, "history", history);
    double[] logits = new double[history.size()];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = model.logit(history.get(i));
    }
    return of(logits);
  }

  /**
   * This table shrunk to {@code points} evenly spaced quantiles (the smallest and largest logit
   * included), for a model file; a table with no more logits than that is returned as it is.
   *
   * @throws InvalidValueException if {@code points} is below 2
   */
  public PercentileTable quantiles(int points) {
    Checks.atLeast(PercentileTable.class, "points", points, 2);
    if (sorted.length <= points) {
      return this;
    }
    double[] q = new double[points];
    for (int k = 0; k < points; k++) {
      q[k] = sorted[(int) Math.round((double) k * (sorted.length - 1) / (points - 1))];
    }
    return new PercentileTable(q);
  }

  /**
   * The percentile of {@code logit}, within [0, 100]: the share of the table's logits below it,
   * ties counted half; 50 when the table is empty.
   */
  public double percentile(double logit) {
    if (sorted.length == 0) {
      return 50;
    }
    int below = lowerBound(logit);
    int upTo = below;
    while (upTo < sorted.length && sorted[upTo] == logit) {
      upTo++;
    }
    return 100.0 * (below + (upTo - below) / 2.0) / sorted.length;
  }

  private int lowerBound(double logit) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < logit) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** How many logits the table holds. */
  public int size() {
    return sorted.length;
  }

  /** The table's logits, ascending, as a new array. */
  public double[] logits() {
    return sorted.clone();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PercentileTable that && Arrays.equals(sorted, that.sorted);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sorted);
  }

  @Override
  public String toString() {
    return "PercentileTable[" + sorted.length + " logits]";
  }
}
