package dev.signalbox.core.policy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ErrorBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An {@link ErrorBudgetSource} over measurements already taken: per objective, the latest one at or
 * before the instant asked. Immutable and thread-safe.
 */
final class MeasuredBudgets implements ErrorBudgetSource {
  /** Per objective, in name order, its measurements by instant. */
  private final Map<String, NavigableMap<Instant, ErrorBudget>> bySlo;

  MeasuredBudgets(List<ErrorBudget> measurements) {
    List<ErrorBudget> checked = Checks.list(ErrorBudgetSource.class, "measurements", measurements);
    Map<String, NavigableMap<Instant, ErrorBudget>> map = new TreeMap<>();
    for (ErrorBudget budget : checked) {
      ErrorBudget earlier =
          map.computeIfAbsent(budget.slo(), slo -> new TreeMap<>())
              .putIfAbsent(budget.measuredAt(), budget);
      if (earlier != null) {
        throw new InvalidValueException(
            ErrorBudgetSource.class,
            "measurements",
            "must not measure one objective twice at the same instant",
            budget.slo() + " at " + budget.measuredAt());
      }
    }
    this.bySlo = map;
  }

  @Override
  public List<ErrorBudget> budgets(Instant at) {
    Checks.instant(ErrorBudgetSource.class, "at", at);
    List<ErrorBudget> budgets = new ArrayList<>(bySlo.size());
    for (NavigableMap<Instant, ErrorBudget> measured : bySlo.values()) {
      Map.Entry<Instant, ErrorBudget> latest = measured.floorEntry(at);
      if (latest != null) {
        budgets.add(latest.getValue());
      }
    }
    return List.copyOf(budgets);
  }

  @Override
  public String toString() {
    return "ErrorBudgetSource.of(" + bySlo.keySet() + ")";
  }
}
