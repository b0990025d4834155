package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SignedAcceptance;
import dev.signalbox.core.model.SignedOverride;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.EvidenceVerifier;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.policy.VerifiedOverride;
import dev.signalbox.testkit.evidence.TrustedEvidence;
import dev.signalbox.testkit.generators.PolicyScenarios;
import dev.signalbox.testkit.generators.PolicyScenarios.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract test kit of {@link EvidenceVerifier}: what every verifier must do for the policy to
 * trust what it makes. Extend it in a JUnit 5 test, supply the verifier and ways to sign statements
 * with keys its registry knows, and every check here runs against it:
 *
 * <ul>
 *   <li>a validly signed acceptance, override or verdict becomes a {@link VerifiedAcceptance},
 *       {@link VerifiedOverride} or signed {@link TrustedVerdict} of exactly that statement, whose
 *       signer (with its roles) is the one the registry names;
 *   <li>an acceptance that is forged (payload swapped under a signature), tampered with, signed by
 *       an unknown key or by an agent's key, unsigned, malformed, of the wrong payload type,
 *       expired, or for another change, content digest or policy becomes one {@link
 *       dev.signalbox.core.policy.RefusedEvidence} with its reasons — never a trusted value, never
 *       an exception;
 *   <li>the board's verdicts pass through as trusted, and check runs as they are;
 *   <li>the same inputs give equal evidence, also verified from several threads at once;
 *   <li>refused evidence changes no outcome: {@code decide(E ∪ refused)} has the outcome of {@code
 *       decide(E)} under the default policy, over generated scenarios.
 * </ul>
 *
 * <p>The kit writes the statements; the subclass signs them as its real signers would (the kit
 * derives forgeries from what it signs, so it needs no key). Statements are bound to the default
 * policy's digest. JUnit makes an instance per test; an instance is not shared between threads.
 */
public abstract class EvidenceVerifierContract {
  private static final Instant NOW = PolicyScenarios.NOW;
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();

  /** Subclasses supply the verifier and the signing hooks. */
  protected EvidenceVerifierContract() {}

  /** The verifier under test; a new one or the same one on every call. */
  protected abstract EvidenceVerifier verifier();

  /**
   * The human whose registered key {@link #signAcceptance} and {@link #signOverride} sign with,
   * with the roles the verifier's key registry gives them.
   */
  protected abstract Human signer();

  /**
   * A reviewing agent whose registered key {@link #signVerdict} and {@link
   * #signAcceptanceWithAgentKey} sign with; not the producer of the kit's changes ({@link
   * PolicyScenarios#producer()}).
   */
  protected abstract Agent agent();

  /** {@code acceptance} in a DSSE envelope signed with {@link #signer()}'s registered key. */
  protected abstract Envelope signAcceptance(RiskAcceptance acceptance);

  /** {@code override} in a DSSE envelope signed with {@link #signer()}'s registered key. */
  protected abstract Envelope signOverride(VerdictOverride override);

  /** {@code verdict}, by {@link #agent()}, in a DSSE envelope signed with that agent's key. */
  protected abstract Envelope signVerdict(Verdict verdict);

  /**
   * {@code acceptance} in a DSSE envelope signed with {@link #agent()}'s registered key, as an
   * agent trying to accept risk on a human's behalf would.
   */
  protected abstract Envelope signAcceptanceWithAgentKey(RiskAcceptance acceptance);

  @Test
  public void aSignedAcceptanceIsVerifiedWithTheSignerFromTheRegistry() {
    ChangeRequest change = change();
    RiskAcceptance acceptance = acceptance(change, signer().id(), POLICY.digest(), NOW);
    Evidence evidence = verify(change, List.of(signAcceptance(acceptance)));
    assertThat(evidence.refused()).as("refused evidence").isEmpty();
    assertThat(evidence.acceptances()).hasSize(1);
    VerifiedAcceptance verified = evidence.acceptances().get(0);
    assertThat(verified.acceptance()).isEqualTo(acceptance);
    assertThat(verified.signer()).as("signer, from the key registry").isEqualTo(signer());
    assertThat(verified.roles()).isEqualTo(signer().roles());
    assertThat(verified.keyId()).isNotBlank();
    assertNoTrustedValuesBut(evidence, 0, 1, 0);
  }

