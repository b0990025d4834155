package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.List;

/**
 * A change that did not board a train, with the reasons: it waits for the next one.
 *
 * @param change the change carried over
 * @param reasons why, at least one
 */
public record Carryover(ChangeRef change, List<Reason> reasons) {
  /** Checks that the carryover explains itself. */
  public Carryover {
    Checks.present(Carryover.class, "change", change);
    reasons = Checks.nonEmptyList(Carryover.class, "reasons", reasons);
  }
}
