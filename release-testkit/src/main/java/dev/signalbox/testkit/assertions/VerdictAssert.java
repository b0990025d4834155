package dev.signalbox.testkit.assertions;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Abstention;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Verdict}. */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {
  VerdictAssert(Verdict actual) {
    super(actual, VerdictAssert.class);
  }

  /** Verifies that the verdict approves. */
  public VerdictAssert approves() {
    return hasOutcome(VerdictOutcome.APPROVE);
  }

  /** Verifies that the verdict rejects. */
  public VerdictAssert rejects() {
    return hasOutcome(VerdictOutcome.REJECT);
  }

  /** Verifies that the verdict abstains, for any cause. */
  public VerdictAssert abstains() {
    return hasOutcome(VerdictOutcome.ABSTAIN);
  }

  /** Verifies that the verdict abstains because of {@code cause}. */
  public VerdictAssert abstainsBecause(AbstainCause cause) {
    abstains();
    AbstainCause actualCause = actual.abstention().map(Abstention::cause).orElseThrow();
    if (actualCause != cause) {
      failWithMessage(
          "Expected %s's verdict to abstain because %s but it abstained because %s",
          actual.reviewer().id(), cause, actualCause);
    }
    return this;
  }

  /** Verifies that the verdict is on {@code surface}. */
  public VerdictAssert isOn(RiskSurface surface) {
    isNotNull();
    if (actual.surface() != surface) {
      failWithMessage(
          "Expected %s's verdict to be on %s but it was on %s",
          actual.reviewer().id(), surface, actual.surface());
    }
    return this;
  }

  /** Verifies that some finding comes from the rule {@code rule}. */
  public VerdictAssert hasFindingFrom(String rule) {
    isNotNull();
    if (actual.findings().stream().noneMatch(finding -> finding.rule().equals(rule))) {
      failWithMessage(
          "Expected %s's verdict to have a finding from rule <%s> but it had %s",
          actual.reviewer().id(), rule, actual.findings());
    }
    return this;
  }

  /** Verifies that some finding advises FIX_NOW. */
  public VerdictAssert hasFixNow() {
    isNotNull();
    if (!actual.hasFixNow()) {
      failWithMessage(
          "Expected %s's verdict to have a FIX_NOW finding but it had %s",
          actual.reviewer().id(), actual.findings());
    }
    return this;
  }

  private VerdictAssert hasOutcome(VerdictOutcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      failWithMessage(
          "Expected %s's verdict on %s to be %s but was %s%s",
          actual.reviewer().id(),
          actual.surface(),
          expected,
          actual.outcome(),
          actual.abstention().map(a -> " (" + a.cause() + ": " + a.detail() + ")").orElse(""));
    }
    return this;
  }
}
