package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.CHANGE;
import static dev.signalbox.core.model.Samples.DIGEST;
import static dev.signalbox.core.model.Samples.POLICY;
import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.T1;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class RiskAcceptanceTest {

  private static RiskAcceptance acceptance(
      double probability, Instant signedAt, Instant expiresAt) {
    return new RiskAcceptance(
        CHANGE,
        DIGEST,
        POLICY,
        "checkout errors rise",
        probability,
        "the fix is needed for Black Friday",
        "turn the flag off",
        "alice",
        signedAt,
        expiresAt);
  }

  private static RiskAcceptance withText(
      String risk, String rationale, String contingency, String signatory) {
    return new RiskAcceptance(
        CHANGE, DIGEST, POLICY, risk, 0.1, rationale, contingency, signatory, T0, T1);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.05, 1})
  void acceptsAProbabilityWithinZeroAndOne(double probability) {
    assertThat(acceptance(probability, T0, T1).probability()).isEqualTo(probability);
  }

  @Test
  void isInForceFromSigningUntilJustBeforeExpiry() {
    RiskAcceptance acceptance = acceptance(0.1, T0, T1);
    assertThat(acceptance.inForceAt(T0.minusNanos(1))).isFalse();
    assertThat(acceptance.inForceAt(T0)).isTrue();
    assertThat(acceptance.inForceAt(T1.minusNanos(1))).isTrue();
    assertThat(acceptance.inForceAt(T1)).isFalse();
  }

  @Test
  void rejectsAProbabilityOfOnePointSeven() {
    assertRejected(
        () -> acceptance(1.7, T0, T1),
        RiskAcceptance.class,
        "probability",
        "probability must be within [0, 1], was 1.7");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY})
  void rejectsProbabilitiesOutsideZeroAndOne(double probability) {
    assertRejected(
        () -> acceptance(probability, T0, T1),
        RiskAcceptance.class,
        "probability",
        "probability must be within [0, 1], was " + probability);
  }

  @Test
  void mustExpireAfterItWasSigned() {
    assertRejected(
        () -> acceptance(0.1, T0, T0),
        RiskAcceptance.class,
        "expiresAt",
        "expiresAt must be after signedAt (2026-11-26T09:00:00Z), was 2026-11-26T09:00:00Z");
    assertRejected(
        () -> acceptance(0.1, T1, T0),
        RiskAcceptance.class,
        "expiresAt",
        "expiresAt must be after signedAt (2026-11-27T09:00:00Z), was 2026-11-26T09:00:00Z");
  }

  @Test
  void rejectsBlankStatements() {
    assertRejected(
        () -> withText(" ", "y", "z", "alice"),
        RiskAcceptance.class,
        "risk",
        "risk must not be blank, was \" \"");
    assertRejected(
        () -> withText("x", "", "z", "alice"),
        RiskAcceptance.class,
        "rationale",
        "rationale must not be blank, was \"\"");
    assertRejected(
        () -> withText("x", "y", "\t", "alice"),
        RiskAcceptance.class,
        "contingency",
        "contingency must not be blank, was \"\\t\"");
    assertRejected(
        () -> withText("x", "y", "z", "Alice Liddell"),
        RiskAcceptance.class,
        "signatory",
        "signatory must not contain whitespace or control characters, was \"Alice Liddell\"");
  }

  @Test
  void rejectsNulls() {
    Class<?> t = RiskAcceptance.class;
    assertNullRejected(
        () -> new RiskAcceptance(null, DIGEST, POLICY, "x", 0.1, "y", "z", "alice", T0, T1),
        t,
        "change");
    assertNullRejected(
        () -> new RiskAcceptance(CHANGE, null, POLICY, "x", 0.1, "y", "z", "alice", T0, T1),
        t,
        "contentDigest");
    assertNullRejected(
        () -> new RiskAcceptance(CHANGE, DIGEST, null, "x", 0.1, "y", "z", "alice", T0, T1),
        t,
        "policyDigest");
    assertNullRejected(() -> withText(null, "y", "z", "alice"), t, "risk");
    assertNullRejected(() -> withText("x", null, "z", "alice"), t, "rationale");
    assertNullRejected(() -> withText("x", "y", null, "alice"), t, "contingency");
    assertNullRejected(() -> withText("x", "y", "z", null), t, "signatory");
    assertNullRejected(() -> acceptance(0.1, null, T1), t, "signedAt");
    assertNullRejected(() -> acceptance(0.1, T0, null), t, "expiresAt");
  }
}
