package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Checks;
import java.util.List;

/**
 * What {@link Ledger#verify} found: how much it checked and every problem.
 *
 * @param entries the entries checked
 * @param checkpoints the checkpoints checked
 * @param problems every problem found, each naming the entry or checkpoint; empty if none
 */
public record VerificationReport(long entries, int checkpoints, List<String> problems) {
  /** Checks the fields. */
  public VerificationReport {
    problems = Checks.texts(VerificationReport.class, "problems", problems);
  }

  /** Whether everything checked out. */
  public boolean ok() {
    return problems.isEmpty();
  }
}
