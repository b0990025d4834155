package dev.signalbox.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Advice;
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
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.trust.TrustedValues;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each built-in rule of the default policy, with the messages it gives. */
class ReleasePolicyRulesTest {
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Agent PRODUCER =
      new Agent("builder-1", "claude-sonnet", "claude", "op-alice");
  private static final Agent REVIEWER = new Agent("critic-1", "gpt-5", "gpt", "op-review");
  private static final Human RITA = Human.of("rita", "Rita", "release-manager");
  private static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));

  private static ChangeRequest.Builder change() {
    return change(
        ChangeSet.of(FileChange.modified("src/web/Login.java", 3, 1)),
        BlastRadius.of(BlastLevel.LOW, "web"));
  }

  private static ChangeRequest.Builder change(BlastRadius radius) {
    return change(ChangeSet.of(FileChange.modified("src/web/Login.java", 3, 1)), radius);
  }

  private static ChangeRequest.Builder change(ChangeSet changes) {
    return change(changes, BlastRadius.of(BlastLevel.LOW, "web"));
  }

  private static ChangeRequest.Builder change(ChangeSet changes, BlastRadius radius) {
    return ChangeRequest.builder(ChangeId.of("42"))
        .repository("acme/shop")
        .title("Fix the login redirect")
        .producer(PRODUCER)
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
        .contentDigest(DIGEST)
        .changes(changes)
        .blastRadius(radius)
        .declaredScope(Scope.ofPaths("src/**"))
        .rollback(RollbackPlan.revert())
        .proposedAt(NOW.minus(Duration.ofHours(1)));
  }

  private static TrustedVerdict verdict(
      ChangeRequest change,
      Agent reviewer,
      RiskSurface surface,
      VerdictOutcome outcome,
      Finding... findings) {
    return TrustedValues.fromBoard(
        new Verdict(
            change.ref(),
            reviewer,
            surface,
            outcome,
            Optional.empty(),
            List.of(findings),
            change.contentDigest(),
            NOW.minus(Duration.ofMinutes(10))));
  }

  /** Approvals that meet every required surface's quorum, from distinct families. */
  private static List<TrustedVerdict> approvals(ChangeRequest change) {
    List<TrustedVerdict> verdicts = new ArrayList<>();
    List<String> families = List.of("gpt", "gemini", "llama");
    POLICY
        .requiredSurfaces(change)
        .forEach(
            (surface, requirement) -> {
              for (int i = 0; i < requirement.quorum(); i++) {
                String family = families.get(i % families.size());
                verdicts.add(
                    verdict(
                        change,
                        new Agent("r-" + surface + "-" + i, family + "-m", family, "op-review"),
                        surface,
                        VerdictOutcome.APPROVE));
              }
            });
    return verdicts;
  }

  private static Evidence evidence(List<TrustedVerdict> verdicts) {
    return Evidence.of(verdicts, List.of(), List.of(), List.of(), List.of());
  }

  private static ReleaseContext context(ChangeRequest change) {
    return ReleaseContext.at(NOW).withEvidence(evidence(approvals(change)));
  }

  private static Decision decide(ChangeRequest change, ReleaseContext context) {
    return POLICY.decide(change, context);
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

  private static Finding fixNow() {
    return new Finding(
        Optional.of(RepoPath.of("src/web/Login.java")),
        Optional.empty(),
        Severity.HIGH,
        Advice.FIX_NOW,
        "open-redirect",
        "redirect target not checked",
        Optional.empty(),
        0.9);
  }

  @Test
  void aChangeWithCompleteEvidenceShips() {
    ChangeRequest change = change().build();
    Decision decision = decide(change, context(change));
    assertThat(decision.outcome()).isEqualTo(Outcome.SHIP);
    assertThat(decision.policyDigest()).isEqualTo(POLICY.digest());
    assertThat(decision.revision()).isEqualTo(change.head());
  }

  @Test
  void withoutApprovalsItWaitsForThem() {
    ChangeRequest change = change().build();
    Decision decision = decide(change, ReleaseContext.at(NOW));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "review-quorum"))
        .containsExactly("CODE_QUALITY has 0 counted approvals of 1");
    assertThat(actions(decision, "review-quorum"))
        .containsExactly(
            "needs an APPROVE on CODE_QUALITY from a reviewer other than the producer");
    assertThat(decision.earliestRetry()).isEmpty();
  }

  @Test
  void shortOfModelFamiliesItNamesTheFamiliesSoFar() {
    ReleasePolicy threeFamilies =
        ReleasePolicy.loader()
            .load(
                DefaultPolicy.TEXT
                    .replace(
                        "quorum: {LOW: 1, MEDIUM: 1, HIGH: 2,",
                        "quorum: {LOW: 1, MEDIUM: 1, HIGH: 3,")
                    .replace(
                        "distinctFamilies: {LOW: 1, MEDIUM: 1, HIGH: 2,",
                        "distinctFamilies: {LOW: 1, MEDIUM: 1, HIGH: 3,"));
    ChangeRequest change = change(BlastRadius.of(BlastLevel.HIGH, "web")).build();
    List<TrustedVerdict> verdicts = new ArrayList<>();
    for (String family : List.of("llama", "gpt", "llama")) {
      verdicts.add(
          verdict(
              change,
              new Agent("r-" + verdicts.size(), family + "-m", family, "op-review"),
              RiskSurface.CODE_QUALITY,
              VerdictOutcome.APPROVE));
    }
    Decision decision =
        threeFamilies.decide(change, ReleaseContext.at(NOW).withEvidence(evidence(verdicts)));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "review-quorum"))
        .containsExactly("CODE_QUALITY has 3 counted approvals of 3 from 3 model families");
    assertThat(actions(decision, "review-quorum"))
        .containsExactly(
            "needs an APPROVE on CODE_QUALITY from a reviewer other than the producer, for"
                + " approvals from 3 distinct model families (so far [gpt, llama])");
  }

  @Test
  void aRejectSendsBackUnlessAnOverrideNamesIt() {
    ChangeRequest change = change().build();
    List<TrustedVerdict> verdicts = new ArrayList<>(approvals(change));
    verdicts.add(
        verdict(
            change,
            new Agent("critic-2", "gemini-2", "gemini", "op-review"),
            RiskSurface.CODE_QUALITY,
            VerdictOutcome.REJECT,
            fixNow()));
    Decision decision = decide(change, ReleaseContext.at(NOW).withEvidence(evidence(verdicts)));
    assertThat(decision.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(messages(decision, "review-quorum"))
        .containsExactly("REJECT on CODE_QUALITY by critic-2: redirect target not checked");
    assertThat(actions(decision, "review-quorum"))
        .containsExactly(
            "address the REJECT on CODE_QUALITY by critic-2 in a new revision, or have a human with role release-manager sign an override naming it");

    VerifiedOverride override =
        TrustedValues.override(
            new VerdictOverride(
                change.ref(),
                DIGEST,
                POLICY.digest(),
                OverrideSubject.verdict("critic-2", RiskSurface.CODE_QUALITY),
                "a false positive: the target is a constant",
                "rita",
                NOW.minus(Duration.ofMinutes(5)),
                NOW.plus(Duration.ofDays(1))),
            RITA,
            "key-rita");
    Evidence overridden = Evidence.of(verdicts, List.of(), List.of(override), List.of(), List.of());
    assertThat(decide(change, ReleaseContext.at(NOW).withEvidence(overridden)).outcome())
        .isEqualTo(Outcome.SHIP);
  }

  @Test
  void aRejectOnASurfaceNotAskedForSendsBackToo() {
    ChangeRequest change = change().build();
    List<TrustedVerdict> verdicts = new ArrayList<>(approvals(change));
    verdicts.add(
        verdict(
            change,
            new Agent("perf-1", "gemini-2", "gemini", "op-review"),
            RiskSurface.PERFORMANCE,
            VerdictOutcome.REJECT));
    Decision decision = decide(change, ReleaseContext.at(NOW).withEvidence(evidence(verdicts)));
    assertThat(decision.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(messages(decision, "review-quorum"))
        .containsExactly("REJECT on PERFORMANCE by perf-1");
  }

  @Test
  void aFileRenamedIntoTheDocsIsNoDocsOnlyChange() {
    ChangeRequest renamed =
        change(
                ChangeSet.of(
                    new FileChange(
                        RepoPath.of("docs/Login.md"),
                        Optional.of(RepoPath.of("src/web/Login.java")),
                        dev.signalbox.core.model.ChangeKind.RENAMED,
                        0,
                        0,
                        false)))
            .build();
    assertThat(POLICY.requiredSurfaces(renamed)).containsOnlyKeys(RiskSurface.CODE_QUALITY);
  }

  @Test
  void aFixNowFindingHoldsTheChange() {
    ChangeRequest change = change().build();
    List<TrustedVerdict> verdicts = new ArrayList<>(approvals(change));
    verdicts.add(
        verdict(
            change,
            new Agent("critic-3", "gemini-2", "gemini", "op-review"),
            RiskSurface.SECURITY,
            VerdictOutcome.APPROVE,
            fixNow()));
    Decision decision = decide(change, ReleaseContext.at(NOW).withEvidence(evidence(verdicts)));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "fix-now"))
        .containsExactly(
            "FIX_NOW finding open-redirect at src/web/Login.java by critic-3 on SECURITY: redirect target not checked");
  }

  @Test
  void theProducerAndItsOperatorsAgentsDoNotCount() {
    ChangeRequest change = change().build();
    Agent sibling = new Agent("builder-2", "claude-opus", "claude", "op-alice");
    Decision decision =
        decide(
            change,
            ReleaseContext.at(NOW)
                .withEvidence(
                    evidence(
                        List.of(
                            verdict(
                                change, PRODUCER, RiskSurface.CODE_QUALITY, VerdictOutcome.APPROVE),
                            verdict(
                                change,
                                sibling,
                                RiskSurface.CODE_QUALITY,
                                VerdictOutcome.APPROVE)))));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "separation-of-duties"))
        .containsExactly(
            "verdict by builder-1 on CODE_QUALITY does not count: builder-1 produced the change",
            "verdict by builder-2 on CODE_QUALITY does not count: its operator op-alice also operates the producer builder-1");
  }

  @Test
  void staleAndOldVerdictsCountForNothing() {
    ChangeRequest change = change().build();
    TrustedVerdict stale =
        TrustedValues.fromBoard(
            new Verdict(
                change.ref(),
                REVIEWER,
                RiskSurface.CODE_QUALITY,
                VerdictOutcome.APPROVE,
                Optional.empty(),
                List.of(),
                ContentDigest.of("e".repeat(64)),
                NOW));
    TrustedVerdict old =
        TrustedValues.fromBoard(
            new Verdict(
                change.ref(),
                REVIEWER,
                RiskSurface.CODE_QUALITY,
                VerdictOutcome.APPROVE,
                Optional.empty(),
                List.of(),
                DIGEST,
                NOW.minus(Duration.ofDays(8))));
    Decision decision =
        decide(change, ReleaseContext.at(NOW).withEvidence(evidence(List.of(stale, old))));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "evidence-freshness"))
        .containsExactly(
            "verdict by critic-1 on CODE_QUALITY is stale: it read content "
                + "e".repeat(64)
                + ", not "
                + "c".repeat(64));
    assertThat(messages(decision, "approval-age"))
        .containsExactly(
            "verdict by critic-1 on CODE_QUALITY expired: issued at 2026-11-18T10:00:00Z, older than PT168H");
  }

  @Test
  void noRollbackPlanSendsBack() {
    ChangeRequest change = change().build().toBuilder().build();
    ChangeRequest without =
        new ChangeRequest(
            change.id(),
            change.repository(),
            change.title(),
            change.summary(),
            change.producer(),
            change.owner(),
            change.base(),
            change.head(),
            change.contentDigest(),
            change.changes(),
            change.blastRadius(),
            change.declaredScope(),
            change.changeClass(),
            change.criticality(),
            change.securityFix(),
            Optional.empty(),
            change.dependsOn(),
            change.wave(),
            change.claims(),
            change.risk(),
            change.labels(),
            change.spec(),
            change.proposedAt());
    Decision decision = decide(without, context(without));
    assertThat(decision.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(messages(decision, "rollback-plan"))
        .containsExactly("the change has no rollback plan");
  }

  @Test
  void aMigrationNeedsMoreThanARevert() {
    ChangeRequest change =
        change(
                new BlastRadius(
                    BlastLevel.LOW,
                    Set.of("web"),
                    Set.of(),
                    Set.of(SensitiveKind.SCHEMA_MIGRATION)))
            .build();
    Decision decision = decide(change, context(change));
    assertThat(decision.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(messages(decision, "rollback-plan"))
        .containsExactly("the change touches [SCHEMA_MIGRATION], which a REVERT plan cannot undo");
    assertThat(actions(decision, "rollback-plan"))
        .containsExactly(
            "declare a rollback plan of kind [FORWARD_FIX, FEATURE_FLAG, MIGRATION_DOWN, MANUAL]");
    ChangeRequest planned = change.toBuilder().build();
    assertThat(planned.rollback()).isPresent();
    ChangeRequest withDown =
        rebuildRollback(change, RollbackPlan.of(RollbackKind.MIGRATION_DOWN, "run V7 down"));
    assertThat(decide(withDown, context(withDown)).outcome()).isEqualTo(Outcome.SHIP);
  }

  private static ChangeRequest rebuildRollback(ChangeRequest c, RollbackPlan plan) {
    return new ChangeRequest(
        c.id(),
        c.repository(),
        c.title(),
        c.summary(),
        c.producer(),
        c.owner(),
        c.base(),
        c.head(),
        c.contentDigest(),
        c.changes(),
        c.blastRadius(),
        c.declaredScope(),
        c.changeClass(),
        c.criticality(),
        c.securityFix(),
        Optional.of(plan),
        c.dependsOn(),
        c.wave(),
        c.claims(),
        c.risk(),
        c.labels(),
        c.spec(),
        c.proposedAt());
  }

  @Test
  void scopeDriftSendsBackNamingThePaths() {
    ChangeRequest change =
        change(
                ChangeSet.of(
                    FileChange.modified("src/web/Login.java", 3, 1),
                    FileChange.added("infra/main.tf", 4)))
            .build();
    Decision decision = decide(change, context(change));
    assertThat(decision.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(messages(decision, "scope-drift"))
        .containsExactly("1 changed path lies outside the declared scope: infra/main.tf");
  }

  @Test
  void anUnshippedDependencyHoldsTheChange() {
    ChangeRef dependency = ChangeRef.of("acme/platform", "7");
    ChangeRequest change = change().dependsOn(List.of(dependency)).build();
    Decision decision = decide(change, context(change));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "dependencies"))
        .containsExactly("depends on acme/platform#7, not shipped yet");
    assertThat(decide(change, context(change).withSatisfied(Set.of(dependency))).outcome())
        .isEqualTo(Outcome.SHIP);
  }

  @Test
  void aFreezeHoldsUntilTheCalendarOpensAndAnAcceptedEmergencyPasses() {
    ReleaseCalendar calendar =
        ReleaseCalendar.builder()
            .freeze(
                new FreezeWindow(
                    "year-end",
                    Scope.everything(),
                    new Schedule.OneOff(
                        NOW.minus(Duration.ofHours(1)),
                        NOW.plus(Duration.ofHours(5)),
                        ZoneId.of("UTC")),
                    FreezeLevel.ALL,
                    "rita",
                    "year-end freeze",
                    Optional.empty()))
            .build();
    ChangeRequest change = change().build();
    Decision held = decide(change, context(change).withCalendar(calendar));
    assertThat(held.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(held, "freeze"))
        .containsExactly("frozen by year-end (ALL) until 2026-11-26T15:00:00Z: year-end freeze");
    assertThat(held.earliestRetry()).contains(NOW.plus(Duration.ofHours(5)));

    ChangeRequest emergency = change().changeClass(ChangeClass.EMERGENCY).build();
    Decision unaccepted = decide(emergency, context(emergency).withCalendar(calendar));
    assertThat(actions(unaccepted, "emergency"))
        .containsExactly(
            "needs a risk acceptance signed by a human with role incident-commander or release-manager within that role's limits");
    VerifiedAcceptance accepted =
        TrustedValues.acceptance(
            new RiskAcceptance(
                emergency.ref(),
                DIGEST,
                POLICY.digest(),
                "checkout breaks",
                0.05,
                "checkout is down",
                "roll back",
                "rita",
                NOW.minus(Duration.ofMinutes(1)),
                NOW.plus(Duration.ofHours(4))),
            RITA,
            "key-rita");
    Evidence evidence =
        Evidence.of(approvals(emergency), List.of(accepted), List.of(), List.of(), List.of());
    Decision shipped =
        decide(emergency, ReleaseContext.at(NOW).withEvidence(evidence).withCalendar(calendar));
    assertThat(shipped.outcome()).isEqualTo(Outcome.SHIP);
    assertThat(shipped.reasons())
        .filteredOn(r -> r.rule().equals("emergency"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.evidence()).containsEntry("postReviewDue", "2026-11-28T10:00:00Z"));
  }

  @Test
  void outsideTheMergeWindowItWaitsForTheOpening() {
    ReleaseCalendar calendar =
        ReleaseCalendar.builder()
            .mergeWindow(
                new MergeWindow(
                    "mornings",
                    Scope.everything(),
                    new Schedule.Compact("Mon-Fri 08:00-09:00[UTC]"),
                    "rita",
                    "reviewers are around",
                    Optional.empty()))
            .build();
    ChangeRequest change = change().build();
    Decision decision = decide(change, context(change).withCalendar(calendar));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "merge-window"))
        .containsExactly("outside merge window mornings; opens next at 2026-11-27T08:00:00Z");
    assertThat(decision.earliestRetry()).contains(Instant.parse("2026-11-27T08:00:00Z"));
  }

  @Test
  void anExhaustedErrorBudgetHoldsAllButP0AndSecurityFixes() {
    ChangeRequest change = change().build();
    ReleaseContext spent =
        context(change)
            .withBudgets(
                List.of(new ErrorBudget("checkout-availability", Scope.everything(), -0.2, NOW)));
    Decision decision = decide(change, spent);
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "error-budget"))
        .containsExactly(
            "the error budget of checkout-availability is exhausted (-0.2 left at 2026-11-26T10:00:00Z): only P0 changes and security fixes ship");
    ChangeRequest fix = change().securityFix(true).build();
    assertThat(decide(fix, context(fix).withBudgets(spent.budgets())).outcome())
        .isEqualTo(Outcome.SHIP);
  }

  @Test
  void aBlastRadiusAboveItsClassesCapNeedsAnAcceptance() {
    ChangeRequest change =
        change(BlastRadius.of(BlastLevel.MEDIUM, "web")).changeClass(ChangeClass.STANDARD).build();
    Decision decision = decide(change, context(change));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "blast-radius-cap"))
        .containsExactly("blast radius MEDIUM is above the cap for STANDARD changes, LOW");
    assertThat(actions(decision, "blast-radius-cap"))
        .containsExactly(
            "needs a risk acceptance signed by a human with role engineering-lead or incident-commander or release-manager, or a smaller change");
  }

  @Test
  void anAcceptanceBeyondTheSignersRoleCountsForNothing() {
    ChangeRequest change = change().changeClass(ChangeClass.EMERGENCY).build();
    VerifiedAcceptance tooMuch =
        TrustedValues.acceptance(
            new RiskAcceptance(
                change.ref(),
                DIGEST,
                POLICY.digest(),
                "checkout breaks",
                0.5,
                "needed",
                "roll back",
                "rita",
                NOW.minus(Duration.ofMinutes(1)),
                NOW.plus(Duration.ofHours(4))),
            RITA,
            "key-rita");
    Decision decision =
        decide(
            change,
            ReleaseContext.at(NOW)
                .withEvidence(
                    Evidence.of(
                        approvals(change), List.of(tooMuch), List.of(), List.of(), List.of())));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "acceptance-limits"))
        .containsExactly(
            "risk acceptance by rita does not count: none of the roles [release-manager] may accept probability 0.5 at blast radius LOW");
  }

  @Test
  void aCustomRuleThatThrowsHoldsTheChange() {
    Rule broken =
        new Rule() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public RuleResult evaluate(ChangeRequest change, ReleaseContext context) {
            throw new IllegalStateException("no database");
          }
        };
    ReleasePolicy policy =
        ReleasePolicy.loader()
            .rule("broken", settings -> broken)
            .load(
                DefaultPolicy.TEXT.replace("custom: []", "custom: [{name: broken, settings: {}}]"));
    ChangeRequest change = change().build();
    Decision decision = policy.decide(change, context(change));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "broken"))
        .containsExactly("rule broken failed: IllegalStateException: no database");
  }

  @Test
  void requiredSurfacesFollowWhatTheChangeTouches() {
    ChangeRequest docs = change(ChangeSet.of(FileChange.modified("docs/guide.md", 1, 1))).build();
    assertThat(POLICY.requiredSurfaces(docs)).containsOnlyKeys(RiskSurface.DOCS);
    ChangeRequest auth =
        change(
                new BlastRadius(
                    BlastLevel.HIGH, Set.of("auth"), Set.of(), Set.of(SensitiveKind.SECURITY)))
            .build();
    assertThat(POLICY.requiredSurfaces(auth))
        .containsOnlyKeys(RiskSurface.CODE_QUALITY, RiskSurface.SECURITY);
    assertThat(POLICY.requiredSurfaces(auth).get(RiskSurface.SECURITY))
        .isEqualTo(new Requirement(2, 2));
  }
}
