package dev.signalbox.core.policy;

import dev.signalbox.core.model.ErrorBudget;
import java.time.Instant;
import java.util.List;

/**
 * Where the error budgets of service-level objectives come from, such as a monitoring system.
 *
 * <p>Called outside the decision, to fill a {@link ReleaseContext}; implementations must be
 * thread-safe and may do I/O. An implementation that cannot tell should throw a {@link
 * dev.signalbox.core.SignalboxException} rather than report a budget it does not know. The test
 * kit's {@code ErrorBudgetSourceContract} checks an implementation.
 */
public interface ErrorBudgetSource {

  /** The budgets as measured at or before {@code at}, one per objective. */
  List<ErrorBudget> budgets(Instant at);

  /**
   * A source that answers from {@code measurements} already taken: for each objective, its latest
   * measurement at or before the instant asked, and nothing for an objective not yet measured then.
   * For budgets exported from a monitoring system, replays and tests. Thread-safe.
   *
   * @throws dev.signalbox.core.InvalidValueException if the list or a measurement is null, or an
   *     objective is measured twice at the same instant
   */
  static ErrorBudgetSource of(List<ErrorBudget> measurements) {
    return new MeasuredBudgets(measurements);
  }
}
