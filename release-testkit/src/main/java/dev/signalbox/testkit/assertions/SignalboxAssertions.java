package dev.signalbox.testkit.assertions;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.Verdict;

/**
 * Entry points for AssertJ assertions on Signalbox's main types, as in {@code
 * assertThat(decision).isNotYet().hasReasonFrom("freeze")}. Import statically beside AssertJ's own
 * {@code Assertions.assertThat}.
 */
public final class SignalboxAssertions {
  private SignalboxAssertions() {}

  /** Assertions on a decision. */
  public static DecisionAssert assertThat(Decision actual) {
    return new DecisionAssert(actual);
  }

  /** Assertions on a verdict. */
  public static VerdictAssert assertThat(Verdict actual) {
    return new VerdictAssert(actual);
  }

  /** Assertions on a train. */
  public static TrainAssert assertThat(Train actual) {
    return new TrainAssert(actual);
  }

  /** Assertions on a change request. */
  public static ChangeRequestAssert assertThat(ChangeRequest actual) {
    return new ChangeRequestAssert(actual);
  }
}
