package dev.signalbox.testkit.board;

import static dev.signalbox.testkit.board.Fixtures.CHANGE;
import static dev.signalbox.testkit.board.Fixtures.DIGEST;
import static dev.signalbox.testkit.board.Fixtures.PRODUCER;
import static dev.signalbox.testkit.board.Fixtures.SNAPSHOT;
import static dev.signalbox.testkit.board.Fixtures.START;
import static dev.signalbox.testkit.board.Fixtures.agent;
import static dev.signalbox.testkit.board.Scripted.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.board.RetryPolicy;
import dev.signalbox.core.board.ReviewBoard;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Requirement;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.testkit.board.Scripted.Act;
import dev.signalbox.testkit.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Examples of the review board's choice of reviewers, its deadline, retries and normalisation. */
class ReviewBoardTest {
  private static final Duration DEADLINE = Duration.ofMinutes(5);
  private static final Set<RiskSurface> BOTH =
      EnumSet.of(RiskSurface.CODE_QUALITY, RiskSurface.SECURITY);
  private static final Map<RiskSurface, Requirement> ONE_SECURITY_REVIEW =
      Map.of(RiskSurface.SECURITY, new Requirement(1, 1));

  private final VirtualTime time = VirtualTime.startingAt(START);

  private ReviewBoard.Builder board(Reviewer... reviewers) {
    return ReviewBoard.builder()
        .reviewers(List.of(reviewers))
        .executor(time.executor())
        .scheduler(time.scheduler())
        .clock(time.clock())
        .deadline(DEADLINE);
  }

  private BoardResult convene(ReviewBoard board, Map<RiskSurface, Requirement> needs) {
    return time.run(() -> board.conveneAsync(CHANGE, SNAPSHOT, needs));
  }

  private static Verdict only(BoardResult result) {
    assertThat(result.verdicts()).hasSize(1);
    TrustedVerdict trusted = result.verdicts().get(0);
    assertThat(trusted.fromBoard()).isTrue();
    return trusted.verdict();
  }

  /** The one verdict of a board of one reviewer following {@code script} on SECURITY. */
  private Verdict single(Scripted.Step... script) {
    Scripted reviewer = Scripted.of(time, agent("sec-1", "gpt"), BOTH, script);
    return only(convene(board(reviewer).build(), ONE_SECURITY_REVIEW));
  }

