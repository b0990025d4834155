package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * How to undo a change if it goes wrong, decided before it ships.
 *
 * <p>A {@link RollbackKind#REVERT} plan may have no steps (the revert is the step); every other
 * kind must say what to do. Whether a revert actually applies to a train is checked against the
 * train and recorded on its car ({@link RevertCheck}).
 *
 * @param kind how the change is undone
 * @param steps what to do, in order
 */
public record RollbackPlan(RollbackKind kind, List<String> steps) {
  /** Checks the kind and the steps. */
  public RollbackPlan {
    Checks.present(RollbackPlan.class, "kind", kind);
    steps = Checks.texts(RollbackPlan.class, "steps", steps);
    if (kind != RollbackKind.REVERT && steps.isEmpty()) {
      throw new InvalidValueException(
          RollbackPlan.class, "steps", "must not be empty for a " + kind + " plan", steps);
    }
  }

  /** The plan of reverting the change's commits. */
  public static RollbackPlan revert() {
    return new RollbackPlan(RollbackKind.REVERT, List.of());
  }

  /** A plan of {@code kind} with the given steps. */
  public static RollbackPlan of(RollbackKind kind, String... steps) {
    Checks.present(RollbackPlan.class, "steps", steps);
    return new RollbackPlan(kind, Arrays.asList(steps));
  }
}
