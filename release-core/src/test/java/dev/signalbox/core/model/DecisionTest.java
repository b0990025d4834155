package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.CHANGE;
import static dev.signalbox.core.model.Samples.HEAD;
import static dev.signalbox.core.model.Samples.POLICY;
import static dev.signalbox.core.model.Samples.T1;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Decision, Reason and RequiredAction. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class DecisionTest {
  private static final Reason FROZEN =
      new Reason("freeze", "A NON_CRITICAL freeze is in force.", Map.of("window", "incident-42"));
  private static final RequiredAction APPROVAL =
      new RequiredAction("review", "needs an APPROVE on SECURITY");

  private static Decision decision(
      Outcome outcome,
      List<Reason> reasons,
      List<RequiredAction> required,
      Optional<java.time.Instant> retry) {
    return new Decision(CHANGE, HEAD, outcome, reasons, required, retry, POLICY);
  }

  @Test
  void shipMayComeWithoutReasons() {
    Decision ship = decision(Outcome.SHIP, List.of(), List.of(), Optional.empty());
    assertThat(ship.ships()).isTrue();
    assertThat(decision(Outcome.SHIP, List.of(FROZEN), List.of(), Optional.empty()).reasons())
        .containsExactly(FROZEN);
  }

  @Test
  void factoriesBuildEachOutcome() {
    assertThat(Decision.ship(CHANGE, HEAD, List.of(), POLICY))
        .isEqualTo(decision(Outcome.SHIP, List.of(), List.of(), Optional.empty()));
    assertThat(
            Decision.notYet(
                CHANGE, HEAD, List.of(FROZEN), List.of(APPROVAL), Optional.of(T1), POLICY))
        .isEqualTo(decision(Outcome.NOT_YET, List.of(FROZEN), List.of(APPROVAL), Optional.of(T1)));
    assertThat(Decision.sendBack(CHANGE, HEAD, List.of(FROZEN), List.of(APPROVAL), POLICY))
        .isEqualTo(
            decision(Outcome.SEND_BACK, List.of(FROZEN), List.of(APPROVAL), Optional.empty()));
    Samples.assertRejected(
        () -> Decision.notYet(CHANGE, HEAD, List.of(), List.of(), Optional.empty(), POLICY),
        Decision.class,
        "reasons",
        "reasons must not be empty for a NOT_YET decision, was []");
  }

  @Test
  void notYetMayNameWhatIsMissingAndWhenToRetry() {
    Decision notYet =
        decision(Outcome.NOT_YET, List.of(FROZEN), List.of(APPROVAL), Optional.of(T1));
    assertThat(notYet.ships()).isFalse();
    assertThat(notYet.required()).containsExactly(APPROVAL);
    assertThat(notYet.earliestRetry()).contains(T1);
  }

  @Test
  void sendBackNamesWhatIsRequired() {
    Decision sendBack =
        decision(Outcome.SEND_BACK, List.of(FROZEN), List.of(APPROVAL), Optional.empty());
    assertThat(sendBack.ships()).isFalse();
    assertThat(sendBack.outcome()).isEqualTo(Outcome.SEND_BACK);
  }

  @ParameterizedTest
  @EnumSource(
      value = Outcome.class,
      names = {"NOT_YET", "SEND_BACK"})
  void everyNonShipDecisionExplainsItself(Outcome outcome) {
    assertRejected(
        () -> decision(outcome, List.of(), List.of(), Optional.empty()),
        Decision.class,
        "reasons",
        "reasons must not be empty for a " + outcome + " decision, was []");
  }

  @Test
  void shipRequiresNothing() {
    assertRejected(
        () -> decision(Outcome.SHIP, List.of(), List.of(APPROVAL, APPROVAL), Optional.empty()),
        Decision.class,
        "required",
        "required must be empty for a SHIP decision, was 2");
  }

  @ParameterizedTest
  @EnumSource(
      value = Outcome.class,
      names = {"SHIP", "SEND_BACK"})
  void onlyNotYetHasARetryTime(Outcome outcome) {
    assertRejected(
        () -> decision(outcome, List.of(FROZEN), List.of(), Optional.of(T1)),
        Decision.class,
        "earliestRetry",
        "earliestRetry must be absent for a " + outcome + " decision, was " + T1);
  }

  @Test
  void copiesAndProtectsItsLists() {
    List<Reason> reasons = new ArrayList<>(List.of(FROZEN));
    List<RequiredAction> required = new ArrayList<>(List.of(APPROVAL));
    Decision decision = decision(Outcome.NOT_YET, reasons, required, Optional.empty());
    reasons.clear();
    required.clear();
    assertThat(decision.reasons()).containsExactly(FROZEN);
    assertThat(decision.required()).containsExactly(APPROVAL);
    assertThatThrownBy(() -> decision.reasons().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> decision.required().add(APPROVAL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNulls() {
    List<Reason> r = List.of(FROZEN);
    Optional<java.time.Instant> none = Optional.empty();
    assertNullRejected(
        () -> new Decision(null, HEAD, Outcome.SHIP, r, List.of(), none, POLICY),
        Decision.class,
        "change");
    assertNullRejected(
        () -> new Decision(CHANGE, null, Outcome.SHIP, r, List.of(), none, POLICY),
        Decision.class,
        "revision");
    assertNullRejected(
        () -> new Decision(CHANGE, HEAD, null, r, List.of(), none, POLICY),
        Decision.class,
        "outcome");
    assertNullRejected(
        () -> new Decision(CHANGE, HEAD, Outcome.SHIP, null, List.of(), none, POLICY),
        Decision.class,
        "reasons");
    assertNullRejected(
        () ->
            new Decision(
                CHANGE,
                HEAD,
                Outcome.NOT_YET,
                Arrays.asList(FROZEN, null),
                List.of(),
                none,
                POLICY),
        Decision.class,
        "reasons[1]");
    assertNullRejected(
        () -> new Decision(CHANGE, HEAD, Outcome.SHIP, r, null, none, POLICY),
        Decision.class,
        "required");
    assertNullRejected(
        () -> new Decision(CHANGE, HEAD, Outcome.SHIP, r, List.of(), null, POLICY),
        Decision.class,
        "earliestRetry");
    assertNullRejected(
        () -> new Decision(CHANGE, HEAD, Outcome.SHIP, r, List.of(), none, null),
        Decision.class,
        "policyDigest");
  }

  @Test
  void reasonOfHasNoEvidence() {
    assertThat(Reason.of("freeze", "Frozen.")).isEqualTo(new Reason("freeze", "Frozen.", Map.of()));
  }

  @Test
  void reasonCopiesAndProtectsItsEvidence() {
    Map<String, String> evidence = new HashMap<>(Map.of("window", "incident-42"));
    Reason reason = new Reason("freeze", "Frozen.", evidence);
    evidence.put("level", "ALL");
    assertThat(reason.evidence()).containsExactly(Map.entry("window", "incident-42"));
    assertThatThrownBy(() -> reason.evidence().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void reasonEvidenceValuesMayBeEmptyButKeysAreTokens() {
    assertThat(new Reason("r", "m", Map.of("note", "")).evidence()).containsEntry("note", "");
    assertRejected(
        () -> new Reason("r", "m", Map.of("the window", "x")),
        Reason.class,
        "evidence['the window']",
        "evidence['the window'] must not contain whitespace or control characters,"
            + " was \"the window\"");
    assertRejected(
        () -> new Reason("r", "m", Map.of("window", "a\0")),
        Reason.class,
        "evidence.window",
        "evidence.window must not contain NUL, was \"a\\u0000\"");
  }

  @Test
  void reasonRejectsNullsAndBadText() {
    assertNullRejected(() -> Reason.of(null, "m"), Reason.class, "rule");
    assertNullRejected(() -> Reason.of("r", null), Reason.class, "message");
    assertNullRejected(() -> new Reason("r", "m", null), Reason.class, "evidence");
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("window", null);
    assertNullRejected(() -> new Reason("r", "m", nullValue), Reason.class, "evidence.window");
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "x");
    assertRejected(
        () -> new Reason("r", "m", nullKey),
        Reason.class,
        "evidence",
        "evidence must not have a null key");
    assertRejected(
        () -> Reason.of("free ze", "m"),
        Reason.class,
        "rule",
        "rule must not contain whitespace or control characters, was \"free ze\"");
    assertRejected(
        () -> Reason.of("r", ""), Reason.class, "message", "message must not be blank, was \"\"");
  }

  @Test
  void requiredActionRejectsNullsAndBadText() {
    assertNullRejected(() -> new RequiredAction(null, "a"), RequiredAction.class, "rule");
    assertNullRejected(() -> new RequiredAction("r", null), RequiredAction.class, "action");
    assertRejected(
        () -> new RequiredAction("", "a"),
        RequiredAction.class,
        "rule",
        "rule must not be empty, was \"\"");
    assertRejected(
        () -> new RequiredAction("r", "\n"),
        RequiredAction.class,
        "action",
        "action must not be blank, was \"\\n\"");
  }
}
