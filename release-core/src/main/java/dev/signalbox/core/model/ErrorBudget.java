package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.time.Instant;

/**
 * What remains of a service-level objective's error budget; an exhausted budget holds every change
 * in its scope except P0 changes and security fixes.
 *
 * @param slo the objective's name, such as {@code checkout-availability}
 * @param scope the changes the budget governs
 * @param remaining the fraction of the budget left, at most 1; zero or less is exhausted (an
 *     overspent budget is negative)
 * @param measuredAt when it was measured
 */
public record ErrorBudget(String slo, Scope scope, double remaining, Instant measuredAt) {
  /** Checks the fields; the remaining fraction lies within [-1000, 1]. */
  public ErrorBudget {
    Checks.token(ErrorBudget.class, "slo", slo);
    Checks.present(ErrorBudget.class, "scope", scope);
    remaining = Checks.within(ErrorBudget.class, "remaining", remaining, -1000, 1);
    Checks.instant(ErrorBudget.class, "measuredAt", measuredAt);
  }

  /** Whether the budget is spent. */
  public boolean exhausted() {
    return remaining <= 0;
  }
}
