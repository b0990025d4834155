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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** VerdictOverride and OverrideSubject. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class VerdictOverrideTest {
  private static final OverrideSubject WHOLE =
      OverrideSubject.verdict("sec-1", RiskSurface.SECURITY);

  private static VerdictOverride override(
      OverrideSubject subject, String rationale, Instant signedAt, Instant expiresAt) {
    return new VerdictOverride(
        CHANGE, DIGEST, POLICY, subject, rationale, "alice", signedAt, expiresAt);
  }

  @Test
  void acceptsAWholeVerdict() {
    VerdictOverride override = override(WHOLE, "false positive: test fixture", T0, T1);
    assertThat(override.subject().isWholeVerdict()).isTrue();
    assertThat(WHOLE)
        .isEqualTo(
            new OverrideSubject("sec-1", RiskSurface.SECURITY, Optional.empty(), Optional.empty()));
  }

  @Test
  void acceptsOneFindingOptionallyAtOnePath() {
    OverrideSubject byRule =
        new OverrideSubject(
            "sec-1", RiskSurface.SECURITY, Optional.of("hardcoded-secret"), Optional.empty());
    OverrideSubject byRuleAndPath =
        new OverrideSubject(
            "sec-1",
            RiskSurface.SECURITY,
            Optional.of("hardcoded-secret"),
            Optional.of(RepoPath.of("test/Fixture.java")));
    assertThat(byRule.isWholeVerdict()).isFalse();
    assertThat(byRuleAndPath.isWholeVerdict()).isFalse();
  }

  @Test
  void isInForceFromSigningUntilJustBeforeExpiry() {
    VerdictOverride override = override(WHOLE, "r", T0, T1);
    assertThat(override.inForceAt(T0.minusMillis(1))).isFalse();
    assertThat(override.inForceAt(T0)).isTrue();
    assertThat(override.inForceAt(T1.minusMillis(1))).isTrue();
    assertThat(override.inForceAt(T1)).isFalse();
  }

  @Test
  void mustExpireAfterItWasSigned() {
    assertRejected(
        () -> override(WHOLE, "r", T1, T1),
        VerdictOverride.class,
        "expiresAt",
        "expiresAt must be after signedAt (2026-11-27T09:00:00Z), was 2026-11-27T09:00:00Z");
  }

  @Test
  void rejectsBlankRationaleAndBadSignatory() {
    assertRejected(
        () -> override(WHOLE, "", T0, T1),
        VerdictOverride.class,
        "rationale",
        "rationale must not be blank, was \"\"");
    assertRejected(
        () -> new VerdictOverride(CHANGE, DIGEST, POLICY, WHOLE, "r", "", T0, T1),
        VerdictOverride.class,
        "signatory",
        "signatory must not be empty, was \"\"");
  }

  @Test
  void rejectsNulls() {
    Class<?> t = VerdictOverride.class;
    assertNullRejected(
        () -> new VerdictOverride(null, DIGEST, POLICY, WHOLE, "r", "a", T0, T1), t, "change");
    assertNullRejected(
        () -> new VerdictOverride(CHANGE, null, POLICY, WHOLE, "r", "a", T0, T1),
        t,
        "contentDigest");
    assertNullRejected(
        () -> new VerdictOverride(CHANGE, DIGEST, null, WHOLE, "r", "a", T0, T1),
        t,
        "policyDigest");
    assertNullRejected(() -> override(null, "r", T0, T1), t, "subject");
    assertNullRejected(() -> override(WHOLE, null, T0, T1), t, "rationale");
    assertNullRejected(
        () -> new VerdictOverride(CHANGE, DIGEST, POLICY, WHOLE, "r", null, T0, T1),
        t,
        "signatory");
    assertNullRejected(() -> override(WHOLE, "r", null, T1), t, "signedAt");
    assertNullRejected(() -> override(WHOLE, "r", T0, null), t, "expiresAt");
  }

  @Test
  void subjectPathNeedsARule() {
    assertRejected(
        () ->
            new OverrideSubject(
                "sec-1",
                RiskSurface.SECURITY,
                Optional.empty(),
                Optional.of(RepoPath.of("a/B.java"))),
        OverrideSubject.class,
        "findingPath",
        "findingPath needs a findingRule, was \"a/B.java\"");
  }

  @Test
  void subjectRejectsBadTokensAndNulls() {
    Class<?> t = OverrideSubject.class;
    assertRejected(
        () -> OverrideSubject.verdict("sec 1", RiskSurface.SECURITY),
        t,
        "reviewer",
        "reviewer must not contain whitespace or control characters, was \"sec 1\"");
    assertRejected(
        () -> new OverrideSubject("sec-1", RiskSurface.SECURITY, Optional.of(""), Optional.empty()),
        t,
        "findingRule",
        "findingRule must not be empty, was \"\"");
    assertNullRejected(() -> OverrideSubject.verdict(null, RiskSurface.SECURITY), t, "reviewer");
    assertNullRejected(() -> OverrideSubject.verdict("sec-1", null), t, "surface");
    assertNullRejected(
        () -> new OverrideSubject("sec-1", RiskSurface.SECURITY, null, Optional.empty()),
        t,
        "findingRule");
    assertNullRejected(
        () -> new OverrideSubject("sec-1", RiskSurface.SECURITY, Optional.empty(), null),
        t,
        "findingPath");
  }
}
