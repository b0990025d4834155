package dev.signalbox.core.signing;

import static dev.signalbox.core.signing.Fixtures.ALICE;
import static dev.signalbox.core.signing.Fixtures.ANOTHER_CHANGE;
import static dev.signalbox.core.signing.Fixtures.BOB;
import static dev.signalbox.core.signing.Fixtures.BOT;
import static dev.signalbox.core.signing.Fixtures.CHANGE;
import static dev.signalbox.core.signing.Fixtures.DIGEST;
import static dev.signalbox.core.signing.Fixtures.NOW;
import static dev.signalbox.core.signing.Fixtures.OTHER_DIGEST;
import static dev.signalbox.core.signing.Fixtures.OTHER_POLICY;
import static dev.signalbox.core.signing.Fixtures.POLICY;
import static dev.signalbox.core.signing.Fixtures.REGISTERED;
import static dev.signalbox.core.signing.Fixtures.T0;
import static dev.signalbox.core.signing.Fixtures.T1;
import static dev.signalbox.core.signing.Fixtures.acceptance;
import static dev.signalbox.core.signing.Fixtures.binding;
import static dev.signalbox.core.signing.Fixtures.override;
import static dev.signalbox.core.signing.RefusalReason.AGENT_KEY;
import static dev.signalbox.core.signing.RefusalReason.BAD_SIGNATURE;
import static dev.signalbox.core.signing.RefusalReason.EXPIRED;
import static dev.signalbox.core.signing.RefusalReason.KEY_NOT_VALID;
import static dev.signalbox.core.signing.RefusalReason.MALFORMED_PAYLOAD;
import static dev.signalbox.core.signing.RefusalReason.NOT_IN_FORCE_YET;
import static dev.signalbox.core.signing.RefusalReason.NO_SIGNATURE;
import static dev.signalbox.core.signing.RefusalReason.OTHER_CHANGE;
import static dev.signalbox.core.signing.RefusalReason.OTHER_CONTENT_DIGEST;
import static dev.signalbox.core.signing.RefusalReason.OTHER_POLICY_DIGEST;
import static dev.signalbox.core.signing.RefusalReason.REVOKED_KEY;
import static dev.signalbox.core.signing.RefusalReason.SIGNER_MISMATCH;
import static dev.signalbox.core.signing.RefusalReason.UNKNOWN_KEY;
import static dev.signalbox.core.signing.RefusalReason.WRONG_PAYLOAD_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.SignedAcceptance;
import dev.signalbox.core.model.SignedOverride;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.VerdictOverride;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Verifying signed acceptances, overrides and verdicts: what counts, and every reason what does
 * not.
 */
class EnvelopeVerifierTest {
  private final Ed25519Signer alice = Ed25519Signer.generate();
  private final Ed25519Signer bob = Ed25519Signer.generate();
  private final Ed25519Signer bot = Ed25519Signer.generate();
  private final Ed25519Signer eve = Ed25519Signer.generate(); // never registered
  private final Registry registry =
      new Registry(
          KeyRegistry.of(
              RegisteredKey.of(alice.publicKey(), ALICE, REGISTERED)
                  .withRoles(Set.of("release-manager", "payments-owner")),
              RegisteredKey.of(bob.publicKey(), BOB, REGISTERED),
              RegisteredKey.of(bot.publicKey(), BOT, REGISTERED)));
  private final EnvelopeVerifier verifier =
      EnvelopeVerifier.create(keyId -> registry.get().resolve(keyId));

  /** A key registry that a test replaces as it goes, like a directory service would change. */
  private static final class Registry {
    private volatile KeyRegistry current;

    Registry(KeyRegistry initial) {
      current = initial;
    }

    KeyRegistry get() {
      return current;
    }

    void set(KeyRegistry next) {
      current = next;
    }
  }

  private static SignedAcceptance signed(RiskAcceptance acceptance, Signer... signers) {
    return new SignedAcceptance(StatementType.ACCEPTANCE.sign(acceptance, signers));
  }

  private static List<RefusalReason> reasons(Verification<?> verification) {
    return verification.refusals().stream().map(Refusal::reason).toList();
  }

