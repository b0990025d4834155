package dev.signalbox.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.RefusedEvidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.trust.TrustedValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default evidence verifier with real Ed25519 keys: what it hands the policy, every reason it
 * refuses, the cache, and the policy digest wired through to a decision.
 */
class SignedEvidenceVerifierTest {
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Human RITA = Human.of("rita", "Rita", "release-manager");
  private static final Human MALLORY = Human.of("mallory", "Mallory", "release-manager");
  private static final Agent PRODUCER = new Agent("builder-1", "claude-sonnet", "claude", "op-a");
  private static final Agent REVIEWER = new Agent("critic-1", "gpt-5", "gpt", "op-review");

  private final Ed25519Signer rita = Ed25519Signer.generate();
  private final Ed25519Signer mallory = Ed25519Signer.generate();
  private final Ed25519Signer reviewer = Ed25519Signer.generate();
  private final Ed25519Signer eve = Ed25519Signer.generate(); // never registered
  private final Registry registry =
      new Registry(
          KeyRegistry.of(
              // the registry, not the Human record, says which roles rita's key carries
              RegisteredKey.of(rita.publicKey(), RITA, REGISTERED)
                  .withRoles(Set.of("release-manager", "incident-commander")),
              RegisteredKey.of(mallory.publicKey(), MALLORY, REGISTERED),
              RegisteredKey.of(reviewer.publicKey(), REVIEWER, REGISTERED)));
  private final SignedEvidenceVerifier verifier =
      SignedEvidenceVerifier.create(keyId -> registry.get().resolve(keyId));

  /** A key registry that a test replaces as it goes, as a directory service would change. */
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

  private static ChangeRequest change(ChangeClass changeClass) {
    return ChangeRequest.builder(ChangeId.of("42"))
        .repository("acme/shop")
        .title("Restore checkout")
        .producer(PRODUCER)
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
        .contentDigest(ContentDigest.of("c".repeat(64)))
        .changes(ChangeSet.of(FileChange.modified("src/web/Checkout.java", 3, 1)))
        .blastRadius(BlastRadius.of(BlastLevel.LOW, "web"))
        .declaredScope(Scope.ofPaths("src/**"))
        .changeClass(changeClass)
        .rollback(RollbackPlan.revert())
        .proposedAt(NOW.minus(Duration.ofHours(1)))
        .build();
  }

  private static ChangeRequest change() {
    return change(ChangeClass.NORMAL);
  }

  private static RiskAcceptance acceptance(
      ChangeRequest change, String signatory, PolicyDigest policy) {
    return acceptance(
        change.ref(), change.contentDigest(), signatory, policy, NOW.plus(Duration.ofHours(4)));
  }

  private static RiskAcceptance acceptance(
      ChangeRef change,
      ContentDigest digest,
      String signatory,
      PolicyDigest policy,
      Instant expiresAt) {
    return new RiskAcceptance(
        change,
        digest,
        policy,
        "checkout breaks again",
        0.05,
        "checkout is down without it",
        "roll back and page the on-call",
        signatory,
        NOW.minus(Duration.ofHours(2)),
        expiresAt);
  }

  private static Verdict verdict(ChangeRequest change, Agent reviewer, RiskSurface surface) {
    return new Verdict(
        change.ref(),
        reviewer,
        surface,
        VerdictOutcome.APPROVE,
        Optional.empty(),
        List.of(),
        change.contentDigest(),
        NOW.minus(Duration.ofMinutes(10)));
  }

  /** A board run's approvals meeting every surface the default policy requires of the change. */
  private static BoardResult approvals(ChangeRequest change) {
    List<TrustedVerdict> verdicts = new ArrayList<>();
    List<String> families = List.of("gpt", "gemini", "llama");
    POLICY
        .requiredSurfaces(change)
        .forEach(
            (surface, requirement) -> {
              for (int i = 0; i < requirement.quorum(); i++) {
                String family = families.get(i % families.size());
                verdicts.add(
                    TrustedValues.fromBoard(
                        verdict(
                            change,
                            new Agent("r-" + surface + "-" + i, family + "-m", family, "op-review"),
                            surface)));
              }
            });
    return TrustedValues.board(change.ref(), change.contentDigest(), verdicts, List.of());
  }

