package dev.signalbox.core.policy;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ErrorBudget;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything a decision depends on besides the change: the instant, the calendar, the verified
 * evidence, the error budgets and what is already satisfied. The decision reads no clock and does
 * no I/O; this is its whole world.
 *
 * <p>Written as JSON for reports at most, never read back: the evidence it holds is trusted.
 *
 * @param now the instant of the decision
 * @param calendar the freeze and merge windows
 * @param evidence the verified evidence for the change
 * @param budgets the error budgets
 * @param satisfied the changes that have shipped or board an earlier merge group of the same train
 */
public record ReleaseContext(
    Instant now,
    ReleaseCalendar calendar,
    Evidence evidence,
    List<ErrorBudget> budgets,
    Set<ChangeRef> satisfied) {
  /** Checks and copies the fields. */
  public ReleaseContext {
    Checks.instant(ReleaseContext.class, "now", now);
    Checks.present(ReleaseContext.class, "calendar", calendar);
    Checks.present(ReleaseContext.class, "evidence", evidence);
    budgets = Checks.list(ReleaseContext.class, "budgets", budgets);
    satisfied = Checks.set(ReleaseContext.class, "satisfied", satisfied);
  }

  /**
   * A context at {@code now} with an empty calendar, no evidence, no budgets and nothing satisfied.
   */
  public static ReleaseContext at(Instant now) {
    return new ReleaseContext(now, ReleaseCalendar.empty(), Evidence.none(), List.of(), Set.of());
  }

  /** This context with other evidence. */
  public ReleaseContext withEvidence(Evidence evidence) {
    return new ReleaseContext(now, calendar, evidence, budgets, satisfied);
  }

  /** This context with another calendar. */
  public ReleaseContext withCalendar(ReleaseCalendar calendar) {
    return new ReleaseContext(now, calendar, evidence, budgets, satisfied);
  }

  /** This context with other error budgets. */
  public ReleaseContext withBudgets(List<ErrorBudget> budgets) {
    return new ReleaseContext(now, calendar, evidence, budgets, satisfied);
  }

  /** This context with another set of satisfied changes. */
  public ReleaseContext withSatisfied(Set<ChangeRef> satisfied) {
    return new ReleaseContext(now, calendar, evidence, budgets, satisfied);
  }

  /** This context at another instant. */
  public ReleaseContext withNow(Instant instant) {
    return new ReleaseContext(instant, calendar, evidence, budgets, satisfied);
  }
}
