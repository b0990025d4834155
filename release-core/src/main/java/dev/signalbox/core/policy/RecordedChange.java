package dev.signalbox.core.policy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.calendar.CalendarDefinition;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.ErrorBudget;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A change as it was once decided, with everything the decision weighed as it was recorded, so that
 * a {@link DryRun} can decide it again under another policy.
 *
 * <p>It holds no trusted value and so reads back from JSON: verdicts, the board's included, are
 * recorded as the signed envelopes that carried them, acceptances and overrides likewise, and only
 * an {@link EvidenceVerifier} turns them into evidence again. Immutable and thread-safe.
 *
 * @param change the change request as it was decided
 * @param decidedAt the instant of the decision
 * @param envelopes the signed verdicts, acceptances and overrides the decision weighed
 * @param checks the check runs the decision weighed
 * @param calendar the freeze and merge windows in force then
 * @param budgets the error budgets as measured then
 * @param satisfied the changes that had shipped, or boarded an earlier merge group, by then
 */
public record RecordedChange(
    ChangeRequest change,
    Instant decidedAt,
    List<Envelope> envelopes,
    List<CheckRun> checks,
    CalendarDefinition calendar,
    List<ErrorBudget> budgets,
    Set<ChangeRef> satisfied) {
  /** Checks and copies the fields; the calendar's windows must fit together. */
  public RecordedChange {
    Checks.present(RecordedChange.class, "change", change);
    Checks.instant(RecordedChange.class, "decidedAt", decidedAt);
    envelopes = Checks.list(RecordedChange.class, "envelopes", envelopes);
    checks = Checks.list(RecordedChange.class, "checks", checks);
    Checks.present(RecordedChange.class, "calendar", calendar);
    try {
      ReleaseCalendar.of(calendar);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(
          RecordedChange.class, "calendar." + e.field(), e.problem(), e.value());
    }
    budgets = Checks.list(RecordedChange.class, "budgets", budgets);
    satisfied = Checks.set(RecordedChange.class, "satisfied", satisfied);
  }

  /** The context the change was decided in, with {@code evidence}. */
  ReleaseContext context(Evidence evidence) {
    return new ReleaseContext(
        decidedAt, ReleaseCalendar.of(calendar), evidence, budgets, satisfied);
  }
}
