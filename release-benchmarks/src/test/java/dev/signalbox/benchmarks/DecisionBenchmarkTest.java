package dev.signalbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.testkit.evidence.TrustedEvidence;
import dev.signalbox.testkit.generators.PolicyScenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decision benchmark measures what it says: {@code handWritten} decides as {@code signalbox}
 * does — outcome, reasons (rule ids, messages and evidence), required actions, earliest retry — on
 * generated scenarios and on the benchmark's own pool, and the pool is varied.
 */
class DecisionBenchmarkTest {
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();

  @Test
  void handWrittenDecidesAsTheEngineOnGeneratedScenarios() {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    qt().withExamples(600)
        .forAll(PolicyScenarios.scenarios(POLICY))
        .checkAssert(
            scenario -> {
              Decision engine = POLICY.decide(scenario.change(), scenario.context());
              assertThat(HandWrittenPolicy.decide(scenario.change(), scenario.context()))
                  .isEqualTo(engine);
              outcomes.merge(engine.outcome(), 1, Integer::sum);
            });
    // the comparison is worth something only if every outcome came up
    assertThat(outcomes).containsOnlyKeys(Outcome.values());
  }

  @Test
  void handWrittenDecidesAsTheEngineOnThePool() {
    for (DecisionPool.Scenario scenario : DecisionPool.scenarios()) {
      assertThat(HandWrittenPolicy.decide(scenario.change(), scenario.context()))
          .as("%s", scenario.change().ref())
          .isEqualTo(POLICY.decide(scenario.change(), scenario.context()));
    }
  }

  @Test
  void thePoolIsRealisticAndVaried() {
    List<DecisionPool.Scenario> pool = DecisionPool.scenarios();
    assertThat(pool).hasSize(DecisionPool.SIZE);
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    List<String> rules = new ArrayList<>();
    boolean shipWithNotes = false;
    int fourVerdicts = 0;
    for (DecisionPool.Scenario scenario : pool) {
      assertThat(scenario.change().changes().files()).hasSize(20);
      assertThat(scenario.context().calendar().definition().freezes()).hasSize(3);
      assertThat(scenario.context().evidence().verdicts().size()).isBetween(4, 7);
      if (scenario.context().evidence().verdicts().size() == 4) {
        fourVerdicts++;
      }
      Decision decision = POLICY.decide(scenario.change(), scenario.context());
      outcomes.merge(decision.outcome(), 1, Integer::sum);
      decision.reasons().forEach(reason -> rules.add(reason.rule()));
      shipWithNotes |= decision.ships() && !decision.reasons().isEmpty();
    }
    assertThat(fourVerdicts)
        .as("scenarios with 4 verdicts")
        .isGreaterThan(DecisionPool.SIZE * 3 / 4);
    assertThat(outcomes.get(Outcome.SHIP)).isGreaterThanOrEqualTo(DecisionPool.SIZE / 5);
    assertThat(outcomes.get(Outcome.NOT_YET)).isGreaterThanOrEqualTo(DecisionPool.SIZE / 5);
    assertThat(outcomes.get(Outcome.SEND_BACK)).isGreaterThanOrEqualTo(DecisionPool.SIZE / 8);
    assertThat(shipWithNotes).as("a SHIP with notes").isTrue();
    // every built-in rule but merge-window (the calendar has freezes only) speaks somewhere
    assertThat(rules)
        .contains(
            "rollback-plan",
            "scope-drift",
            "dependencies",
            "review-quorum",
            "fix-now",
            "emergency",
            "freeze",
            "error-budget",
            "blast-radius-cap",
            "acceptance-limits",
            "evidence-freshness",
            "separation-of-duties",
            "approval-age");
  }

  @Test
  void bothMethodsCycleThroughThePoolAndAgree() {
    DecisionBenchmark benchmark = new DecisionBenchmark();
    benchmark.setUp();
    List<Decision> engine = new ArrayList<>();
    for (int i = 0; i < DecisionPool.SIZE * 2; i++) {
      engine.add(benchmark.signalbox());
    }
    benchmark.setUp();
    List<Decision> hand = new ArrayList<>();
    for (int i = 0; i < DecisionPool.SIZE * 2; i++) {
      hand.add(benchmark.handWritten());
    }
    assertThat(hand).isEqualTo(engine);
    assertThat(engine.subList(DecisionPool.SIZE, DecisionPool.SIZE * 2))
        .isEqualTo(engine.subList(0, DecisionPool.SIZE));
    assertThat(engine.stream().map(Decision::change).distinct()).hasSize(DecisionPool.SIZE);
  }

  // Where the hand-written twin first decided otherwise than the engine: three engine bugs it
  // found,
  // fixed since; each test now holds the two to the same decision.

