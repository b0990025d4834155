package dev.signalbox.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.calendar.CalendarDefinition;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
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
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.RefusedEvidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.testkit.evidence.TrustedEvidence;
import dev.signalbox.testkit.generators.PolicyScenarios;
import dev.signalbox.testkit.generators.PolicyScenarios.Scenario;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** DESIGN.md's invariants 1 to 8 and 13 for the default policy, over generated scenarios. */
class PolicyInvariantsPropertyTest {
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  private static final int EXAMPLES = 400;
  private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final ContentDigest OTHER_DIGEST = ContentDigest.of("f".repeat(64));

  private static Decision decide(Scenario scenario) {
    return POLICY.decide(scenario.change(), scenario.context());
  }

  private static Decision decide(Scenario scenario, Evidence evidence) {
    return POLICY.decide(scenario.change(), scenario.context().withEvidence(evidence));
  }

  private static <T> List<T> reversed(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    Collections.reverse(copy);
    return copy;
  }

  private static Evidence without(Evidence evidence, TrustedVerdict removed) {
    List<TrustedVerdict> verdicts = new ArrayList<>(evidence.verdicts());
    verdicts.remove(removed);
    return Evidence.of(
        verdicts,
        evidence.acceptances(),
        evidence.overrides(),
        evidence.checks(),
        evidence.refused());
  }

  private static Evidence plus(Evidence evidence, TrustedVerdict verdict) {
    return evidence.and(Evidence.of(List.of(verdict), List.of(), List.of(), List.of(), List.of()));
  }

  private static TrustedVerdict verdict(
      ChangeRequest change,
      Agent reviewer,
      VerdictOutcome outcome,
      List<Finding> findings,
      ContentDigest digest) {
    return TrustedEvidence.fromBoard(
        new Verdict(
            change.ref(),
            reviewer,
            RiskSurface.CODE_QUALITY,
            outcome,
            Optional.empty(),
            findings,
            digest,
            PolicyScenarios.NOW.minus(Duration.ofMinutes(5))));
  }

  private static final Agent OUTSIDER = new Agent("critic-9", "gpt-5", "gpt", "op-critic");

  // 1. Deterministic

