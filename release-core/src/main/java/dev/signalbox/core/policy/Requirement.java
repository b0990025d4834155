package dev.signalbox.core.policy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;

/**
 * What the policy asks of the review board for one risk surface: how many approvals, from how many
 * distinct model families, and whether an agent of the producer's operator may give one.
 *
 * @param quorum the approvals needed; at least 1
 * @param distinctFamilies how many different model families the approvals must come from; at least
 *     1 and at most {@code quorum}
 * @param sameOperator whether a reviewer operated by the producer's operator counts; when false the
 *     board does not convene one and the policy does not count its verdict (the producer itself
 *     never counts)
 */
public record Requirement(int quorum, int distinctFamilies, boolean sameOperator) {
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

  /**
   * A requirement under which an agent of the producer's operator does not count, as under the
   * default policy.
   */
  public Requirement(int quorum, int distinctFamilies) {
    this(quorum, distinctFamilies, false);
  }
}