  private static BoardResult emptyBoard(ChangeRequest change) {
    return TrustedValues.board(change.ref(), change.contentDigest(), List.of(), List.of());
  }

  private Evidence verify(ChangeRequest change, Envelope... envelopes) {
    return verifier.verify(
        change, POLICY.digest(), emptyBoard(change), List.of(envelopes), List.of(), NOW);
  }

  private static List<String> reasons(Evidence evidence) {
    assertThat(evidence.refused()).hasSize(1);
    return evidence.refused().get(0).reasons();
  }

  private static List<String> messages(Decision decision, String rule) {
    return decision.reasons().stream()
        .filter(r -> r.rule().equals(rule))
        .map(Reason::message)
        .toList();
  }

  @Test
  void anAcceptanceCarriesTheSignerAndRolesFromTheRegistryNotTheStatement() {
    ChangeRequest change = change();
    RiskAcceptance acceptance = acceptance(change, "rita", POLICY.digest());
    Evidence evidence = verify(change, StatementType.ACCEPTANCE.sign(acceptance, rita));

    assertThat(evidence.refused()).isEmpty();
    VerifiedAcceptance verified = evidence.acceptances().get(0);
    assertThat(verified.acceptance()).isEqualTo(acceptance);
    assertThat(verified.signer().id()).isEqualTo("rita");
    assertThat(verified.roles()).containsExactlyInAnyOrder("release-manager", "incident-commander");
    assertThat(verified.keyId()).isEqualTo(rita.keyId());
  }

  @Test
  void anAcceptanceSignedUnderAnotherPolicyDigestIsRefusedAsAReplay() {
    ChangeRequest change = change();
    PolicyDigest other = PolicyDigest.of("0".repeat(64));
    Envelope replayed = StatementType.ACCEPTANCE.sign(acceptance(change, "rita", other), rita);

    Evidence evidence = verify(change, replayed);

    assertThat(evidence.acceptances()).isEmpty();
    assertThat(reasons(evidence))
        .containsExactly("OTHER_POLICY_DIGEST: under policy " + other + ", not " + POLICY.digest());
    // the same envelope counts under the policy it names: the verifier receives the digest
    Evidence underOther =
        verifier.verify(change, other, emptyBoard(change), List.of(replayed), List.of(), NOW);
    assertThat(underOther.acceptances()).hasSize(1);
  }