  @Test
  void equalInputsInAnyOrderGiveEqualDecisions() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              Evidence e = scenario.context().evidence();
              Evidence shuffled =
                  Evidence.of(
                      reversed(e.verdicts()),
                      reversed(e.acceptances()),
                      reversed(e.overrides()),
                      reversed(e.checks()),
                      reversed(e.refused()));
              ChangeRequest change = scenario.change();
              ChangeRequest rebuilt =
                  change.toBuilder().build(); // a new value: collections copied again
              ReleaseContext context =
                  scenario
                      .context()
                      .withEvidence(shuffled)
                      .withBudgets(reversed(scenario.context().budgets()))
                      .withSatisfied(new LinkedHashSet<>(scenario.context().satisfied()));
              assertThat(POLICY.decide(rebuilt, context)).isEqualTo(decide(scenario));
              assertThat(decide(scenario)).isEqualTo(decide(scenario));
            });
  }

  // 2. Fail closed: invalid evidence is ignored; missing evidence never ships

  @Test
  void invalidEvidenceChangesNoOutcome() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              ChangeRequest change = scenario.change();
              ChangeRef other = ChangeRef.of("acme/other", "1");
              Human rita = Human.of("rita", "Rita", "release-manager");
              List<TrustedVerdict> invalidVerdicts =
                  List.of(
                      verdict(change, OUTSIDER, VerdictOutcome.REJECT, List.of(), OTHER_DIGEST),
                      TrustedEvidence.fromBoard(
                          new Verdict(
                              other,
                              OUTSIDER,
                              RiskSurface.SECURITY,
                              VerdictOutcome.REJECT,
                              Optional.empty(),
                              List.of(),
                              change.contentDigest(),
                              PolicyScenarios.NOW)),
                      verdict(
                          change,
                          change.producer(),
                          VerdictOutcome.APPROVE,
                          List.of(),
                          change.contentDigest()));
              List<VerifiedAcceptance> invalidAcceptances =
                  List.of(
                      acceptance(change.ref(), OTHER_DIGEST, POLICY.digest(), rita),
                      acceptance(other, change.contentDigest(), POLICY.digest(), rita),
                      acceptance(
                          change.ref(),
                          change.contentDigest(),
                          PolicyDigest.of("0".repeat(64)),
                          rita),
                      acceptance(
                          change.ref(),
                          change.contentDigest(),
                          POLICY.digest(),
                          Human.of("eve", "Eve", "intern")));
              Evidence invalid =
                  Evidence.of(
                      invalidVerdicts,
                      invalidAcceptances,
                      List.of(),
                      List.of(),
                      List.of(
                          new RefusedEvidence(
                              "acceptance signed with key 00ff", List.of("bad signature"))));
              Decision before = decide(scenario);
              Decision after = decide(scenario, scenario.context().evidence().and(invalid));
              assertThat(after.outcome()).isEqualTo(before.outcome());
              if (after.outcome() == Outcome.SHIP || after.outcome() == Outcome.NOT_YET) {
                assertThat(after.reasons())
                    .extracting(Reason::message)
                    .anyMatch(m -> m.contains("stale"));
              }
            });
  }

  @Test
  void withoutVerdictsNothingShips() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              Evidence e = scenario.context().evidence();
              Evidence noVerdicts =
                  Evidence.of(List.of(), e.acceptances(), e.overrides(), e.checks(), e.refused());
              assertThat(decide(scenario, noVerdicts).outcome()).isNotEqualTo(Outcome.SHIP);
            });
  }

  // 3. Monotone in evidence against

  @Test
  void evidenceAgainstNeverTurnsANonShipIntoShip() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              Decision before = decide(scenario);
              Evidence e = scenario.context().evidence();
              ChangeRequest change = scenario.change();
              List<Decision> after = new ArrayList<>();
              after.add(
                  decide(
                      scenario,
                      plus(
                          e,
                          verdict(
                              change,
                              OUTSIDER,
                              VerdictOutcome.REJECT,
                              List.of(),
                              change.contentDigest()))));
              after.add(
                  decide(
                      scenario,
                      plus(
                          e,
                          verdict(
                              change,
                              OUTSIDER,
                              VerdictOutcome.APPROVE,
                              List.of(fixNow()),
                              change.contentDigest()))));
              for (TrustedVerdict verdict : e.verdicts()) {
                // an approval that carries a FIX_NOW finding is also evidence against: not this
                if (verdict.verdict().outcome() == VerdictOutcome.APPROVE
                    && verdict.verdict().findings().stream()
                        .noneMatch(f -> f.advice() == Advice.FIX_NOW)) {
                  after.add(decide(scenario, without(e, verdict)));
                }
              }
              after.add(
                  POLICY.decide(
                      change,
                      scenario
                          .context()
                          .withCalendar(
                              plusFreeze(
                                  scenario.context().calendar(), FreezeLevel.NON_CRITICAL))));
              for (Decision decision : after) {
                if (before.outcome() != Outcome.SHIP) {
                  assertThat(decision.outcome()).isNotEqualTo(Outcome.SHIP);
                }
              }
              if (before.outcome() != Outcome.SHIP) {
                return;
              }
              // from SHIP, a counted REJECT sends back and a FIX_NOW finding holds
              assertThat(after.get(0).outcome()).isEqualTo(Outcome.SEND_BACK);
              assertThat(after.get(1).outcome()).isNotEqualTo(Outcome.SHIP);
            });
  }

  // 4. Stale evidence counts for nothing

  @Test
  void staleVerdictsCountForNothing() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              Evidence e = scenario.context().evidence();
              List<TrustedVerdict> stale = new ArrayList<>();
              for (TrustedVerdict trusted : e.verdicts()) {
                Verdict v = trusted.verdict();
                stale.add(
                    TrustedEvidence.fromBoard(
                        new Verdict(
                            v.change(),
                            v.reviewer(),
                            v.surface(),
                            v.outcome(),
                            v.abstention(),
                            v.findings(),
                            OTHER_DIGEST,
                            v.issuedAt())));
              }
              Evidence none =
                  Evidence.of(List.of(), e.acceptances(), e.overrides(), e.checks(), e.refused());
              Evidence staleOnly =
                  Evidence.of(stale, e.acceptances(), e.overrides(), e.checks(), e.refused());
              assertThat(decide(scenario, staleOnly).outcome())
                  .isEqualTo(decide(scenario, none).outcome());
              assertThat(decide(scenario, staleOnly).required())
                  .isEqualTo(decide(scenario, none).required());
            });
  }

  // 5. Separation of duties

  @Test
  void theProducersOwnVerdictsNeverCount() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              ChangeRequest change = scenario.change();
              Evidence e = scenario.context().evidence();
              Evidence selfReviewed = e;
              for (RiskSurface surface : POLICY.requiredSurfaces(change).keySet()) {
                for (Agent self :
                    List.of(
                        change.producer(),
                        new Agent("sidekick", "m", "gpt", change.producer().operatorId()))) {
                  selfReviewed =
                      plus(
                          selfReviewed,
                          TrustedEvidence.fromBoard(
                              new Verdict(
                                  change.ref(),
                                  self,
                                  surface,
                                  VerdictOutcome.APPROVE,
                                  Optional.empty(),
                                  List.of(),
                                  change.contentDigest(),
                                  PolicyScenarios.NOW)));
                }
              }
              assertThat(decide(scenario, selfReviewed).outcome())
                  .isEqualTo(decide(scenario).outcome());
            });
  }

  // 6. Freezes hold

  @Test
  void freezesHoldWhatTheDefinitionsSay() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              ChangeRequest change = scenario.change();
              boolean emergencyAccepted =
                  change.changeClass() == ChangeClass.EMERGENCY
                      && !scenario.context().evidence().acceptances().isEmpty();
              Decision underAll =
                  POLICY.decide(change, scenario.context().withCalendar(frozen(FreezeLevel.ALL)));
              Decision underNonCritical =
                  POLICY.decide(
                      change, scenario.context().withCalendar(frozen(FreezeLevel.NON_CRITICAL)));
              if (!emergencyAccepted) {
                assertThat(underAll.outcome()).isNotEqualTo(Outcome.SHIP);
                boolean exempt = change.criticality() == Criticality.P0 || change.securityFix();
                if (!exempt) {
                  assertThat(underNonCritical.outcome()).isNotEqualTo(Outcome.SHIP);
                }
              }
              if (change.changeClass() == ChangeClass.EMERGENCY
                  && underAll.outcome() == Outcome.SHIP) {
                assertThat(underAll.reasons())
                    .extracting(Reason::rule)
                    .contains("emergency", "freeze");
              }
            });
  }

  // 7. No rollback plan, no SHIP

  @Test
  void noRollbackPlanNoShip() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              ChangeRequest change = scenario.change();
              if (change.rollback().isEmpty()) {
                assertThat(decide(scenario).outcome()).isEqualTo(Outcome.SEND_BACK);
              }
              if (change.blastRadius().has(SensitiveKind.SCHEMA_MIGRATION)
                  && change
                      .rollback()
                      .map(RollbackPlan::kind)
                      .equals(Optional.of(RollbackKind.REVERT))) {
                assertThat(decide(scenario).outcome()).isEqualTo(Outcome.SEND_BACK);
              }
            });
  }

  // 8. Every non-SHIP decision explains itself

  @Test
  void everyNonShipExplainsItself() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              Decision decision = decide(scenario);
              assertThat(decision.policyDigest()).isEqualTo(POLICY.digest());
              if (decision.outcome() != Outcome.SHIP) {
                assertThat(decision.reasons()).isNotEmpty();
                assertThat(decision.required()).isNotEmpty();
                assertThat(decision.reasons())
                    .allSatisfy(r -> assertThat(r.rule()).matches(RULE_ID));
              }
            });
  }

  // 13. Live, not just safe

  @Test
  void completeFreshTrustedEvidenceWithNothingHoldingShips() {
    Examples.per(EXAMPLES)
        .forAll(PolicyScenarios.complete(POLICY))
        .checkAssert(
            scenario -> {
              Decision decision = decide(scenario);
              if (scenario.change().rollback().isPresent()
                  && scenario.change().declaredScope().equals(Scope.ofPaths("src/**"))
                  && rollbackAdequate(scenario.change())
                  && withinCap(scenario.change())) {
                assertThat(decision.outcome()).as(decision.toString()).isEqualTo(Outcome.SHIP);
              }
            });
  }

  @Test
  void everyOutcomeIsCommonInTheGeneratedScenarios() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    Examples.per(1000)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(scenario -> counts.merge(decide(scenario).outcome(), 1, Integer::sum));
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    for (Outcome outcome : Outcome.values()) {
      assertThat(counts.getOrDefault(outcome, 0) * 5)
          .as(outcome + " in " + counts)
          .isGreaterThanOrEqualTo(total);
    }
  }

  private static boolean rollbackAdequate(ChangeRequest change) {
    return !change.blastRadius().has(SensitiveKind.SCHEMA_MIGRATION)
        || change
            .rollback()
            .map(RollbackPlan::kind)
            .filter(k -> k != RollbackKind.REVERT)
            .isPresent();
  }

  private static boolean withinCap(ChangeRequest change) {
    return switch (change.changeClass()) {
      case STANDARD -> change.blastRadius().level().ordinal() == 0;
      case NORMAL -> change.blastRadius().level().ordinal() <= 2;
      case EMERGENCY -> true;
    };
  }

  /** {@code calendar} with one more freeze, in force at every scenario's instant. */
  private static ReleaseCalendar plusFreeze(ReleaseCalendar calendar, FreezeLevel level) {
    CalendarDefinition definition = calendar.definition();
    List<FreezeWindow> freezes = new ArrayList<>(definition.freezes());
    freezes.addAll(frozen(level).definition().freezes());
    return ReleaseCalendar.of(
        new CalendarDefinition(freezes, definition.mergeWindows(), definition.holidays()));
  }

  private static ReleaseCalendar frozen(FreezeLevel level) {
    return ReleaseCalendar.builder()
        .freeze(
            new FreezeWindow(
                "big-freeze",
                Scope.everything(),
                new Schedule.UntilLifted(
                    PolicyScenarios.NOW.minus(Duration.ofDays(1)), ZoneId.of("UTC")),
                level,
                "rita",
                "end of year",
                Optional.empty()))
        .build();
  }

  private static Finding fixNow() {
    return new Finding(
        Optional.empty(),
        Optional.empty(),
        Severity.CRITICAL,
        Advice.FIX_NOW,
        "leaked-secret",
        "a credential is committed",
        Optional.empty(),
        0.99);
  }

  private static VerifiedAcceptance acceptance(
      ChangeRef change, ContentDigest digest, PolicyDigest policy, Human signer) {
    return TrustedEvidence.accepted(
        new RiskAcceptance(
            change,
            digest,
            policy,
            "it breaks checkout",
            0.05,
            "needed now",
            "roll back",
            signer.id(),
            PolicyScenarios.NOW.minus(Duration.ofHours(1)),
            PolicyScenarios.NOW.plus(Duration.ofDays(1))),
        signer);
  }
}