  /**
   * A rename of source code into {@code docs/} is not a documentation-only change: it removes the
   * file from the build. The engine once looked only at the new path and shipped such a change on
   * DOCS approvals.
   */
  @Test
  void aRenameOutOfTheSourcesIsNoDocumentationChange() {
    DecisionPool.Scenario base = DecisionPool.scenarios().get(0);
    ChangeRequest change =
        base.change().toBuilder()
            .changes(
                new ChangeSet(
                    List.of(
                        FileChange.renamed(
                            "services/payments/src/main/java/com/acme/payments/Refunds.java",
                            "docs/attic/Refunds.java",
                            0,
                            0))))
            .declaredScope(Scope.everything())
            .build();
    Verdict docs0 = approval(change, RiskSurface.DOCS, "rev-docs-0", "gpt", base.context());
    Verdict docs1 = approval(change, RiskSurface.DOCS, "rev-docs-1", "gemini", base.context());
    ReleaseContext context =
        base.context()
            .withEvidence(
                Evidence.of(
                    List.of(TrustedEvidence.fromBoard(docs0), TrustedEvidence.fromBoard(docs1)),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()))
            .withSatisfied(change.dependsOn());

    assertThat(POLICY.requiredSurfaces(change)).doesNotContainKey(RiskSurface.DOCS);
    Decision hand = HandWrittenPolicy.decide(change, context);
    assertThat(POLICY.decide(change, context)).isEqualTo(hand);
    assertThat(hand.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(hand.reasons())
        .extracting(r -> r.message())
        .contains(
            "CODE_QUALITY has 0 counted approvals of 2 from 2 model families",
            "SECURITY has 0 counted approvals of 2 from 2 model families");
  }

  /**
   * "Any counted REJECT sends back unless a valid human override names it" (issue 4), on a surface
   * the policy asked for or not; the engine once dropped a REJECT on another surface.
   */
  @Test
  void aRejectOnASurfaceNotAskedForSendsBack() {
    DecisionPool.Scenario base = DecisionPool.scenarios().get(0);
    Decision before = POLICY.decide(base.change(), base.context());
    assertThat(before.outcome()).isEqualTo(Outcome.SHIP);
    Verdict reject =
        new Verdict(
            base.change().ref(),
            new Agent("rev-performance-0", "llama-large", "llama", "op-review"),
            RiskSurface.PERFORMANCE,
            VerdictOutcome.REJECT,
            Optional.empty(),
            List.of(),
            base.change().contentDigest(),
            base.context().now().minusSeconds(600));
    ReleaseContext context =
        base.context()
            .withEvidence(
                base.context()
                    .evidence()
                    .and(
                        Evidence.of(
                            List.of(TrustedEvidence.fromBoard(reject)),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of())));

    Decision hand = HandWrittenPolicy.decide(base.change(), context);
    assertThat(POLICY.decide(base.change(), context)).isEqualTo(hand);
    assertThat(hand.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(hand.reasons())
        .extracting(r -> r.message())
        .containsExactly("REJECT on PERFORMANCE by rev-performance-0");
  }

  /**
   * The evidence-freshness notes come in the evidence's own order, acceptances then overrides,
   * whichever rule needed which first (the engine once ordered them by that).
   */
  @Test
  void setAsideNotesComeInTheEvidencesOrder() {
    DecisionPool.Scenario base = DecisionPool.scenarios().get(19); // a REJECT, an invalid override
    ChangeRequest change = base.change();
    Instant now = base.context().now();
    VerifiedAcceptance expired =
        TrustedEvidence.accepted(
            new RiskAcceptance(
                change.ref(),
                change.contentDigest(),
                POLICY.digest(),
                "the refund path may double-charge",
                0.05,
                "the fix is urgent",
                "roll back",
                "rita",
                now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofDays(1))),
            Human.of("rita", "Rita Okafor", "release-manager"));
    ReleaseContext context =
        base.context()
            .withEvidence(
                base.context()
                    .evidence()
                    .and(
                        Evidence.of(List.of(), List.of(expired), List.of(), List.of(), List.of())));

    Decision hand = HandWrittenPolicy.decide(change, context);
    assertThat(hand.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(POLICY.decide(change, context)).isEqualTo(hand);
    assertThat(hand.reasons())
        .extracting(r -> r.message())
        .endsWith(
            "risk acceptance signed by rita is not in force now (expired, or signed later)",
            "override signed by sam does not count: sam has none of the roles that may override,"
                + " [release-manager]");
  }

  private static Verdict approval(
      ChangeRequest change,
      RiskSurface surface,
      String reviewer,
      String family,
      ReleaseContext context) {
    return new Verdict(
        change.ref(),
        new Agent(reviewer, family + "-large", family, "op-review"),
        surface,
        VerdictOutcome.APPROVE,
        Optional.empty(),
        List.of(),
        change.contentDigest(),
        context.now().minusSeconds(600));
  }
}
