package dev.signalbox.core.policy;

import dev.signalbox.core.model.ErrorBudget;
import java.time.Instant;
import java.util.List;

/**
 * Where the error budgets of service-level objectives come from, such as a monitoring system.
 *
 * <p>Called outside the decision, to fill a {@link ReleaseContext}; implementations must be
 * thread-safe and may do I/O. An implementation that cannot tell should throw a {@link
 * dev.signalbox.core.SignalboxException} rather than report a budget it does not know.
 */
public interface ErrorBudgetSource {

  /** The budgets as measured at or before {@code at}, one per objective. */
  List<ErrorBudget> budgets(Instant at);
}