  @Test
  public void aSignedOverrideIsVerifiedWithTheSignerFromTheRegistry() {
    ChangeRequest change = change();
    VerdictOverride override = override(change, POLICY.digest());
    Evidence evidence = verify(change, List.of(signOverride(override)));
    assertThat(evidence.refused()).as("refused evidence").isEmpty();
    assertThat(evidence.overrides()).hasSize(1);
    VerifiedOverride verified = evidence.overrides().get(0);
    assertThat(verified.override()).isEqualTo(override);
    assertThat(verified.signer()).as("signer, from the key registry").isEqualTo(signer());
    assertThat(verified.keyId()).isNotBlank();
    assertNoTrustedValuesBut(evidence, 0, 0, 1);
  }

  @Test
  public void aSignedVerdictIsTrustedWithItsKey() {
    ChangeRequest change = change();
    Verdict verdict = verdict(change, agent());
    Evidence evidence = verify(change, List.of(signVerdict(verdict)));
    assertThat(evidence.refused()).as("refused evidence").isEmpty();
    assertThat(evidence.verdicts()).hasSize(1);
    TrustedVerdict trusted = evidence.verdicts().get(0);
    assertThat(trusted.verdict()).isEqualTo(verdict);
    assertThat(trusted.fromBoard()).as("from a board run").isFalse();
    assertThat(trusted.keyId()).hasValueSatisfying(key -> assertThat(key).isNotBlank());
    assertNoTrustedValuesBut(evidence, 1, 0, 0);
  }

  @Test
  public void badAcceptancesAreRefusedOneByOne() {
    ChangeRequest change = change();
    for (Map.Entry<String, Envelope> bad : badAcceptances(change, NOW).entrySet()) {
      Evidence evidence = verify(change, List.of(bad.getValue()), bad.getKey());
      assertThat(evidence.refused()).as("refused evidence for %s", bad.getKey()).hasSize(1);
      assertThat(evidence.refused().get(0).reasons()).as("reasons").isNotEmpty();
      assertNoTrustedValuesBut(evidence, 0, 0, 0);
    }
  }

  @Test
  public void badAcceptancesAreRefusedTogether() {
    ChangeRequest change = change();
    Map<String, Envelope> bad = badAcceptances(change, NOW);
    RiskAcceptance good = acceptance(change, signer().id(), POLICY.digest(), NOW);
    List<Envelope> envelopes = new ArrayList<>(bad.values());
    envelopes.add(signAcceptance(good));
    Evidence evidence = verify(change, envelopes);
    assertThat(evidence.refused()).as("refused evidence").hasSize(bad.size());
    assertThat(evidence.acceptances())
        .extracting(VerifiedAcceptance::acceptance)
        .as("the one good acceptance among bad ones")
        .containsExactly(good);
    assertNoTrustedValuesBut(evidence, 0, 1, 0);
  }

  @Test
  public void badOverridesAndVerdictsAreRefused() {
    ChangeRequest change = change();
    VerdictOverride override = override(change, POLICY.digest());
    VerdictOverride otherPolicy = override(change, PolicyDigest.of("0".repeat(64)));
    Verdict verdict = verdict(change, agent());
    Verdict rejecting =
        new Verdict(
            verdict.change(),
            verdict.reviewer(),
            verdict.surface(),
            VerdictOutcome.REJECT,
            Optional.empty(),
            List.of(),
            verdict.contentDigest(),
            verdict.issuedAt());
    Map<String, Envelope> bad = new LinkedHashMap<>();
    bad.put("an override under another policy", signOverride(otherPolicy));
    bad.put(
        "an override whose payload was swapped",
        swapped(signOverride(override), signOverride(otherPolicy)));
    bad.put(
        "a verdict whose payload was swapped",
        swapped(signVerdict(verdict), signVerdict(rejecting)));
    bad.put("an unsigned verdict", unsigned(signVerdict(verdict)));
    for (Map.Entry<String, Envelope> item : bad.entrySet()) {
      Evidence evidence = verify(change, List.of(item.getValue()), item.getKey());
      assertThat(evidence.refused()).as("refused evidence for %s", item.getKey()).hasSize(1);
      assertNoTrustedValuesBut(evidence, 0, 0, 0);
    }
  }