  @Test
  void theDecidingPolicysDigestDecidesWhetherAnAcceptanceCounts() {
    ChangeRequest emergency = change(ChangeClass.EMERGENCY);
    BoardResult board = approvals(emergency);
    Envelope underThisPolicy =
        StatementType.ACCEPTANCE.sign(acceptance(emergency, "rita", POLICY.digest()), rita);
    Envelope underAnother =
        StatementType.ACCEPTANCE.sign(
            acceptance(emergency, "rita", PolicyDigest.of("0".repeat(64))), rita);

    Decision accepted = decide(emergency, board, underThisPolicy);
    Decision replayed = decide(emergency, board, underAnother);

    assertThat(accepted.outcome()).isEqualTo(Outcome.SHIP);
    assertThat(replayed.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(replayed, "evidence-freshness"))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message)
                    .startsWith("risk acceptance of acme/shop#42 naming signatory rita")
                    .contains("was refused: OTHER_POLICY_DIGEST"));
  }

  private Decision decide(ChangeRequest change, BoardResult board, Envelope... envelopes) {
    Evidence evidence =
        verifier.verify(change, POLICY.digest(), board, List.of(envelopes), List.of(), NOW);
    return POLICY.decide(change, ReleaseContext.at(NOW).withEvidence(evidence));
  }

  @Test
  void forgedReplayedExpiredRevokedAndAgentSignedAcceptancesAreRefused() {
    ChangeRequest change = change();
    RiskAcceptance good = acceptance(change, "rita", POLICY.digest());
    Envelope signed = StatementType.ACCEPTANCE.sign(good, rita);
    RiskAcceptance riskier = acceptance(change, "rita", POLICY.digest());
    riskier =
        new RiskAcceptance(
            riskier.change(),
            riskier.contentDigest(),
            riskier.policyDigest(),
            riskier.risk(),
            0.9,
            riskier.rationale(),
            riskier.contingency(),
            riskier.signatory(),
            riskier.signedAt(),
            riskier.expiresAt());
    Envelope forged =
        new Envelope(
            signed.payloadType(),
            StatementType.ACCEPTANCE.sign(riskier, eve).payload(),
            signed.signatures());
    assertThat(reasons(verify(change, forged)))
        .singleElement()
        .asString()
        .startsWith("BAD_SIGNATURE");

    Envelope otherChange =
        StatementType.ACCEPTANCE.sign(
            acceptance(
                ChangeRef.of("acme/shop", "43"),
                change.contentDigest(),
                "rita",
                POLICY.digest(),
                NOW.plusSeconds(60)),
            rita);
    assertThat(reasons(verify(change, otherChange)))
        .singleElement()
        .asString()
        .startsWith("OTHER_CHANGE");
    Envelope otherContent =
        StatementType.ACCEPTANCE.sign(
            acceptance(
                change.ref(),
                ContentDigest.of("e".repeat(64)),
                "rita",
                POLICY.digest(),
                NOW.plusSeconds(60)),
            rita);
    assertThat(reasons(verify(change, otherContent)))
        .singleElement()
        .asString()
        .startsWith("OTHER_CONTENT_DIGEST");

    Envelope expired =
        StatementType.ACCEPTANCE.sign(
            acceptance(
                change.ref(), change.contentDigest(), "rita", POLICY.digest(), NOW.minusSeconds(1)),
            rita);
    assertThat(reasons(verify(change, expired))).singleElement().asString().startsWith("EXPIRED");

    Envelope byAgent =
        StatementType.ACCEPTANCE.sign(acceptance(change, REVIEWER.id(), POLICY.digest()), reviewer);
    assertThat(reasons(verify(change, byAgent))).singleElement().asString().startsWith("AGENT_KEY");

    Envelope byStranger = StatementType.ACCEPTANCE.sign(good, eve);
    assertThat(reasons(verify(change, byStranger)))
        .singleElement()
        .asString()
        .startsWith("UNKNOWN_KEY");

    Envelope inRitasName = StatementType.ACCEPTANCE.sign(good, mallory);
    assertThat(reasons(verify(change, inRitasName)))
        .singleElement()
        .asString()
        .startsWith("SIGNER_MISMATCH");

    assertThat(verify(change, signed).acceptances()).hasSize(1);
    registry.set(registry.get().revoke(rita.keyId(), NOW.minusSeconds(1)));
    assertThat(reasons(verify(change, signed)))
        .singleElement()
        .asString()
        .startsWith("REVOKED_KEY");
  }

  @Test
  void everyReasonIsReportedAtOnce() {
    ChangeRequest change = change();
    registry.set(registry.get().revoke(mallory.keyId(), NOW.minusSeconds(1)));
    Envelope bad =
        StatementType.ACCEPTANCE.sign(
            acceptance(
                ChangeRef.of("acme/shop", "43"),
                ContentDigest.of("e".repeat(64)),
                "rita",
                PolicyDigest.of("0".repeat(64)),
                NOW.minusSeconds(1)),
            mallory);

    assertThat(reasons(verify(change, bad)))
        .extracting(reason -> reason.substring(0, reason.indexOf(':')))
        .containsExactlyInAnyOrder(
            "REVOKED_KEY",
            "SIGNER_MISMATCH",
            "OTHER_CHANGE",
            "OTHER_CONTENT_DIGEST",
            "OTHER_POLICY_DIGEST",
            "EXPIRED");
  }

  @Test
  void anImportedVerdictCountsOnlySignedByTheKeyOfTheReviewerItNames() {
    ChangeRequest change = change();
    Verdict verdict = verdict(change, REVIEWER, RiskSurface.SECURITY);

    Evidence signed = verify(change, StatementType.VERDICT.sign(verdict, reviewer));
    assertThat(signed.verdicts())
        .singleElement()
        .satisfies(
            trusted -> {
              assertThat(trusted.verdict()).isEqualTo(verdict);
              assertThat(trusted.keyId()).contains(reviewer.keyId());
            });

    Evidence byAnother = verify(change, StatementType.VERDICT.sign(verdict, mallory));
    assertThat(byAnother.verdicts()).isEmpty();
    assertThat(reasons(byAnother)).singleElement().asString().startsWith("SIGNER_MISMATCH");
  }

  @Test
  void theBoardsVerdictsAndTheChecksPassThrough() {
    ChangeRequest change = change();
    BoardResult board = approvals(change);
    Evidence evidence = verifier.verify(change, POLICY.digest(), board, List.of(), List.of(), NOW);
    assertThat(evidence.verdicts()).hasSameElementsAs(board.verdicts());
    assertThat(evidence.verdicts()).allSatisfy(v -> assertThat(v.fromBoard()).isTrue());
    assertThat(evidence.refused()).isEmpty();
  }

  @Test
  void aPayloadTypeThatIsNoStatementIsRefused() {
    ChangeRequest change = change();
    Envelope other = Dsse.sign("application/vnd.in-toto+json", new byte[] {'{', '}'}, rita);
    List<String> reasons = reasons(verify(change, other));
    assertThat(reasons).singleElement().asString().startsWith("WRONG_PAYLOAD_TYPE");
    assertThat(verify(change, other).refused().get(0).item())
        .startsWith("application/vnd.in-toto+json envelope");
  }

  @Test
  void signaturesAreCheckedOnceAndAnEnvelopeGivenTwiceCountsOnce() {
    ChangeRequest change = change();
    Envelope acceptance =
        StatementType.ACCEPTANCE.sign(acceptance(change, "rita", POLICY.digest()), rita);
    Envelope verdict =
        StatementType.VERDICT.sign(verdict(change, REVIEWER, RiskSurface.SECURITY), reviewer);

    Evidence first = verify(change, acceptance, verdict, acceptance);
    Evidence again = verify(change, verdict, acceptance);

    assertThat(first.acceptances()).hasSize(1);
    assertThat(again).isEqualTo(first);
    assertThat(verifier.signatureChecks()).isEqualTo(2);
  }

  @Test
  void aRevocationCountsAtOnceDespiteTheCache() {
    ChangeRequest change = change();
    Envelope acceptance =
        StatementType.ACCEPTANCE.sign(acceptance(change, "rita", POLICY.digest()), rita);
    assertThat(verify(change, acceptance).acceptances()).hasSize(1);
    registry.set(registry.get().revoke(rita.keyId(), NOW));
    Evidence after = verify(change, acceptance);
    assertThat(after.acceptances()).isEmpty();
    assertThat(after.refused()).extracting(RefusedEvidence::reasons).hasSize(1);
    assertThat(verifier.signatureChecks()).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("NullAway") // nulls where the types forbid them are the point
  void badArgumentsAreNamed() {
    ChangeRequest change = change();
    assertThatThrownBy(
            () ->
                verifier.verify(change, POLICY.digest(), emptyBoard(change), null, List.of(), NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("imported");
    assertThatThrownBy(
            () -> verifier.verify(change, null, emptyBoard(change), List.of(), List.of(), NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("policyDigest");
    assertThatThrownBy(() -> SignedEvidenceVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keys");
    KeyResolver keys = registry.get();
    assertThatThrownBy(() -> SignedEvidenceVerifier.builder().keys(keys).keys(keys))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keys was already set");
    assertThatThrownBy(() -> SignedEvidenceVerifier.builder().cacheSize(-1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("cacheSize");
  }
}