  private static void assertAbstains(Verdict verdict, AbstainCause cause, String detail) {
    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.ABSTAIN);
    assertThat(verdict.abstention()).isPresent();
    assertThat(verdict.abstention().get().cause()).isEqualTo(cause);
    assertThat(verdict.abstention().get().detail()).isEqualTo(detail);
    assertThat(verdict.reviewer().id()).isEqualTo("sec-1");
    assertThat(verdict.surface()).isEqualTo(RiskSurface.SECURITY);
    assertThat(verdict.contentDigest()).isEqualTo(DIGEST);
    assertThat(verdict.change()).isEqualTo(CHANGE.ref());
  }

  @Test
  void honestApprovalsFromTwoFamiliesPerSurfaceShipTheChange() {
    List<Scripted> reviewers =
        List.of(
            Scripted.of(time, agent("claude-a", "claude"), BOTH, step(30, Act.APPROVE)),
            Scripted.of(time, agent("gpt-b", "gpt"), BOTH, step(40, Act.APPROVE)),
            Scripted.of(time, agent("claude-c", "claude"), BOTH, step(50, Act.APPROVE)));
    ReviewBoard board = board(reviewers.toArray(new Reviewer[0])).build();
    Map<RiskSurface, Requirement> needs = Fixtures.POLICY.requiredSurfaces(CHANGE);
    assertThat(needs)
        .containsOnlyKeys(RiskSurface.CODE_QUALITY, RiskSurface.SECURITY)
        .containsValue(new Requirement(2, 2, false));

    BoardResult result = convene(board, needs);

    assertThat(time.now()).isEqualTo(START.plusSeconds(40)); // the slowest convened, not a deadline
    assertThat(result.change()).isEqualTo(CHANGE.ref());
    assertThat(result.contentDigest()).isEqualTo(DIGEST);
    assertThat(result.verdicts())
        .extracting(v -> v.verdict().reviewer().id() + " " + v.verdict().surface())
        .containsExactly(
            "claude-a CODE_QUALITY", "gpt-b CODE_QUALITY", "claude-a SECURITY", "gpt-b SECURITY");
    assertThat(result.verdicts())
        .allMatch(v -> v.fromBoard() && v.verdict().outcome() == VerdictOutcome.APPROVE);
    assertThat(result.notes())
        .containsExactly(
            "CODE_QUALITY: convened claude-a (claude), gpt-b (gpt) for a quorum of 2 from 2 model"
                + " families, taking the 3 eligible of 3 reviewers covering CODE_QUALITY family by"
                + " family in turn",
            "SECURITY: convened claude-a (claude), gpt-b (gpt) for a quorum of 2 from 2 model"
                + " families, taking the 3 eligible of 3 reviewers covering SECURITY family by"
                + " family in turn");
    assertThat(reviewers.get(2).calls()).isZero();
    assertThat(Fixtures.decide(CHANGE, result).outcome()).isEqualTo(Outcome.SHIP);
  }

  @Test
  void neverConvenesTheProducerNorAnAgentOfItsOperatorAndSaysSo() {
    Agent sameOperator = new Agent("helper-2", "gpt-5", "gpt", PRODUCER.operatorId());
    List<Reviewer> reviewers =
        new ArrayList<>(
            List.of(
                Scripted.of(time, PRODUCER, BOTH, step(1, Act.APPROVE)),
                Scripted.of(time, sameOperator, BOTH, step(1, Act.APPROVE)),
                Scripted.of(time, agent("zeta", "claude"), BOTH, step(1, Act.APPROVE)),
                Scripted.of(time, agent("alpha", "claude"), BOTH, step(1, Act.APPROVE)),
                Scripted.of(time, agent("omega", "gemini"), BOTH, step(1, Act.APPROVE))));
    Map<RiskSurface, Requirement> needs = Map.of(RiskSurface.SECURITY, new Requirement(2, 2));
    BoardResult result = convene(board(reviewers.toArray(new Reviewer[0])).build(), needs);

    assertThat(result.verdicts())
        .extracting(v -> v.verdict().reviewer().id())
        .containsExactly("alpha", "omega");
    assertThat(result.notes())
        .containsExactly(
            "SECURITY: convened alpha (claude), omega (gemini) for a quorum of 2 from 2 model"
                + " families, taking the 3 eligible of 5 reviewers covering SECURITY family by"
                + " family in turn; set aside builder-1 (the producer), helper-2 (its operator"
                + " op-alice runs the producer)");

    Collections.reverse(reviewers); // the order they are handed in does not matter
    BoardResult again = convene(board(reviewers.toArray(new Reviewer[0])).build(), needs);
    assertThat(again.notes()).isEqualTo(result.notes());
    assertThat(again.verdicts())
        .extracting(v -> v.verdict().reviewer().id())
        .containsExactly("alpha", "omega");
  }

  @Test
  void convenesAnAgentOfTheProducersOperatorWhereTheRequirementAllows() {
    Agent sameOperator = new Agent("helper-2", "gpt-5", "gpt", PRODUCER.operatorId());
    BoardResult result =
        convene(
            board(Scripted.of(time, sameOperator, BOTH, step(1, Act.APPROVE))).build(),
            Map.of(RiskSurface.SECURITY, new Requirement(1, 1, true)));
    assertThat(only(result).reviewer()).isEqualTo(sameOperator);
  }

  @Test
  void notesWhenItHasTooFewReviewersAndConvenesThoseItHas() {
    BoardResult result =
        convene(
            board(
                    Scripted.of(time, agent("claude-a", "claude"), BOTH, step(1, Act.APPROVE)),
                    Scripted.of(time, PRODUCER, EnumSet.of(RiskSurface.DATA), step(1, Act.APPROVE)))
                .build(),
            Map.of(
                RiskSurface.SECURITY, new Requirement(2, 2),
                RiskSurface.DATA, new Requirement(1, 1),
                RiskSurface.DOCS, new Requirement(1, 1)));
    assertThat(result.notes())
        .containsExactly(
            "SECURITY: too few reviewers for a quorum of 2 from 2 model families: only 1 eligible,"
                + " from 1 model family; convened claude-a (claude) all the same",
            "DATA: too few reviewers for a quorum of 1: none of them is eligible; set aside"
                + " builder-1 (the producer)",
            "DOCS: too few reviewers for a quorum of 1: no reviewer covers DOCS");
    assertThat(only(result).reviewer().id()).isEqualTo("claude-a");
    assertThat(Fixtures.decide(CHANGE, result).outcome()).isNotEqualTo(Outcome.SHIP);
  }

  @Test
  void eachReviewerGetsItsOwnRequestForOneSurfaceBoundToTheDeadline() {
    Scripted a = Scripted.of(time, agent("claude-a", "claude"), BOTH, step(1, Act.APPROVE));
    Scripted b = Scripted.of(time, agent("gpt-b", "gpt"), BOTH, step(1, Act.APPROVE));
    convene(board(a, b).build(), Fixtures.POLICY.requiredSurfaces(CHANGE));
    List<ReviewRequest> all = new ArrayList<>(a.requests());
    all.addAll(b.requests());
    assertThat(all).hasSize(4);
    assertThat(all)
        .allSatisfy(
            request -> {
              assertThat(request.change()).isEqualTo(CHANGE);
              assertThat(request.contentDigest()).isEqualTo(DIGEST);
              assertThat(request.snapshot()).isEqualTo(SNAPSHOT);
              assertThat(request.deadline()).isEqualTo(START.plus(DEADLINE));
            });
    assertThat(a.requests())
        .extracting(ReviewRequest::surface)
        .containsExactlyInAnyOrderElementsOf(BOTH);
    assertThat(all.stream().distinct().count()).isEqualTo(2); // equal values per surface…
    java.util.Set<ReviewRequest> instances =
        Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    instances.addAll(all);
    assertThat(instances).hasSize(4); // …but one instance per reviewer and surface
  }

  @Test
  void aStragglerIsInterruptedAtTheDeadlineAndAbstainsAsTimedOut() {
    Scripted straggler = Scripted.of(time, agent("sec-1", "gpt"), BOTH, step(0, Act.HANG));
    Scripted quick = Scripted.of(time, agent("sec-2", "claude"), BOTH, step(10, Act.APPROVE));
    BoardResult result =
        convene(
            board(straggler, quick).build(), Map.of(RiskSurface.SECURITY, new Requirement(2, 1)));
    assertThat(time.now()).isEqualTo(START.plus(DEADLINE));
    // picked family by family: claude (sec-2) first, then gpt (sec-1)
    assertThat(result.verdicts())
        .extracting(v -> v.verdict().reviewer().id())
        .containsExactly("sec-2", "sec-1");
    Verdict late = result.verdicts().get(1).verdict();
    assertAbstains(
        late,
        AbstainCause.TIMED_OUT,
        "no verdict by the deadline 2026-11-26T09:05:00Z (PT5M after the board convened)");
    assertThat(late.issuedAt()).isEqualTo(START.plus(DEADLINE));
    assertThat(result.verdicts().get(0).verdict().outcome()).isEqualTo(VerdictOutcome.APPROVE);
    time.awaitTasks();
    assertThat(straggler.interrupted()).isEqualTo(1);
  }

  @Test
  void aVerdictDueExactlyAtTheDeadlineIsInTimeAndOneAfterItIsNot() {
    assertThat(single(step(300, Act.APPROVE)).outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(single(step(301, Act.APPROVE)).abstention().orElseThrow().cause())
        .isEqualTo(AbstainCause.TIMED_OUT);
  }

  @Test
  void retriesTransientFailuresWithBackoff() {
    Scripted flaky =
        Scripted.of(
            time,
            agent("sec-1", "gpt"),
            BOTH,
            step(10, Act.TRANSIENT),
            step(10, Act.TRANSIENT),
            step(10, Act.APPROVE));
    BoardResult result =
        convene(
            board(flaky)
                .retry(RetryPolicy.exponential(3, Duration.ofSeconds(30), Duration.ofMinutes(2)))
                .build(),
            ONE_SECURITY_REVIEW);
    assertThat(only(result).outcome()).isEqualTo(VerdictOutcome.APPROVE);
    // fails at 10 s, waits 30 s; fails at 50 s, waits 60 s; approves at 120 s
    assertThat(flaky.started())
        .containsExactly(START, START.plusSeconds(40), START.plusSeconds(110));
    assertThat(time.now()).isEqualTo(START.plusSeconds(120));
  }

  @Test
  void waitsAtLeastTheRetryAfterTheReviewerWasTold() {
    Scripted limited =
        Scripted.of(
            time, agent("sec-1", "gpt"), BOTH, step(5, Act.RATE_LIMITED), step(5, Act.APPROVE));
    BoardResult result =
        convene(
            board(limited)
                .retry(RetryPolicy.exponential(3, Duration.ofSeconds(1), Duration.ofMinutes(2)))
                .build(),
            ONE_SECURITY_REVIEW);
    assertThat(only(result).outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(limited.started())
        .containsExactly(START, START.plusSeconds(5).plus(Scripted.RETRY_AFTER));
  }

  @Test
  void doesNotRetryWhenTheRetryWouldStartAfterTheDeadline() {
    Verdict verdict = single(step(250, Act.RATE_LIMITED), step(1, Act.APPROVE));
    assertAbstains(
        verdict,
        AbstainCause.FAILED,
        "transient failure on attempt 1: 429: slow down; no retry: after a wait of PT1M30S it"
            + " would start at 2026-11-26T09:05:40Z, not before the deadline"
            + " 2026-11-26T09:05:00Z");
    assertThat(time.now()).isEqualTo(START.plusSeconds(250));
  }

  @Test
  void abstainsAsFailedWhenTheAttemptsAreSpent() {
    Verdict verdict = single(step(1, Act.TRANSIENT));
    assertAbstains(
        verdict,
        AbstainCause.FAILED,
        "transient failure on attempt 3, the last of 3: 503 from the model's API");
  }

  @Test
  void aStragglerBetweenRetriesSaysWhatFailedBefore() {
    Verdict verdict = single(step(100, Act.TRANSIENT), step(0, Act.HANG));
    assertAbstains(
        verdict,
        AbstainCause.TIMED_OUT,
        "no verdict by the deadline 2026-11-26T09:05:00Z (PT5M after the board convened);"
            + " attempt 1 failed transiently at 2026-11-26T09:01:40Z: 503 from the model's API");
  }

  @Test
  void aPermanentFailureAbstainsAsFailedAndIsNotRetried() {
    Scripted refused = Scripted.of(time, agent("sec-1", "gpt"), BOTH, step(1, Act.PERMANENT));
    Verdict verdict = only(convene(board(refused).build(), ONE_SECURITY_REVIEW));
    assertAbstains(verdict, AbstainCause.FAILED, "permanent failure: 401: the API key was refused");
    assertThat(refused.calls()).isEqualTo(1);
  }

  @Test
  void aCrashAbstainsAsFailed() {
    assertAbstains(
        single(step(1, Act.CRASH)),
        AbstainCause.FAILED,
        "threw java.lang.IllegalStateException: the agent crashed: out of memory");
  }

  @Test
  void noVerdictAbstainsAsMalformed() {
    assertAbstains(single(step(1, Act.NO_VERDICT)), AbstainCause.MALFORMED, "returned no verdict");
  }

  @Test
  void anAnswerFailingTheModelsValidationAbstainsAsMalformed() {
    assertAbstains(
        single(step(1, Act.INVALID)),
        AbstainCause.MALFORMED,
        "answer is not a valid verdict: "
            + new InvalidValueException(
                    Verdict.class, "outcome", "must be APPROVE, REJECT or ABSTAIN", "LGTM")
                .getMessage());
  }

  @Test
  void aVerdictOnAnotherSurfaceAbstainsAsMalformed() {
    assertAbstains(
        single(step(1, Act.OTHER_SURFACE)),
        AbstainCause.MALFORMED,
        "verdict is on DOCS, not on the surface asked about, SECURITY");
  }

  @Test
  void aVerdictForAnotherChangeAbstainsAsMalformed() {
    Verdict verdict = single(step(1, Act.OTHER_CHANGE));
    assertThat(verdict.abstention().orElseThrow().cause()).isEqualTo(AbstainCause.MALFORMED);
    assertThat(verdict.abstention().orElseThrow().detail())
        .startsWith("verdict is for change acme/other#")
        .endsWith(", not the change asked about, " + CHANGE.ref());
  }

  @Test
  void aVerdictForAnotherContentDigestAbstainsAsStale() {
    assertAbstains(
        single(step(1, Act.STALE)),
        AbstainCause.STALE,
        "verdict read content "
            + "e".repeat(64)
            + ", not the content under review, "
            + "c".repeat(64));
  }

  @Test
  void aVerdictNamingAnotherReviewerAbstainsAsImpersonated() {
    assertAbstains(
        single(step(1, Act.IMPERSONATE)),
        AbstainCause.IMPERSONATED,
        "verdict names sec-lead (model gpt-5, family gpt, operator op-review), not the reviewer"
            + " asked, sec-1 (model gpt-model, family gpt, operator op-review)");
  }

  @Test
  void aReviewerThatDeclinesKeepsItsOwnAbstention() {
    assertAbstains(single(step(1, Act.DECLINE)), AbstainCause.DECLINED, "nothing here I can judge");
  }

  @Test
  void cancellingTheFutureInterruptsTheReviews() {
    Scripted hanging = Scripted.of(time, agent("sec-1", "gpt"), BOTH, step(0, Act.HANG));
    ReviewBoard board = board(hanging).build();
    assertThatThrownBy(
            () ->
                time.run(
                    () -> {
                      CompletableFuture<BoardResult> future =
                          board.conveneAsync(CHANGE, SNAPSHOT, ONE_SECURITY_REVIEW);
                      future.cancel(true);
                      return future;
                    }))
        .isInstanceOf(CancellationException.class);
    time.awaitTasks();
    assertThat(hanging.calls() == 0 || hanging.interrupted() == 1)
        .as("never started, or interrupted")
        .isTrue();
  }

  @Test
  void conveneOnTheSystemSchedulerInterruptsAStragglerAtTheDeadline() {
    Blocking blocking = new Blocking(agent("sec-1", "gpt"), BOTH);
    BoardResult result =
        ReviewBoard.builder()
            .reviewer(blocking)
            .deadline(Duration.ofMillis(200))
            .build()
            .convene(CHANGE, SNAPSHOT, ONE_SECURITY_REVIEW);
    assertThat(only(result).abstention().orElseThrow().cause()).isEqualTo(AbstainCause.TIMED_OUT);
    blocking.awaitInterrupted();
  }

  @Test
  void interruptingTheConveningThreadCancelsTheRunAndKeepsTheInterrupt() {
    Blocking hanging = new Blocking(agent("sec-1", "gpt"), BOTH);
    ReviewBoard board =
        ReviewBoard.builder().reviewer(hanging).deadline(Duration.ofHours(1)).build();
    Thread.currentThread().interrupt();
    BoardResult result;
    try {
      result = board.convene(CHANGE, SNAPSHOT, ONE_SECURITY_REVIEW);
    } finally {
      assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
    }
    Verdict verdict = only(result);
    assertThat(verdict.abstention().orElseThrow().cause()).isEqualTo(AbstainCause.CANCELLED);
    assertThat(verdict.abstention().get().detail())
        .isEqualTo("the thread that convened the board was interrupted");
  }

  @Test
  @SuppressWarnings("NullAway") // hands in null on purpose
  void theBuilderRefusesWhatCannotWork() {
    Reviewer one = Scripted.of(time, agent("sec-1", "gpt"), BOTH, step(1, Act.APPROVE));
    Reviewer twin = Scripted.of(time, agent("sec-1", "claude"), BOTH, step(1, Act.APPROVE));
    assertThatThrownBy(() -> ReviewBoard.builder().reviewer(one).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("deadline");
    assertThatThrownBy(() -> ReviewBoard.builder().deadline(DEADLINE).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reviewers");
    assertThatThrownBy(
            () -> ReviewBoard.builder().reviewer(one).reviewer(twin).deadline(DEADLINE).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reviewers[1].identity.id")
        .hasMessageContaining("sec-1");
    assertThatThrownBy(() -> ReviewBoard.builder().deadline(Duration.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("deadline");
    assertThatThrownBy(() -> ReviewBoard.builder().deadline(DEADLINE).deadline(DEADLINE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("was set already");
    Reviewer nothing =
        Scripted.of(
            time, agent("sec-9", "gpt"), EnumSet.noneOf(RiskSurface.class), step(1, Act.APPROVE));
    assertThatThrownBy(() -> ReviewBoard.builder().reviewer(nothing).deadline(DEADLINE).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reviewers[0].surfaces");
    ReviewBoard board = board(one).build();
    assertThatThrownBy(() -> board.convene(CHANGE, SNAPSHOT, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("needs");
  }

  @Test
  void retryPolicyBacksOffExponentiallyUpToItsMaximum() {
    RetryPolicy policy = RetryPolicy.exponential(5, Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4)))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), 0.5, Duration.ofSeconds(2)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxBackoff");
  }
}