  @Test
  public void boardVerdictsPassThroughAsTrusted() {
    ChangeRequest change = change();
    List<TrustedVerdict> verdicts =
        List.of(
            TrustedEvidence.fromBoard(verdict(change, agent())),
            TrustedEvidence.fromBoard(
                verdict(
                    change,
                    new Agent("reviewer-gpt", "gpt-model", "gpt", "op-review"),
                    RiskSurface.SECURITY)));
    BoardResult board = TrustedEvidence.board(change.ref(), change.contentDigest(), verdicts);
    CheckRun check =
        new CheckRun(
            "build",
            CheckConclusion.SUCCESS,
            change.head(),
            NOW.minus(Duration.ofMinutes(5)),
            Optional.of(URI.create("https://ci.example/build/1")),
            Optional.empty());
    Evidence evidence = verify(change, board, List.of(), List.of(check), NOW, "board verdicts");
    assertThat(evidence.verdicts()).as("trusted verdicts").hasSameElementsAs(verdicts);
    assertThat(evidence.checks()).as("check runs").containsExactly(check);
    assertThat(evidence.refused()).as("refused evidence").isEmpty();
  }

  @Test
  public void isDeterministic() {
    ChangeRequest change = change();
    List<Envelope> envelopes = mixed(change);
    Evidence first = verify(change, envelopes);
    assertThat(verify(change, envelopes)).as("evidence verified again").isEqualTo(first);
    List<Envelope> reversed = new ArrayList<>(envelopes);
    java.util.Collections.reverse(reversed);
    assertThat(verify(change, reversed))
        .as("evidence of envelopes in another order")
        .isEqualTo(first);
  }

  @Test
  public void givesTheSameEvidenceFromManyThreads() {
    ChangeRequest change = change();
    List<List<Envelope>> inputs = new ArrayList<>();
    List<Envelope> envelopes = mixed(change);
    for (int i = 0; i < 20; i++) {
      inputs.add(List.of(envelopes.get(i % envelopes.size())));
      inputs.add(envelopes);
    }
    List<Evidence> alone = inputs.stream().map(list -> verify(change, list)).toList();
    for (List<Evidence> together : Concurrently.run(inputs, list -> verify(change, list))) {
      assertThat(together).as("evidence verified on several threads at once").isEqualTo(alone);
    }
  }

