package dev.signalbox.core.policy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;

/**
 * What the policy asks of the review board for one risk surface: how many approvals, from how many
 * distinct model families.
 *
 * @param quorum the approvals needed; at least 1
 * @param distinctFamilies how many different model families the approvals must come from; at least
 *     1 and at most {@code quorum}
 */
public record Requirement(int quorum, int distinctFamilies) {
  /** Checks the bounds. */
  public Requirement {
    Checks.atLeast(Requirement.class, "quorum", quorum, 1);
    Checks.atLeast(Requirement.class, "distinctFamilies", distinctFamilies, 1);
    if (distinctFamilies > quorum) {
      throw new InvalidValueException(
          Requirement.class,
          "distinctFamilies",
          "must not exceed quorum (" + quorum + ")",
          distinctFamilies);
    }
  }
}
