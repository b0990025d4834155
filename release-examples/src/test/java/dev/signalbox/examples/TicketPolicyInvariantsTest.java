package dev.signalbox.examples;

import static dev.signalbox.testkit.assertions.SignalboxAssertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.testkit.generators.PolicyScenarios;
import org.junit.jupiter.api.Test;

/**
 * A user's own release invariants, asserted with release-testkit over generated changes and
 * evidence: here, of the policy with the {@code needs-ticket} rule of {@link CustomRuleExample}.
 */
class TicketPolicyInvariantsTest {
  private static final ReleasePolicy POLICY = CustomRuleExample.policy();

  @Test
  void noChangeShipsWithoutATicket() {
    qt().forAll(PolicyScenarios.scenarios(POLICY))
        .assuming(s -> !s.change().labels().containsKey("ticket"))
        .checkAssert(
            s -> assertThat(POLICY.decide(s.change(), s.context())).hasReasonFrom("needs-ticket"));
  }

  @Test
  void everyDecisionThatIsNotShipSaysWhyAndWhatItNeeds() {
    qt().forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            s -> {
              Decision decision = POLICY.decide(s.change(), s.context());
              if (decision.outcome() != Outcome.SHIP) {
                org.assertj.core.api.Assertions.assertThat(decision.reasons()).isNotEmpty();
                org.assertj.core.api.Assertions.assertThat(decision.required()).isNotEmpty();
              }
            });
  }

  @Test
  void aTicketedChangeWithCompleteEvidenceShips() {
    qt().forAll(PolicyScenarios.complete(POLICY))
        .checkAssert(
            s -> {
              ChangeRequest ticketed = s.change().toBuilder().label("ticket", "PAY-7").build();
              assertThat(POLICY.decide(ticketed, s.context())).isShip();
            });
  }
}