  @Test
  public void refusedEvidenceChangesNoOutcome() {
    qt().withExamples(60)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              ChangeRequest change = scenario.change();
              Instant at = scenario.context().now();
              Map<String, Envelope> bad = badAcceptances(change, at);
              Evidence refused =
                  verify(
                      change,
                      emptyBoard(change),
                      List.copyOf(bad.values()),
                      List.of(),
                      at,
                      "bad acceptances");
              assertNoTrustedValuesBut(refused, 0, 0, 0);
              assertThat(refused.refused()).hasSize(bad.size());
              assertSameOutcome(scenario, refused);
            });
  }

  private static void assertSameOutcome(Scenario scenario, Evidence refused) {
    var context = scenario.context();
    assertThat(
            POLICY
                .decide(scenario.change(), context.withEvidence(context.evidence().and(refused)))
                .outcome())
        .as("outcome with refused evidence added")
        .isEqualTo(POLICY.decide(scenario.change(), context).outcome());
  }

  /** Acceptances that must each be refused, by what is wrong with them. */
  private Map<String, Envelope> badAcceptances(ChangeRequest change, Instant at) {
    String human = signer().id();
    RiskAcceptance good = acceptance(change, human, POLICY.digest(), at);
    RiskAcceptance riskier =
        new RiskAcceptance(
            good.change(),
            good.contentDigest(),
            good.policyDigest(),
            good.risk(),
            0.9,
            good.rationale(),
            good.contingency(),
            good.signatory(),
            good.signedAt(),
            good.expiresAt());
    Envelope signed = signAcceptance(good);
    Map<String, Envelope> bad = new LinkedHashMap<>();
    bad.put("a forged acceptance (payload swapped)", swapped(signed, signAcceptance(riskier)));
    bad.put("an acceptance with a tampered signature", tampered(signed));
    bad.put(
        "an acceptance signed by an unknown key",
        new Envelope(
            signed.payloadType(),
            signed.payload(),
            List.of(new EnvelopeSignature("unregistered-key", signed.signatures().get(0).sig()))));
    bad.put("an unsigned acceptance", unsigned(signed));
    bad.put(
        "an acceptance signed with an agent's key",
        signAcceptanceWithAgentKey(acceptance(change, agent().id(), POLICY.digest(), at)));
    bad.put(
        "a malformed acceptance",
        new Envelope(
            SignedAcceptance.PAYLOAD_TYPE,
            java.util.Base64.getEncoder()
                .encodeToString("{\"not\": \"an acceptance\"".getBytes(StandardCharsets.UTF_8)),
            signed.signatures()));
    bad.put(
        "an acceptance under another payload type",
        new Envelope(SignedOverride.PAYLOAD_TYPE, signed.payload(), signed.signatures()));
    bad.put(
        "an expired acceptance",
        signAcceptance(
            new RiskAcceptance(
                good.change(),
                good.contentDigest(),
                good.policyDigest(),
                good.risk(),
                good.probability(),
                good.rationale(),
                good.contingency(),
                human,
                at.minus(Duration.ofDays(3)),
                at.minus(Duration.ofDays(1)))));
    bad.put(
        "an acceptance of another change",
        signAcceptance(
            acceptance(
                otherThan(change.ref()), change.contentDigest(), human, POLICY.digest(), at)));
    bad.put(
        "an acceptance of another revision's content",
        signAcceptance(
            acceptance(
                change.ref(),
                ContentDigest.of(
                    change.contentDigest().value().startsWith("f")
                        ? "e".repeat(64)
                        : "f".repeat(64)),
                human,
                POLICY.digest(),
                at)));
    bad.put(
        "an acceptance under another policy",
        signAcceptance(acceptance(change, human, PolicyDigest.of("0".repeat(64)), at)));
    return bad;
  }

  private static ChangeRef otherThan(ChangeRef change) {
    ChangeRef other = ChangeRef.of("acme/elsewhere", "1");
    return other.equals(change) ? ChangeRef.of("acme/elsewhere", "2") : other;
  }

  /** A mix of good and bad envelopes of every kind. */
  private List<Envelope> mixed(ChangeRequest change) {
    List<Envelope> envelopes = new ArrayList<>(badAcceptances(change, NOW).values());
    envelopes.add(signAcceptance(acceptance(change, signer().id(), POLICY.digest(), NOW)));
    envelopes.add(signOverride(override(change, POLICY.digest())));
    envelopes.add(signVerdict(verdict(change, agent())));
    return envelopes;
  }

  private Evidence verify(ChangeRequest change, List<Envelope> envelopes) {
    return verify(change, envelopes, "envelopes " + envelopes.size());
  }

  private Evidence verify(ChangeRequest change, List<Envelope> envelopes, String what) {
    return verify(change, emptyBoard(change), envelopes, List.of(), NOW, what);
  }

  /** Verifies, failing the test if the verifier throws or returns null. */
  private Evidence verify(
      ChangeRequest change,
      BoardResult board,
      List<Envelope> envelopes,
      List<CheckRun> checks,
      Instant at,
      String what) {
    Evidence evidence;
    try {
      evidence = verifier().verify(change, POLICY.digest(), board, envelopes, checks, at);
    } catch (RuntimeException e) {
      throw new AssertionError("the verifier threw on " + what + ": " + e, e);
    }
    assertThat(evidence).as("evidence for %s", what).isNotNull();
    return evidence;
  }

  private static void assertNoTrustedValuesBut(
      Evidence evidence, int verdicts, int acceptances, int overrides) {
    assertThat(evidence.verdicts()).as("trusted verdicts").hasSize(verdicts);
    assertThat(evidence.acceptances()).as("verified acceptances").hasSize(acceptances);
    assertThat(evidence.overrides()).as("verified overrides").hasSize(overrides);
  }

  private static BoardResult emptyBoard(ChangeRequest change) {
    return TrustedEvidence.board(change.ref(), change.contentDigest(), List.of());
  }

  /** {@code signed}'s signatures over {@code other}'s payload. */
  private static Envelope swapped(Envelope signed, Envelope other) {
    return new Envelope(signed.payloadType(), other.payload(), signed.signatures());
  }

  private static Envelope unsigned(Envelope signed) {
    return new Envelope(signed.payloadType(), signed.payload(), List.of());
  }

  /** {@code signed} with the first byte of each signature flipped. */
  private static Envelope tampered(Envelope signed) {
    List<EnvelopeSignature> signatures = new ArrayList<>();
    for (EnvelopeSignature signature : signed.signatures()) {
      byte[] bytes = java.util.Base64.getDecoder().decode(signature.sig());
      if (bytes.length > 0) {
        bytes[0] ^= 0x01;
      }
      signatures.add(
          new EnvelopeSignature(
              signature.keyid(), java.util.Base64.getEncoder().encodeToString(bytes)));
    }
    return new Envelope(signed.payloadType(), signed.payload(), signatures);
  }

  private static RiskAcceptance acceptance(
      ChangeRequest change, String signatory, PolicyDigest policy, Instant at) {
    return acceptance(change.ref(), change.contentDigest(), signatory, policy, at);
  }

  private static RiskAcceptance acceptance(
      ChangeRef change, ContentDigest content, String signatory, PolicyDigest policy, Instant at) {
    return new RiskAcceptance(
        change,
        content,
        policy,
        "the hotfix breaks checkout",
        0.05,
        "checkout is down without it",
        "roll back and page the on-call",
        signatory,
        at.minus(Duration.ofHours(1)),
        at.plus(Duration.ofDays(2)));
  }

  private VerdictOverride override(ChangeRequest change, PolicyDigest policy) {
    return new VerdictOverride(
        change.ref(),
        change.contentDigest(),
        policy,
        OverrideSubject.verdict(agent().id(), RiskSurface.CODE_QUALITY),
        "the rejection is about code that this change does not touch",
        signer().id(),
        NOW.minus(Duration.ofHours(1)),
        NOW.plus(Duration.ofDays(2)));
  }

  private static Verdict verdict(ChangeRequest change, Agent reviewer) {
    return verdict(change, reviewer, RiskSurface.CODE_QUALITY);
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
        NOW.minus(Duration.ofMinutes(30)));
  }

  /** A small, ordinary change that the kit's statements are about. */
  private static ChangeRequest change() {
    return ChangeRequest.builder(ChangeId.of("42"))
        .repository("acme/shop")
        .title("Fix checkout totals")
        .producer(PolicyScenarios.producer())
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
        .contentDigest(ContentDigest.of("c".repeat(64)))
        .changes(new ChangeSet(List.of(FileChange.modified("src/checkout/Totals.java", 3, 1))))
        .blastRadius(
            new BlastRadius(BlastLevel.LOW, Set.of("checkout"), Set.of("@acme/checkout"), Set.of()))
        .declaredScope(Scope.ofPaths("src/**"))
        .changeClass(ChangeClass.NORMAL)
        .criticality(Criticality.ROUTINE)
        .rollback(RollbackPlan.revert())
        .proposedAt(NOW.minus(Duration.ofHours(2)))
        .build();
  }
}
