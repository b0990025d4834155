package dev.signalbox.testkit.assertions;

import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import java.time.Instant;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Decision}; failure messages show the decision's reasons. */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {
  DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  /** Verifies that the decision is SHIP. */
  public DecisionAssert isShip() {
    return hasOutcome(Outcome.SHIP);
  }

  /** Verifies that the decision is NOT_YET. */
  public DecisionAssert isNotYet() {
    return hasOutcome(Outcome.NOT_YET);
  }

  /** Verifies that the decision is SEND_BACK. */
  public DecisionAssert isSendBack() {
    return hasOutcome(Outcome.SEND_BACK);
  }

  /** Verifies that the decision has the given outcome. */
  public DecisionAssert hasOutcome(Outcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      failWithMessage(
          "Expected decision on %s to be %s but was %s, because:%n%s",
          actual.change(), expected, actual.outcome(), describeReasons());
    }
    return this;
  }

  /** Verifies that some reason names the rule {@code rule}. */
  public DecisionAssert hasReasonFrom(String rule) {
    isNotNull();
    if (actual.reasons().stream().noneMatch(reason -> reason.rule().equals(rule))) {
      failWithMessage(
          "Expected decision on %s to have a reason from rule <%s> but its reasons were:%n%s",
          actual.change(), rule, describeReasons());
    }
    return this;
  }

  /** Verifies that no reason names the rule {@code rule}. */
  public DecisionAssert hasNoReasonFrom(String rule) {
    isNotNull();
    if (actual.reasons().stream().anyMatch(reason -> reason.rule().equals(rule))) {
      failWithMessage(
          "Expected decision on %s to have no reason from rule <%s> but its reasons were:%n%s",
          actual.change(), rule, describeReasons());
    }
    return this;
  }

  /** Verifies that some required action, from any rule, contains {@code text}. */
  public DecisionAssert requires(String text) {
    isNotNull();
    if (actual.required().stream().noneMatch(action -> action.action().contains(text))) {
      failWithMessage(
          "Expected decision on %s to require an action containing <%s> but it required:%n%s",
          actual.change(),
          text,
          actual.required().stream()
              .map(RequiredAction::toString)
              .collect(Collectors.joining("\n  ", "  ", "")));
    }
    return this;
  }

  /** Verifies that the earliest retry is {@code expected}. */
  public DecisionAssert hasEarliestRetry(Instant expected) {
    isNotNull();
    if (!actual.earliestRetry().equals(java.util.Optional.of(expected))) {
      failWithMessage(
          "Expected decision on %s to retry at %s but its earliest retry was %s",
          actual.change(), expected, actual.earliestRetry());
    }
    return this;
  }

  /** Verifies that the decision records the policy digest {@code expected}. */
  public DecisionAssert hasPolicyDigest(PolicyDigest expected) {
    isNotNull();
    if (!actual.policyDigest().equals(expected)) {
      failWithMessage(
          "Expected decision on %s under policy %s but it was under %s",
          actual.change(), expected, actual.policyDigest());
    }
    return this;
  }

  private String describeReasons() {
    if (actual.reasons().isEmpty()) {
      return "  (no reasons)";
    }
    return actual.reasons().stream()
        .map(DecisionAssert::describe)
        .collect(Collectors.joining("\n  ", "  ", ""));
  }

  private static String describe(Reason reason) {
    return "[" + reason.rule() + "] " + reason.message();
  }
}
