package dev.signalbox.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerQuery;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FeatureContribution;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.trust.TrustedValues;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that read a change's calibrated risk: one more approval above {@code riskyAbove}, a
 * risk acceptance covering the score above {@code acceptanceAbove} (its form pre-filled with the
 * score), and the selective unfreeze under a NON_CRITICAL freeze, recorded in the decision and the
 * ledger.
 */
class ChangeRiskRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Agent PRODUCER =
      new Agent("builder-1", "claude-sonnet", "claude", "op-alice");
  private static final Human RITA = Human.of("rita", "Rita", "release-manager");
  private static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));

  private static final ReleasePolicy ACCEPTING =
      ReleasePolicy.loader()
          .load(
              DefaultPolicy.TEXT.replace(
                  "  riskyAbove: 0.2\n", "  riskyAbove: 0.2\n  acceptanceAbove: 0.05\n"));
  private static final ReleasePolicy UNFREEZING =
      ReleasePolicy.loader()
          .load(
              DefaultPolicy.TEXT.replace(
                  "  postReview: P2D\n", "  postReview: P2D\n  selectiveUnfreezeBelow: 0.02\n"));

  @TempDir Path dir;

  private static ChangeRequest change(Optional<Double> probability) {
    ChangeRequest.Builder builder =
        ChangeRequest.builder(ChangeId.of("42"))
            .repository("acme/shop")
            .title("Fix the login redirect")
            .producer(PRODUCER)
            .owner(Human.of("alice", "Alice", "engineer"))
            .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
            .contentDigest(DIGEST)
            .changes(ChangeSet.of(FileChange.modified("src/web/Login.java", 3, 1)))
            .blastRadius(BlastRadius.of(BlastLevel.LOW, "web"))
            .declaredScope(Scope.ofPaths("src/**"))
            .rollback(RollbackPlan.revert())
            .proposedAt(NOW.minus(Duration.ofHours(1)));
    probability.ifPresent(
        p ->
            builder.risk(
                new ChangeRisk(
                    p,
                    80,
                    -2.1,
                    -2.5,
                    List.of(new FeatureContribution("log1p(lines_added)", 3, 0.4)),
                    "signalbox-default",
                    "2026.11.1")));
    return builder.build();
  }

  private static ChangeRequest change(double probability) {
    return change(Optional.of(probability));
  }

  private static TrustedVerdict approval(ChangeRequest change, int reviewer) {
    String family = reviewer % 2 == 0 ? "gpt" : "gemini";
    return TrustedValues.fromBoard(
        new Verdict(
            change.ref(),
            new Agent("critic-" + reviewer, family + "-m", family, "op-review"),
            RiskSurface.CODE_QUALITY,
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(),
            change.contentDigest(),
            NOW.minus(Duration.ofMinutes(10))));
  }

  private static ReleaseContext approvedBy(ChangeRequest change, int reviewers) {
    List<TrustedVerdict> verdicts = new ArrayList<>();
    for (int i = 0; i < reviewers; i++) {
      verdicts.add(approval(change, i));
    }
    return ReleaseContext.at(NOW)
        .withEvidence(Evidence.of(verdicts, List.of(), List.of(), List.of(), List.of()));
  }

  private static List<String> messages(Decision decision, String rule) {
    return decision.reasons().stream()
        .filter(r -> r.rule().equals(rule))
        .map(Reason::message)
        .toList();
  }

  private static List<String> actions(Decision decision, String rule) {
    return decision.required().stream()
        .filter(r -> r.rule().equals(rule))
        .map(RequiredAction::action)
        .toList();
  }

  @Test
  void aRiskyChangeNeedsOneMoreApproval() {
    ReleasePolicy policy = ReleasePolicy.defaults();
    ChangeRequest risky = change(0.25);
    ChangeRequest calm = change(0.1);

    assertThat(policy.requiredSurfaces(risky))
        .containsEntry(RiskSurface.CODE_QUALITY, new Requirement(2, 1));
    assertThat(policy.requiredSurfaces(calm))
        .containsEntry(RiskSurface.CODE_QUALITY, new Requirement(1, 1));
    assertThat(policy.requiredSurfaces(change(Optional.empty())))
        .containsEntry(RiskSurface.CODE_QUALITY, new Requirement(1, 1));
    Decision oneApproval = policy.decide(risky, approvedBy(risky, 1));
    assertThat(oneApproval.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(oneApproval, "review-quorum"))
        .containsExactly("CODE_QUALITY has 1 counted approval of 2");
    assertThat(policy.decide(risky, approvedBy(risky, 2)).outcome()).isEqualTo(Outcome.SHIP);
    assertThat(policy.decide(calm, approvedBy(calm, 1)).outcome()).isEqualTo(Outcome.SHIP);
  }

  @Test
  void theDefaultPolicyAsksNoAcceptanceForRisk() {
    ChangeRequest change = change(0.15);
    Decision decision = ReleasePolicy.defaults().decide(change, approvedBy(change, 1));
    assertThat(decision.outcome()).isEqualTo(Outcome.SHIP);
    assertThat(messages(decision, "risk-acceptance")).isEmpty();
    assertThat(ACCEPTING.digest()).isNotEqualTo(ReleasePolicy.defaults().digest());
  }

  @Test
  void aboveTheThresholdItShipsOnlyWithAnAcceptanceCoveringTheScore() {
    ChangeRequest change = change(0.08);

    Decision held = ACCEPTING.decide(change, approvedBy(change, 1));
    assertThat(held.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(held, "risk-acceptance"))
        .containsExactly(
            "calibrated risk 8.0% (model signalbox-default 2026.11.1) is at least 5.0%: it ships"
                + " only with a signed risk acceptance of at least that probability");
    assertThat(actions(held, "risk-acceptance"))
        .containsExactly(
            "needs a risk acceptance that \"the change is reverted within 90 days, as model"
                + " signalbox-default 2026.11.1 scores it\" at a probability of at least 0.08,"
                + " signed by a human with role incident-commander or release-manager"
                + " (AcceptanceDraft.of pre-fills it)");

    AcceptanceDraft draft = AcceptanceDraft.of(change, ACCEPTING).orElseThrow();
    RiskAcceptance tooLow =
        new AcceptanceDraft(
                draft.change(), draft.contentDigest(), draft.policyDigest(), draft.risk(), 0.05)
            .complete("small", "revert", "rita", NOW.minusSeconds(60), NOW.plusSeconds(3600));
    Decision tooLowDecision = ACCEPTING.decide(change, accepted(change, tooLow));
    assertThat(tooLowDecision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(tooLowDecision, "risk-acceptance"))
        .contains("risk acceptance by rita accepts 5.0%, below the score");

    RiskAcceptance covering =
        draft.complete(
            "login is behind a flag",
            "turn the flag off",
            "rita",
            NOW.minusSeconds(60),
            NOW.plusSeconds(3600));
    Decision shipped = ACCEPTING.decide(change, accepted(change, covering));
    assertThat(shipped.outcome()).isEqualTo(Outcome.SHIP);
    assertThat(messages(shipped, "risk-acceptance"))
        .containsExactly("calibrated risk 8.0% is accepted by rita (up to 8.0%)");

    ChangeRequest calm = change(0.04);
    assertThat(ACCEPTING.decide(calm, approvedBy(calm, 1)).outcome()).isEqualTo(Outcome.SHIP);
  }

  @Test
  void noRoleMayAcceptAScoreAboveEveryLimit() {
    ChangeRequest change = change(0.6);
    Decision held = ACCEPTING.decide(change, approvedBy(change, 2));
    assertThat(actions(held, "risk-acceptance"))
        .containsExactly(
            "no role may accept a 60.0% risk: lower the change's risk (split it, or shrink it)");
  }

  private static ReleaseContext accepted(ChangeRequest change, RiskAcceptance acceptance) {
    return accepted(change, acceptance, RITA);
  }

  @Test
  void theAcceptanceFormIsPrefilledWithTheScore() {
    ChangeRequest change = change(0.08);

    AcceptanceDraft draft = AcceptanceDraft.of(change, ACCEPTING).orElseThrow();

    assertThat(draft.probability()).isEqualTo(0.08);
    assertThat(draft.change()).isEqualTo(change.ref());
    assertThat(draft.contentDigest()).isEqualTo(change.contentDigest());
    assertThat(draft.policyDigest()).isEqualTo(ACCEPTING.digest());
    assertThat(draft.risk())
        .isEqualTo(
            "the change is reverted within 90 days, as model signalbox-default 2026.11.1 scores it")
        .isEqualTo(AcceptanceDraft.subject(change.risk().orElseThrow()));
    DocumentCodec json = DocumentCodec.json();
    assertThat(json.read(json.write(draft), AcceptanceDraft.class)).isEqualTo(draft);
    assertThat(AcceptanceDraft.of(change(Optional.empty()), ACCEPTING)).isEmpty();
  }

  private static ReleaseContext accepted(
      ChangeRequest change, RiskAcceptance acceptance, Human signer) {
    return ReleaseContext.at(NOW)
        .withEvidence(
            Evidence.of(
                List.of(approval(change, 0)),
                List.of(TrustedValues.acceptance(acceptance, signer, "key-" + signer.id())),
                List.of(),
                List.of(),
                List.of()));
  }

  private static RiskAcceptance fromDraft(ChangeRequest change, double probability) {
    AcceptanceDraft draft = AcceptanceDraft.of(change, ACCEPTING).orElseThrow();
    return new AcceptanceDraft(
            draft.change(), draft.contentDigest(), draft.policyDigest(), draft.risk(), probability)
        .complete(
            "behind a flag",
            "turn the flag off",
            "rita",
            NOW.minusSeconds(60),
            NOW.plusSeconds(3600));
  }

  /** The hold names its rule, {@code risk-acceptance}, in its reason and its required action. */
  @Test
  void theHoldIsTheRiskAcceptanceRulesAndSaysWhatToDo() {
    ChangeRequest change = change(0.08);

    Decision held = ACCEPTING.decide(change, approvedBy(change, 1));

    assertThat(held.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(held.required())
        .containsExactly(
            new RequiredAction(
                "risk-acceptance",
                "needs a risk acceptance that \"the change is reverted within 90 days, as model"
                    + " signalbox-default 2026.11.1 scores it\" at a probability of at least 0.08,"
                    + " signed by a human with role incident-commander or release-manager"
                    + " (AcceptanceDraft.of pre-fills it)"));
    Reason reason = held.reasons().get(0);
    assertThat(reason.rule()).isEqualTo("risk-acceptance");
    assertThat(reason.evidence())
        .containsEntry("probability", "0.08")
        .containsEntry("threshold", "0.05");
    assertThat(held.earliestRetry()).isEmpty();
  }

  /**
   * A score exactly at {@code acceptanceAbove} is held; an acceptance of exactly the score ships
   * it.
   */
  @Test
  void aScoreExactlyAtTheThresholdNeedsAnAcceptanceAndOneOfExactlyTheScoreCoversIt() {
    ChangeRequest atThreshold = change(0.05);
    assertThat(ACCEPTING.decide(atThreshold, approvedBy(atThreshold, 1)).outcome())
        .isEqualTo(Outcome.NOT_YET);
    Decision exact =
        ACCEPTING.decide(atThreshold, accepted(atThreshold, fromDraft(atThreshold, 0.05)));
    assertThat(exact.outcome()).isEqualTo(Outcome.SHIP);
    assertThat(messages(exact, "risk-acceptance"))
        .containsExactly("calibrated risk 5.0% is accepted by rita (up to 5.0%)");

    ChangeRequest below = change(Math.nextDown(0.05));
    assertThat(ACCEPTING.decide(below, approvedBy(below, 1)).outcome()).isEqualTo(Outcome.SHIP);
  }

  /** A role's limit is inclusive: a release manager (up to 10%) may accept exactly 10%. */
  @Test
  void aRoleMayAcceptExactlyItsLimit() {
    ChangeRequest change = change(0.1);
    assertThat(ACCEPTING.decide(change, accepted(change, fromDraft(change, 0.1))).outcome())
        .isEqualTo(Outcome.SHIP);
    ChangeRequest above = change(Math.nextUp(0.1));
    Decision held = ACCEPTING.decide(above, accepted(above, fromDraft(above, Math.nextUp(0.1))));
    assertThat(held.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(actions(held, "risk-acceptance"))
        .singleElement()
        .asString()
        .contains("with role incident-commander (");
  }

  /**
   * A signer whose only role has no limits configured may accept nothing: the acceptance counts for
   * nothing, and acceptance-limits says why.
   */
  @Test
  void aSignatoryWhoseRoleHasNoLimitsCannotAcceptTheRisk() {
    ChangeRequest change = change(0.08);
    Human engineer = Human.of("erin", "Erin", "engineer");

    Decision held = ACCEPTING.decide(change, accepted(change, fromDraft(change, 0.08), engineer));

    assertThat(held.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(held, "risk-acceptance"))
        .containsExactly(
            "calibrated risk 8.0% (model signalbox-default 2026.11.1) is at least 5.0%: it ships"
                + " only with a signed risk acceptance of at least that probability");
    assertThat(messages(held, "acceptance-limits"))
        .containsExactly(
            "risk acceptance by erin does not count: none of the roles [engineer] may accept"
                + " probability 0.08 at blast radius LOW");
  }

  /**
   * An acceptance of another risk — here a FIX_NOW finding's, at a probability above the score —
   * does not cover the calibrated risk; one made from the draft does.
   */
  @Test
  void anAcceptanceOfAnotherRiskDoesNotCoverTheScore() {
    ChangeRequest change = change(0.08);
    AcceptanceDraft draft = AcceptanceDraft.of(change, ACCEPTING).orElseThrow();
    RiskAcceptance other =
        new RiskAcceptance(
            draft.change(),
            draft.contentDigest(),
            draft.policyDigest(),
            "the login page leaks the session id to analytics",
            0.09,
            "analytics is first-party",
            "rotate the sessions",
            "rita",
            NOW.minusSeconds(60),
            NOW.plusSeconds(3600),
            java.util.Set.of("session-leak"));

    Decision held = ACCEPTING.decide(change, accepted(change, other));

    assertThat(held.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(held, "risk-acceptance"))
        .contains(
            "risk acceptance by rita accepts another risk, \"the login page leaks the session id to"
                + " analytics\"");
    assertThat(ACCEPTING.decide(change, accepted(change, fromDraft(change, 0.09))).outcome())
        .isEqualTo(Outcome.SHIP);
  }

  /**
   * An acceptance of the same change's score by another model (or version) does not cover it: the
   * probabilities of two models are not on one scale.
   */
  @Test
  void anAcceptanceOfAnotherModelsScoreDoesNotCoverIt() {
    ChangeRequest change = change(0.08);
    AcceptanceDraft draft = AcceptanceDraft.of(change, ACCEPTING).orElseThrow();
    RiskAcceptance olderModel =
        new AcceptanceDraft(
                draft.change(),
                draft.contentDigest(),
                draft.policyDigest(),
                "the change is reverted within 90 days, as model signalbox-default 2026.10.1 scores it",
                0.08)
            .complete("small", "revert", "rita", NOW.minusSeconds(60), NOW.plusSeconds(3600));

    assertThat(ACCEPTING.decide(change, accepted(change, olderModel)).outcome())
        .isEqualTo(Outcome.NOT_YET);
  }

  private static ReleaseCalendar frozen(FreezeLevel level) {
    return ReleaseCalendar.builder()
        .freeze(
            new FreezeWindow(
                "incident-7",
                Scope.everything(),
                new Schedule.OneOff(
                    NOW.minus(Duration.ofHours(1)),
                    NOW.plus(Duration.ofHours(5)),
                    ZoneId.of("UTC")),
                level,
                "rita",
                "checkout incident",
                Optional.empty()))
        .build();
  }

  @Test
  void aLowRiskChangeIsSelectivelyUnfrozenAndTheDecisionAndLedgerSaySo() {
    ChangeRequest low = change(0.01);
    Decision shipped =
        UNFREEZING.decide(low, approvedBy(low, 1).withCalendar(frozen(FreezeLevel.NON_CRITICAL)));

    assertThat(shipped.outcome()).isEqualTo(Outcome.SHIP);
    Reason exemption =
        shipped.reasons().stream().filter(r -> r.rule().equals("freeze")).findFirst().orElseThrow();
    assertThat(exemption.message())
        .isEqualTo("selectively unfrozen from incident-7: calibrated risk 0.01 is below 0.02");
    assertThat(exemption.evidence())
        .containsEntry("exemption", "selective-unfreeze")
        .containsEntry("window", "incident-7")
        .containsEntry("probability", "0.01")
        .containsEntry("below", "0.02");

    try (Ledger ledger =
        Ledger.builder(Ledger.fileStore(dir))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .checkpoints(Ed25519Signer.generate(), "signalbox.dev/test")
            .open()) {
      ledger.append(new LedgerEvent.DecisionMade(shipped, "d".repeat(64)));
      List<LedgerEntry> entries = ledger.read(LedgerQuery.all()).toList();
      assertThat(entries)
          .singleElement()
          .satisfies(
              entry ->
                  assertThat(((LedgerEvent.DecisionMade) entry.event()).decision().reasons())
                      .contains(exemption));
    }
  }

  @Test
  void theSelectiveUnfreezeHoldsRiskierUnscoredAndAllFreezeChanges() {
    ReleaseCalendar nonCritical = frozen(FreezeLevel.NON_CRITICAL);
    ChangeRequest risky = change(0.05);
    ChangeRequest unscored = change(Optional.empty());
    ChangeRequest low = change(0.01);

    assertThat(UNFREEZING.decide(risky, approvedBy(risky, 1).withCalendar(nonCritical)).outcome())
        .isEqualTo(Outcome.NOT_YET);
    assertThat(
            UNFREEZING
                .decide(unscored, approvedBy(unscored, 1).withCalendar(nonCritical))
                .outcome())
        .isEqualTo(Outcome.NOT_YET);
    assertThat(
            UNFREEZING
                .decide(low, approvedBy(low, 1).withCalendar(frozen(FreezeLevel.ALL)))
                .outcome())
        .isEqualTo(Outcome.NOT_YET);
    assertThat(
            ReleasePolicy.defaults()
                .decide(low, approvedBy(low, 1).withCalendar(nonCritical))
                .outcome())
        .as("the default policy does not opt in")
        .isEqualTo(Outcome.NOT_YET);
  }
}
