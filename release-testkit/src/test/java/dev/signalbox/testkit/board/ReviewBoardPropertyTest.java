package dev.signalbox.testkit.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.signalbox.core.board.RetryPolicy;
import dev.signalbox.core.board.ReviewBoard;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.Requirement;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.signing.KeyRegistry;
import dev.signalbox.core.signing.RegisteredKey;
import dev.signalbox.core.signing.SignedEvidenceVerifier;
import dev.signalbox.core.signing.StatementType;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.testkit.board.Scripted.Act;
import dev.signalbox.testkit.board.Scripted.Step;
import dev.signalbox.testkit.generators.PolicyScenarios;
import dev.signalbox.testkit.generators.PolicyScenarios.Scenario;
import dev.signalbox.testkit.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Whatever its reviewers do — answer late or never, crash, fail now and then, answer garbage,
 * answer for another content digest, on another's behalf, or review their own change — a board
 * returns by its deadline with exactly the verdict an independent model of its rules expects for
 * each reviewer convened, and the policy never ships on what it returns without the honest
 * approvals the policy asks for; approvals imported from another process that are not signed by the
 * named reviewer's registered key (unsigned, signed by an unknown key or by another reviewer's, or
 * signed for another content digest) count for nothing.
 */
class ReviewBoardPropertyTest {
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  private static final int EXAMPLES = 150;
  private static final Duration DEADLINE = Duration.ofMinutes(10);
  private static final RetryPolicy RETRY =
      RetryPolicy.exponential(3, Duration.ofSeconds(20), Duration.ofMinutes(2));
  private static final List<String> FAMILIES = List.of("claude", "gpt", "gemini");
  private static final List<Act> ACTS =
      List.of(
          Act.APPROVE,
          Act.APPROVE,
          Act.APPROVE,
          Act.APPROVE,
          Act.APPROVE,
          Act.APPROVE,
          Act.APPROVE,
          Act.APPROVE,
          Act.REJECT,
          Act.DECLINE,
          Act.HANG,
          Act.CRASH,
          Act.PERMANENT,
          Act.TRANSIENT,
          Act.TRANSIENT,
          Act.RATE_LIMITED,
          Act.NO_VERDICT,
          Act.INVALID,
          Act.OTHER_SURFACE,
          Act.OTHER_CHANGE,
          Act.STALE,
          Act.IMPERSONATE);

  /**
   * One reviewer on the board, before it is made.
   *
   * @param identity who it is
   * @param surfaces what it covers
   * @param script what it does on its n-th attempt on a surface
   */
  record Seat(Agent identity, Set<RiskSurface> surfaces, List<Step> script) {}

  /**
   * A board and a change.
   *
   * @param scenario a change and a context in which complete, honest evidence ships it
   * @param seats the board's reviewers
   */
  record Case(Scenario scenario, List<Seat> seats, List<Forgery> forgeries) {}

  /** How an approval imported from another process fails to be trusted (or, once, does not). */
  enum Forged {
    UNSIGNED,
    UNKNOWN_KEY,
    ANOTHER_REVIEWERS_KEY,
    ANOTHER_DIGEST,
    /** Not forged at all: the positive control, signed by the named reviewer's registered key. */
    HONEST
  }

  /**
   * An approval imported as a DSSE envelope that must not count.
   *
   * @param surface the surface it approves
   * @param claimed the reviewer it names
   * @param how what is wrong with it
   */
  record Forgery(RiskSurface surface, Agent claimed, Forged how) {}

  /** The one reviewer whose key is registered: it signs honestly, but for another digest. */
  private static final Agent REGISTERED_REVIEWER =
      new Agent("registered-reviewer", "gemini-model", "gemini", "op-review");

  private static final Ed25519Signer REGISTERED_KEY = Ed25519Signer.generate();
  private static final Ed25519Signer UNKNOWN_KEY = Ed25519Signer.generate();
  private static final SignedEvidenceVerifier VERIFIER =
      SignedEvidenceVerifier.create(
          KeyRegistry.of(
              RegisteredKey.of(
                  REGISTERED_KEY.publicKey(),
                  REGISTERED_REVIEWER,
                  Instant.parse("2026-01-01T00:00:00Z"))));