  @Test
  void aHumansAcceptanceCountsWithSignerAndRolesFromTheRegistry() {
    Verification<RiskAcceptance> result =
        verifier.acceptance(signed(acceptance("alice"), alice), binding());

    assertThat(result.refusals()).isEmpty();
    Verified<RiskAcceptance> verified = result.verified().orElseThrow();
    assertThat(verified.statement()).isEqualTo(acceptance("alice"));
    assertThat(verified.signer()).isEqualTo(ALICE);
    assertThat(verified.roles()).containsExactlyInAnyOrder("release-manager", "payments-owner");
    assertThat(verified.keyId()).isEqualTo(alice.keyId());
    assertThat(verified.envelopeDigest()).isEqualTo(Dsse.digest(verified.envelope()));
  }

  @Test
  void aForgedPayloadIsRefused() {
    Envelope genuine = StatementType.ACCEPTANCE.sign(acceptance("alice"), alice);
    RiskAcceptance bigger =
        new RiskAcceptance(
            CHANGE, DIGEST, POLICY, "anything", 0.9, "because", "pray", "alice", T0, T1);
    Envelope forged =
        Envelope.of(
            genuine.payloadType(), StatementType.ACCEPTANCE.payload(bigger), genuine.signatures());

    Verification<RiskAcceptance> result =
        verifier.acceptance(new SignedAcceptance(forged), binding());

    assertThat(reasons(result)).containsExactly(BAD_SIGNATURE);
    Refused<RiskAcceptance> refused = (Refused<RiskAcceptance>) result;
    assertThat(refused.unverifiedStatement()).contains(bigger);
    assertThat(refused.has(BAD_SIGNATURE)).isTrue();
    assertThat(refused.has(EXPIRED)).isFalse();
  }

  @Test
  void aSignatureByAnotherKeyUnderAlicesKeyIdIsRefused() {
    Envelope byEve = StatementType.ACCEPTANCE.sign(acceptance("alice"), eve);
    Envelope posing =
        new Envelope(
            byEve.payloadType(),
            byEve.payload(),
            List.of(new EnvelopeSignature(alice.keyId(), byEve.signatures().get(0).sig())));

    assertThat(reasons(verifier.acceptance(new SignedAcceptance(posing), binding())))
        .containsExactly(BAD_SIGNATURE);
    assertThat(reasons(verifier.acceptance(new SignedAcceptance(byEve), binding())))
        .containsExactly(UNKNOWN_KEY);
  }

  @Test
  void aReplayForAnotherChangeDigestOrPolicyIsRefusedWithEachReason() {
    SignedAcceptance signed = signed(acceptance("alice"), alice);

    assertThat(
            reasons(verifier.acceptance(signed, new Binding(ANOTHER_CHANGE, DIGEST, POLICY, NOW))))
        .containsExactly(OTHER_CHANGE);
    assertThat(reasons(verifier.acceptance(signed, new Binding(CHANGE, OTHER_DIGEST, POLICY, NOW))))
        .containsExactly(OTHER_CONTENT_DIGEST);
    assertThat(reasons(verifier.acceptance(signed, new Binding(CHANGE, DIGEST, OTHER_POLICY, NOW))))
        .containsExactly(OTHER_POLICY_DIGEST);
    assertThat(
            reasons(
                verifier.acceptance(
                    signed, new Binding(ANOTHER_CHANGE, OTHER_DIGEST, OTHER_POLICY, NOW))))
        .containsExactly(OTHER_CHANGE, OTHER_CONTENT_DIGEST, OTHER_POLICY_DIGEST);
  }

  @Test
  void anExpiredAcceptanceIsRefusedAndOneFromTheFutureToo() {
    SignedAcceptance signed = signed(acceptance("alice"), alice);

    assertThat(reasons(verifier.acceptance(signed, new Binding(CHANGE, DIGEST, POLICY, T1))))
        .containsExactly(EXPIRED);
    assertThat(
            reasons(
                verifier.acceptance(
                    signed, new Binding(CHANGE, DIGEST, POLICY, T0.minusSeconds(1)))))
        .containsExactly(NOT_IN_FORCE_YET);
    assertThat(
            verifier
                .acceptance(signed, new Binding(CHANGE, DIGEST, POLICY, T1.minusNanos(1)))
                .isVerified())
        .isTrue();
  }

