package dev.signalbox.core.train;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.BlastLevel;

/**
 * The limits of one train: the most changes it carries, the most risk it accepts in total, the
 * highest blast radius a car may have, and the most irreversible changes it carries. A change that
 * would pass a limit waits for the next train, with the limit named.
 *
 * <p>Accepted risk is the sum of the boarded changes' calibrated probabilities of being reverted
 * ({@link dev.signalbox.core.model.ChangeRequest#risk()}); an unscored change adds nothing. A
 * change is irreversible when its blast radius has a sensitive kind that the policy calls
 * irreversible (schema migrations by default).
 *
 * @param maxChanges the most changes on the train, at least 0
 * @param maxAcceptedRisk the most total accepted risk, at least 0
 * @param maxBlastRadius the highest blast radius a car may have
 * @param maxIrreversible the most irreversible changes on the train, at least 0
 */
public record Caps(
    int maxChanges, double maxAcceptedRisk, BlastLevel maxBlastRadius, int maxIrreversible) {
  private static final Caps NONE =
      new Caps(Integer.MAX_VALUE, Double.MAX_VALUE, BlastLevel.CRITICAL, Integer.MAX_VALUE);

  /** Checks the limits. */
  public Caps {
    Checks.atLeast(Caps.class, "maxChanges", maxChanges, 0);
    maxAcceptedRisk =
        Checks.within(Caps.class, "maxAcceptedRisk", maxAcceptedRisk, 0, Double.MAX_VALUE);
    Checks.present(Caps.class, "maxBlastRadius", maxBlastRadius);
    Checks.atLeast(Caps.class, "maxIrreversible", maxIrreversible, 0);
  }

  /** No limits at all. */
  public static Caps none() {
    return NONE;
  }

  /** These caps with at most {@code max} changes. */
  public Caps withMaxChanges(int max) {
    return new Caps(max, maxAcceptedRisk, maxBlastRadius, maxIrreversible);
  }

  /** These caps with at most {@code max} total accepted risk. */
  public Caps withMaxAcceptedRisk(double max) {
    return new Caps(maxChanges, max, maxBlastRadius, maxIrreversible);
  }

  /** These caps with cars of blast radius at most {@code max}. */
  public Caps withMaxBlastRadius(BlastLevel max) {
    return new Caps(maxChanges, maxAcceptedRisk, max, maxIrreversible);
  }

  /** These caps with at most {@code max} irreversible changes. */
  public Caps withMaxIrreversible(int max) {
    return new Caps(maxChanges, maxAcceptedRisk, maxBlastRadius, max);
  }
}