  private static Gen<Case> cases() {
    Gen<Scenario> scenarios = PolicyScenarios.complete(POLICY);
    return in -> {
      Scenario scenario = scenarios.generate(in);
      Set<RiskSurface> needed = POLICY.requiredSurfaces(scenario.change()).keySet();
      int count = Generate.range(2, 7).generate(in);
      List<Seat> seats = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        seats.add(seat(in, i, needed));
      }
      List<Forgery> forgeries = new ArrayList<>();
      List<RiskSurface> surfaces = List.copyOf(needed);
      int forged = surfaces.isEmpty() ? 0 : Generate.range(0, 3).generate(in);
      for (int k = 0; k < forged; k++) {
        RiskSurface surface = surfaces.get(Generate.range(0, surfaces.size() - 1).generate(in));
        Forged how = Forged.values()[Generate.range(0, Forged.HONEST.ordinal() - 1).generate(in)];
        String family = FAMILIES.get(Generate.range(0, FAMILIES.size() - 1).generate(in));
        // unsigned or signed by an unknown key, it may impersonate the registered reviewer too;
        // signed by the registered key, it must claim someone else (or it would be honest)
        int whom = Generate.range(0, how == Forged.ANOTHER_REVIEWERS_KEY ? 1 : 2).generate(in);
        Agent claimed =
            how == Forged.ANOTHER_DIGEST || whom == 2
                ? REGISTERED_REVIEWER
                : whom == 0
                    ? seats.get(Generate.range(0, seats.size() - 1).generate(in)).identity()
                    : new Agent("imported-" + k, family + "-model", family, "op-elsewhere");
        forgeries.add(new Forgery(surface, claimed, how));
      }
      return new Case(scenario, seats, forgeries);
    };
  }

  private static Seat seat(RandomnessSource in, int index, Set<RiskSurface> needed) {
    String family = FAMILIES.get(Generate.range(0, FAMILIES.size() - 1).generate(in));
    int kind = Generate.range(1, 100).generate(in);
    Agent producer = PolicyScenarios.producer();
    Agent identity =
        index == 0 && kind <= 15
            ? producer // the producer reviewing its own change
            : kind <= 27
                ? new Agent("r" + index, family + "-model", family, producer.operatorId())
                : new Agent("r" + index, family + "-model", family, "op-review");
    Set<RiskSurface> surfaces = EnumSet.noneOf(RiskSurface.class);
    for (RiskSurface surface : needed) {
      if (Generate.range(1, 100).generate(in) <= 85) {
        surfaces.add(surface);
      }
    }
    if (surfaces.isEmpty()) {
      surfaces.add(RiskSurface.PERFORMANCE);
    }
    List<Step> script = new ArrayList<>();
    int steps = Generate.range(1, 3).generate(in);
    for (int s = 0; s < steps; s++) {
      long seconds =
          Generate.range(1, 100).generate(in) <= 75
              ? Generate.range(0, 120).generate(in)
              : Generate.range(0, 720).generate(in);
      script.add(
          new Step(
              Duration.ofSeconds(seconds),
              ACTS.get(Generate.range(0, ACTS.size() - 1).generate(in))));
    }
    return new Seat(identity, surfaces, script);
  }

  /**
   * What the board's rules say a reviewer following {@code script} ends with, from the time it is
   * convened: its outcome, and the cause when it abstains.
   */
  static String expected(List<Step> script) {
    Duration at = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      Step step = script.get(Math.min(attempt - 1, script.size() - 1));
      Duration done = at.plus(step.delay());
      if (step.act() == Act.HANG || done.compareTo(DEADLINE) > 0) {
        return "ABSTAIN TIMED_OUT";
      }
      switch (step.act()) {
        case APPROVE:
          return "APPROVE";
        case REJECT:
          return "REJECT";
        case DECLINE:
          return "ABSTAIN DECLINED";
        case CRASH:
        case PERMANENT:
          return "ABSTAIN FAILED";
        case NO_VERDICT:
        case INVALID:
        case OTHER_SURFACE:
        case OTHER_CHANGE:
          return "ABSTAIN MALFORMED";
        case STALE:
          return "ABSTAIN STALE";
        case IMPERSONATE:
          return "ABSTAIN IMPERSONATED";
        case TRANSIENT:
        case RATE_LIMITED:
          if (attempt >= RETRY.maxAttempts()) {
            return "ABSTAIN FAILED";
          }
          Duration wait = RETRY.backoff(attempt);
          if (step.act() == Act.RATE_LIMITED && Scripted.RETRY_AFTER.compareTo(wait) > 0) {
            wait = Scripted.RETRY_AFTER;
          }
          at = done.plus(wait);
          if (at.compareTo(DEADLINE) >= 0) {
            return "ABSTAIN FAILED";
          }
          break;
        default:
          throw new AssertionError(step.act());
      }
    }
  }

  private static String outcome(Verdict verdict) {
    return verdict.outcome() + verdict.abstention().map(a -> " " + a.cause()).orElse("");
  }

  /** {@code forgery} as the envelope another process would hand over. */
  private static Envelope envelope(Forgery forgery, ChangeRequest change, Instant at) {
    ContentDigest digest =
        forgery.how() == Forged.ANOTHER_DIGEST
            ? ContentDigest.of(
                change.contentDigest().value().startsWith("0") ? "1".repeat(64) : "0".repeat(64))
            : change.contentDigest();
    Verdict approval =
        new Verdict(
            change.ref(),
            forgery.claimed(),
            forgery.surface(),
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(),
            digest,
            at);
    return switch (forgery.how()) {
      case UNSIGNED -> {
        Envelope signed = StatementType.VERDICT.sign(approval, UNKNOWN_KEY);
        yield new Envelope(signed.payloadType(), signed.payload(), List.of());
      }
      case UNKNOWN_KEY -> StatementType.VERDICT.sign(approval, UNKNOWN_KEY);
      case ANOTHER_REVIEWERS_KEY, ANOTHER_DIGEST, HONEST ->
          StatementType.VERDICT.sign(approval, REGISTERED_KEY);
    };
  }

  private static boolean eligible(Agent agent, Requirement requirement) {
    Agent producer = PolicyScenarios.producer();
    return !agent.id().equals(producer.id())
        && (requirement.sameOperator() || !agent.operatorId().equals(producer.operatorId()));
  }

  @Test
  void noMixOfBehavioursShipsWithoutHonestApprovalsAndTheBoardKeepsItsDeadline() {
    AtomicInteger shipped = new AtomicInteger();
    AtomicInteger held = new AtomicInteger();
    qt().withExamples(EXAMPLES)
        .withShrinkCycles(100)
        .forAll(cases())
        .checkAssert(
            c -> {
              ChangeRequest change = c.scenario().change();
              ReleaseContext context = c.scenario().context();
              Instant start = context.now().minus(Duration.ofHours(1));
              VirtualTime time = VirtualTime.startingAt(start);
              Map<String, Seat> byId = new HashMap<>();
              List<Reviewer> reviewers = new ArrayList<>();
              for (Seat seat : c.seats()) {
                byId.put(seat.identity().id(), seat);
                reviewers.add(new Scripted(time, seat.identity(), seat.surfaces(), seat.script()));
              }
              ReviewBoard board =
                  ReviewBoard.builder()
                      .reviewers(reviewers)
                      .executor(time.executor())
                      .scheduler(time.scheduler())
                      .clock(time.clock())
                      .deadline(DEADLINE)
                      .retry(RETRY)
                      .build();
              Map<RiskSurface, Requirement> needs = POLICY.requiredSurfaces(change);

              BoardResult result =
                  time.run(() -> board.conveneAsync(change, Fixtures.SNAPSHOT, needs));

              // returns by its deadline
              assertThat(time.now()).isBeforeOrEqualTo(start.plus(DEADLINE));
              assertThat(result.change()).isEqualTo(change.ref());
              assertThat(result.notes()).hasSize(needs.size());

              // one verdict per reviewer and surface convened, each as the rules expect
              Set<String> seen = new HashSet<>();
              Map<RiskSurface, Set<String>> convened = new HashMap<>();
              boolean allApproved = true;
              for (TrustedVerdict trusted : result.verdicts()) {
                Verdict verdict = trusted.verdict();
                assertThat(byId)
                    .as("a reviewer of the board: %s", verdict)
                    .containsKey(verdict.reviewer().id());
                Seat seat = Objects.requireNonNull(byId.get(verdict.reviewer().id()));
                assertThat(verdict.reviewer()).isEqualTo(seat.identity());
                assertThat(seen.add(verdict.reviewer().id() + " " + verdict.surface())).isTrue();
                assertThat(trusted.fromBoard()).isTrue();
                assertThat(verdict.change()).isEqualTo(change.ref());
                assertThat(verdict.contentDigest()).isEqualTo(change.contentDigest());
                assertThat(needs)
                    .as("a surface asked for: %s", verdict)
                    .containsKey(verdict.surface());
                Requirement requirement = Objects.requireNonNull(needs.get(verdict.surface()));
                assertThat(seat.surfaces()).contains(verdict.surface());
                assertThat(eligible(seat.identity(), requirement))
                    .as("eligible: %s", verdict)
                    .isTrue();
                assertThat(outcome(verdict))
                    .as(
                        "%s on %s following %s",
                        seat.identity().id(), verdict.surface(), seat.script())
                    .isEqualTo(expected(seat.script()));
                allApproved &= verdict.outcome() == VerdictOutcome.APPROVE;
                convened
                    .computeIfAbsent(verdict.surface(), s -> new TreeSet<>())
                    .add(verdict.reviewer().id());
              }

              // per surface: a quorum, or every eligible reviewer when too few, across families
              boolean quorate = true;
              for (Map.Entry<RiskSurface, Requirement> need : needs.entrySet()) {
                List<Seat> eligible = new ArrayList<>();
                for (Seat seat : c.seats()) {
                  if (seat.surfaces().contains(need.getKey())
                      && eligible(seat.identity(), need.getValue())) {
                    eligible.add(seat);
                  }
                }
                long eligibleFamilies =
                    eligible.stream().map(s -> s.identity().modelFamily()).distinct().count();
                Set<String> chosen = convened.getOrDefault(need.getKey(), Set.of());
                assertThat(chosen).hasSize(Math.min(need.getValue().quorum(), eligible.size()));
                long families =
                    chosen.stream()
                        .map(id -> Objects.requireNonNull(byId.get(id)).identity().modelFamily())
                        .distinct()
                        .count();
                assertThat(families)
                    .isGreaterThanOrEqualTo(
                        Math.min(
                            need.getValue().distinctFamilies(),
                            Math.min(eligibleFamilies, chosen.size())));
                quorate &=
                    chosen.size() >= need.getValue().quorum()
                        && families >= need.getValue().distinctFamilies();
              }

              // approvals imported without the named reviewer's signature on this digest are
              // refused, and change nothing
              List<Envelope> imported = new ArrayList<>();
              for (Forgery forgery : c.forgeries()) {
                imported.add(envelope(forgery, change, context.now().minusSeconds(60)));
              }
              Evidence verified =
                  VERIFIER.verify(
                      change,
                      POLICY.digest(),
                      result,
                      imported,
                      context.evidence().checks(),
                      context.now());
              assertThat(verified.verdicts().stream().map(TrustedVerdict::verdict).toList())
                  .as("trusted verdicts with %s imported", c.forgeries())
                  .containsExactlyInAnyOrderElementsOf(
                      result.verdicts().stream().map(TrustedVerdict::verdict).toList());
              assertThat(verified.refused())
                  .as("refused, each distinct envelope once")
                  .hasSize(new HashSet<>(imported).size());

              // the positive control: the verifier that refused those trusts an approval the
              // registered reviewer signed with its registered key for this digest — and not one
              // signed by an unknown key in its name
              RiskSurface controlSurface =
                  needs.isEmpty() ? RiskSurface.SECURITY : needs.keySet().iterator().next();
              Forgery signedHonestly =
                  new Forgery(controlSurface, REGISTERED_REVIEWER, Forged.HONEST);
              Forgery impersonation =
                  new Forgery(controlSurface, REGISTERED_REVIEWER, Forged.UNKNOWN_KEY);
              Envelope honestEnvelope =
                  envelope(signedHonestly, change, context.now().minusSeconds(60));
              Evidence controlled =
                  VERIFIER.verify(
                      change,
                      POLICY.digest(),
                      result,
                      List.of(
                          honestEnvelope,
                          envelope(impersonation, change, context.now().minusSeconds(60))),
                      context.evidence().checks(),
                      context.now());
              List<TrustedVerdict> imports =
                  controlled.verdicts().stream().filter(v -> !v.fromBoard()).toList();
              assertThat(imports)
                  .as("imported verdicts trusted beside the board's")
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.verdict().reviewer()).isEqualTo(REGISTERED_REVIEWER);
                        assertThat(v.verdict().contentDigest()).isEqualTo(change.contentDigest());
                        assertThat(v.verdict().surface()).isEqualTo(controlSurface);
                        assertThat(v.keyId()).isPresent();
                      });
              assertThat(controlled.refused()).as("the impersonation refused").hasSize(1);

              // the policy never ships without honest approvals; it ships when all are there
              Evidence evidence =
                  Evidence.of(
                      verified.verdicts(),
                      context.evidence().acceptances(),
                      context.evidence().overrides(),
                      context.evidence().checks(),
                      verified.refused());
              Decision decision =
                  POLICY.decide(
                      change,
                      new ReleaseContext(
                          context.now(),
                          context.calendar(),
                          evidence,
                          context.budgets(),
                          context.satisfied()));
              Decision withoutImports =
                  POLICY.decide(
                      change,
                      new ReleaseContext(
                          context.now(),
                          context.calendar(),
                          Evidence.of(
                              result.verdicts(),
                              context.evidence().acceptances(),
                              context.evidence().overrides(),
                              context.evidence().checks(),
                              List.of()),
                          context.budgets(),
                          context.satisfied()));
              assertThat(decision.outcome())
                  .as("the decision with %s imported", c.forgeries())
                  .isEqualTo(withoutImports.outcome());
              if (decision.outcome() == Outcome.SHIP) {
                shipped.incrementAndGet();
                for (Map.Entry<RiskSurface, Requirement> need : needs.entrySet()) {
                  Set<String> honest = new TreeSet<>();
                  Set<String> families = new TreeSet<>();
                  for (Seat seat : c.seats()) {
                    if (seat.surfaces().contains(need.getKey())
                        && eligible(seat.identity(), need.getValue())
                        && expected(seat.script()).equals("APPROVE")) {
                      honest.add(seat.identity().id());
                      families.add(seat.identity().modelFamily());
                    }
                  }
                  assertThat(honest)
                      .as("honest approvers of %s", need.getKey())
                      .hasSizeGreaterThanOrEqualTo(need.getValue().quorum());
                  assertThat(families)
                      .hasSizeGreaterThanOrEqualTo(need.getValue().distinctFamilies());
                }
              } else {
                held.incrementAndGet();
                assertThat(allApproved && quorate)
                    .as("complete honest approvals are not held: %s", decision)
                    .isFalse();
              }
              time.awaitTasks();
            });
    // neither outcome is rare, so the properties above were not tested in vain
    assertThat(shipped.get()).isGreaterThan(EXAMPLES / 10);
    assertThat(held.get()).isGreaterThan(EXAMPLES / 10);
  }
}