  @Test
  void aRevocationTakesEffectAtOnceDespiteTheCache() {
    SignedAcceptance signed = signed(acceptance("alice"), alice);
    assertThat(verifier.acceptance(signed, binding()).isVerified()).isTrue();

    registry.set(registry.get().revoke(alice.keyId(), NOW.minusSeconds(60)));

    Verification<RiskAcceptance> result = verifier.acceptance(signed, binding());
    assertThat(reasons(result)).containsExactly(REVOKED_KEY);
    assertThat(result.refusals().get(0).detail()).contains(alice.keyId()).contains("revoked at");
    assertThat(verifier.signatureChecks()).isEqualTo(1);
  }

  @Test
  void aRevocationAfterTheTimeOfVerificationDoesNotReachBack() {
    registry.set(registry.get().revoke(alice.keyId(), NOW.plusSeconds(60)));
    assertThat(verifier.acceptance(signed(acceptance("alice"), alice), binding()).isVerified())
        .isTrue();
  }

  @Test
  void anAgentSignedAcceptanceOrOverrideIsRefused() {
    assertThat(reasons(verifier.acceptance(signed(acceptance("sec-1"), bot), binding())))
        .containsExactly(AGENT_KEY);
    SignedOverride override =
        new SignedOverride(StatementType.OVERRIDE.sign(override("sec-1"), bot));
    assertThat(reasons(verifier.override(override, binding()))).containsExactly(AGENT_KEY);
  }

  @Test
  void aHumansOverrideCounts() {
    SignedOverride override = new SignedOverride(StatementType.OVERRIDE.sign(override("bob"), bob));
    Verification<VerdictOverride> result = verifier.override(override, binding());
    assertThat(result.verified().orElseThrow().signer()).isEqualTo(BOB);
    assertThat(result.verified().orElseThrow().roles()).containsExactly("developer");
  }

  @Test
  void aSignatoryOtherThanTheKeysPrincipalIsRefused() {
    Verification<RiskAcceptance> result =
        verifier.acceptance(signed(acceptance("alice"), bob), binding());
    assertThat(reasons(result)).containsExactly(SIGNER_MISMATCH);
    assertThat(result.refusals().get(0).detail())
        .isEqualTo("names signatory alice, but the key is registered to bob");
  }

  @Test
  void aKeyOutsideItsValidityIsRefused() {
    registry.set(
        KeyRegistry.of(
            RegisteredKey.of(alice.publicKey(), ALICE, REGISTERED).validUntil(T0.plusSeconds(1))));
    assertThat(reasons(verifier.acceptance(signed(acceptance("alice"), alice), binding())))
        .containsExactly(KEY_NOT_VALID);

    // valid now, but not when the statement says it was signed
    registry.set(KeyRegistry.of(RegisteredKey.of(alice.publicKey(), ALICE, T0.plusSeconds(1))));
    Verification<RiskAcceptance> result =
        verifier.acceptance(signed(acceptance("alice"), alice), binding());
    assertThat(reasons(result)).containsExactly(KEY_NOT_VALID);
    assertThat(result.refusals().get(0).detail()).contains("when the statement says it was signed");
  }

  @Test
  void everyReasonIsReportedAtOnce() {
    registry.set(registry.get().revoke(bot.keyId(), REGISTERED));
    Verification<RiskAcceptance> result =
        verifier.acceptance(
            signed(acceptance("alice"), bot),
            new Binding(ANOTHER_CHANGE, DIGEST, POLICY, T1.plus(Duration.ofDays(1))));
    assertThat(reasons(result))
        .containsExactly(REVOKED_KEY, AGENT_KEY, SIGNER_MISMATCH, OTHER_CHANGE, EXPIRED);
  }

  @Test
  void theWrongPayloadTypeIsRefused() {
    Envelope overrideEnvelope = StatementType.OVERRIDE.sign(override("alice"), alice);
    Verification<RiskAcceptance> result =
        verifier.verify(overrideEnvelope, StatementType.ACCEPTANCE, binding());
    assertThat(reasons(result)).containsExactly(WRONG_PAYLOAD_TYPE, MALFORMED_PAYLOAD);
  }

