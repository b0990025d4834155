package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Optional;

/**
 * What an override accepts: a reviewer's whole verdict on a surface, or one finding in it (named by
 * its rule, and optionally its path).
 *
 * @param reviewer the id of the reviewer whose verdict is overridden
 * @param surface the surface of that verdict
 * @param findingRule the rule of the finding accepted; empty to accept the whole verdict
 * @param findingPath the path of that finding, to single out one of several; needs a rule
 */
public record OverrideSubject(
    String reviewer,
    RiskSurface surface,
    Optional<String> findingRule,
    Optional<RepoPath> findingPath) {
  /** Checks the fields; a finding's path needs the finding's rule. */
  public OverrideSubject {
    Checks.token(OverrideSubject.class, "reviewer", reviewer);
    Checks.present(OverrideSubject.class, "surface", surface);
    Checks.optional(OverrideSubject.class, "findingRule", findingRule)
        .ifPresent(rule -> Checks.token(OverrideSubject.class, "findingRule", rule));
    Checks.optional(OverrideSubject.class, "findingPath", findingPath);
    if (findingPath.isPresent() && findingRule.isEmpty()) {
      throw new InvalidValueException(
          OverrideSubject.class, "findingPath", "needs a findingRule", findingPath.get().value());
    }
  }

  /** The whole verdict of {@code reviewer} on {@code surface}. */
  public static OverrideSubject verdict(String reviewer, RiskSurface surface) {
    return new OverrideSubject(reviewer, surface, Optional.empty(), Optional.empty());
  }

  /** Whether the subject is a whole verdict rather than one finding. */
  public boolean isWholeVerdict() {
    return findingRule.isEmpty();
  }
}