  @Test
  void aSignedPayloadThatDoesNotParseIsRefused() {
    byte[] garbage = "{\"formatVersion\": 1, \"risk\": 42}".getBytes(StandardCharsets.UTF_8);
    Envelope envelope = Dsse.sign(StatementType.ACCEPTANCE.payloadType(), garbage, alice);
    Verification<RiskAcceptance> result =
        verifier.acceptance(new SignedAcceptance(envelope), binding());
    assertThat(reasons(result)).containsExactly(MALFORMED_PAYLOAD);
    assertThat(result.refusals().get(0).detail()).contains("$.risk");

    Envelope notUtf8 =
        Dsse.sign(StatementType.ACCEPTANCE.payloadType(), new byte[] {(byte) 0xff, '{'}, alice);
    assertThat(reasons(verifier.acceptance(new SignedAcceptance(notUtf8), binding())))
        .containsExactly(MALFORMED_PAYLOAD);
  }

  @Test
  void anUnsignedEnvelopeIsRefused() {
    Envelope unsigned =
        Envelope.of(
            StatementType.ACCEPTANCE.payloadType(),
            StatementType.ACCEPTANCE.payload(acceptance("alice")),
            List.of());
    assertThat(reasons(verifier.acceptance(new SignedAcceptance(unsigned), binding())))
        .containsExactly(NO_SIGNATURE);
  }

  @Test
  void oneGoodSignatureAmongSeveralIsEnough() {
    Envelope both = StatementType.ACCEPTANCE.sign(acceptance("alice"), eve, alice);
    Verification<RiskAcceptance> result =
        verifier.acceptance(new SignedAcceptance(both), binding());
    assertThat(result.verified().orElseThrow().keyId()).isEqualTo(alice.keyId());
  }

  @Test
  void verdictsMayBeAgentSignedButOnlyByTheReviewerTheyName() {
    Verdict verdict =
        new Verdict(
            CHANGE,
            BOT,
            RiskSurface.SECURITY,
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(),
            DIGEST,
            T0);
    Verification<Verdict> ok =
        verifier.verdict(StatementType.VERDICT.sign(verdict, bot), binding());
    assertThat(ok.verified().orElseThrow().signer()).isEqualTo(BOT);

    assertThat(reasons(verifier.verdict(StatementType.VERDICT.sign(verdict, bob), binding())))
        .containsExactly(SIGNER_MISMATCH);

    Verdict otherFamily =
        new Verdict(
            CHANGE,
            new dev.signalbox.core.model.Agent("sec-1", "claude-opus", "claude", "bob"),
            RiskSurface.SECURITY,
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(),
            DIGEST,
            T0);
    assertThat(reasons(verifier.verdict(StatementType.VERDICT.sign(otherFamily, bot), binding())))
        .containsExactly(SIGNER_MISMATCH);
    assertThat(
            reasons(
                verifier.verdict(
                    StatementType.VERDICT.sign(verdict, bot),
                    new Binding(CHANGE, OTHER_DIGEST, POLICY, NOW))))
        .containsExactly(OTHER_CONTENT_DIGEST);
  }

  @Test
  void signatureChecksAreCachedByEnvelopeDigest() {
    SignedAcceptance signed = signed(acceptance("alice"), alice);
    for (int i = 0; i < 5; i++) {
      assertThat(verifier.acceptance(signed, binding()).isVerified()).isTrue();
    }
    assertThat(verifier.signatureChecks()).isEqualTo(1);

    // Ed25519 is deterministic: signing the same statement again makes the same envelope
    Envelope again = StatementType.ACCEPTANCE.sign(acceptance("alice"), alice);
    assertThat(verifier.acceptance(new SignedAcceptance(again), binding()).isVerified()).isTrue();
    assertThat(verifier.signatureChecks()).isEqualTo(1);
  }

  @Test
  void aResolverMappingAnIdToAnotherKeyIsCheckedAgainstThatKey() {
    SignedAcceptance signed = signed(acceptance("alice"), alice);
    assertThat(verifier.acceptance(signed, binding()).isVerified()).isTrue();
    registry.set(KeyRegistry.of(RegisteredKey.of(eve.publicKey(), ALICE, REGISTERED)));
    EnvelopeVerifier lying =
        EnvelopeVerifier.create(keyId -> registry.get().keys().stream().findFirst());
    assertThat(reasons(lying.acceptance(signed, binding()))).containsExactly(BAD_SIGNATURE);
  }

  @Test
  void verifyingWithoutABindingChecksOnlyTheEnvelope() {
    Verification<RiskAcceptance> result =
        verifier.verify(
            signed(acceptance("alice"), alice).envelope(),
            StatementType.ACCEPTANCE,
            Instant.parse("2026-12-31T00:00:00Z"));
    assertThat(result.isVerified()).isTrue();
  }
}
