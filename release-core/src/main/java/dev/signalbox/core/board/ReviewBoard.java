package dev.signalbox.core.board;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.SignalboxException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Requirement;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The change advisory board: convenes, for one change, the reviewers the policy asks for on each
 * risk surface, runs them in parallel under one deadline and hands back one verdict per reviewer
 * and surface asked, normalised so that nothing counts as an approval that a reviewer did not give
 * in time, under its own name, for exactly the content under review.
 *
 * <pre>{@code
 * ReviewBoard board = ReviewBoard.builder()
 *     .reviewers(List.of(securityReviewer, qualityReviewer, testsReviewer))
 *     .deadline(Duration.ofMinutes(5))
 *     .build();
 * BoardResult result = board.convene(change, snapshot, policy.requiredSurfaces(change));
 * }</pre>
 *
 * <p>For each surface of {@code needs}, the board chooses a quorum of reviewers covering it from as
 * many model families as asked — never the change's producer, and no agent of the producer's
 * operator unless the {@link Requirement} allows it — deterministically, and notes in the result
 * whom it chose and why, or that it had too few. Each chosen reviewer gets its own immutable {@link
 * ReviewRequest} for the one surface. All run at once on the executor; at the deadline, stragglers
 * are interrupted. A {@linkplain dev.signalbox.core.spi.ReviewFailure#isTransient() transient}
 * failure is retried under the {@link RetryPolicy} while the retry can start before the deadline;
 * reviewers never retry themselves.
 *
 * <p>What a reviewer hands back is normalised: an answer after the deadline becomes an abstention
 * TIMED_OUT; a failure FAILED (MALFORMED when the answer failed the model's validation); no
 * verdict, a verdict for another change or surface MALFORMED; one for another content digest STALE;
 * one naming another agent than the reviewer asked IMPERSONATED. Each abstention names the reviewer
 * asked and says what happened in its detail. The board does not count: the result goes to the
 * {@linkplain dev.signalbox.core.policy.ReleasePolicy policy}, which alone decides what counts.
 *
 * <p>The board always returns by its deadline, plus the time its scheduler takes to run the
 * deadline's task. Time is read from the injected {@link Clock} and waited for on the injected
 * {@link Scheduler}, so that tests can run a board in virtual time. Immutable and thread-safe; one
 * board may convene for many changes at once.
 */
public final class ReviewBoard {
  private final List<Member> members;
  private final Executor executor;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Duration deadline;
  private final RetryPolicy retry;

  private ReviewBoard(Builder builder, List<Member> members, Duration deadline) {
    this.members = members;
    this.executor = builder.executor != null ? builder.executor : ReviewerThreads.INSTANCE;
    this.scheduler = builder.scheduler != null ? builder.scheduler : Scheduler.system();
    this.clock = builder.clock != null ? builder.clock : Clock.systemUTC();
    this.deadline = deadline;
    this.retry = builder.retry != null ? builder.retry : RetryPolicy.defaults();
  }

  /** A builder of a board. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Convenes the board for {@code change} and waits for its result, which comes by the deadline.
   *
   * <p>If the calling thread is interrupted while it waits, the run ends at once: each review
   * without a verdict abstains as CANCELLED, the result is returned and the thread's interrupt
   * status is set again.
   *
   * @param change the change to review
   * @param snapshot what the reviewers read: the diff and the touched files at head
   * @param needs per risk surface, what the policy asks, as {@link
   *     dev.signalbox.core.policy.ReleasePolicy#requiredSurfaces} gives it
   * @return one verdict per reviewer and surface convened, and a note per surface asked
   * @throws InvalidValueException if an argument, or a key or value of {@code needs}, is null
   */
  public BoardResult convene(
      ChangeRequest change, ChangeSnapshot snapshot, Map<RiskSurface, Requirement> needs) {
    BoardRun run = start(change, snapshot, needs);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return run.result().get();
        } catch (InterruptedException e) {
          interrupted = true;
          run.cancel("the thread that convened the board was interrupted");
        }
      }
    } catch (ExecutionException e) {
      // the run completes its own result normally; anything else is a bug worth its own message
      throw new SignalboxException("the board's run failed", e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Convenes the board for {@code change} without waiting: the future completes by the deadline, on
   * the thread of the last review to finish or of the scheduler's deadline task (so dependent
   * stages that take time belong on an executor of their own: use the {@code ...Async} methods).
   * Cancelling the future ends the run, interrupting the reviews still running.
   *
   * @throws InvalidValueException if an argument, or a key or value of {@code needs}, is null
   * @see #convene
   */
  public CompletableFuture<BoardResult> conveneAsync(
      ChangeRequest change, ChangeSnapshot snapshot, Map<RiskSurface, Requirement> needs) {
    return start(change, snapshot, needs).result();
  }

  private BoardRun start(
      ChangeRequest change, ChangeSnapshot snapshot, Map<RiskSurface, Requirement> needs) {
    Checks.present(ReviewBoard.class, "change", change);
    Checks.present(ReviewBoard.class, "snapshot", snapshot);
    Map<RiskSurface, Requirement> asked = Checks.map(ReviewBoard.class, "needs", needs);
    Instant convenedAt = clock.instant();
    Instant due = convenedAt.plus(deadline);
    Selection selection = Selection.choose(members, change.producer(), asked);
    List<ReviewRequest> requests = new ArrayList<>(selection.seats().size());
    for (Selection.Seat seat : selection.seats()) {
      requests.add(
          new ReviewRequest(change, seat.surface(), change.contentDigest(), snapshot, due));
    }
    BoardRun run =
        new BoardRun(
            change,
            selection,
            List.copyOf(requests),
            due,
            deadline,
            clock,
            executor,
            scheduler,
            retry);
    run.start();
    return run;
  }

  @Override
  public String toString() {
    return "ReviewBoard["
        + members.size()
        + " reviewers, deadline "
        + deadline
        + ", "
        + retry.maxAttempts()
        + " attempts]";
  }

  /**
   * Builds a {@link ReviewBoard}. Each setting may be given once; the reviewers and the deadline
   * are required. Not thread-safe; the board it builds is.
   */
  public static final class Builder {
    private final List<Reviewer> reviewers = new ArrayList<>();
    private @Nullable Executor executor;
    private @Nullable Scheduler scheduler;
    private @Nullable Clock clock;
    private @Nullable Duration deadline;
    private @Nullable RetryPolicy retry;

    private Builder() {}

    /**
     * Adds a reviewer the board may convene; its identity and surfaces are read once, when the
     * board is built.
     *
     * @throws InvalidValueException if {@code reviewer} is null
     */
    public Builder reviewer(Reviewer reviewer) {
      reviewers.add(
          Checks.present(ReviewBoard.class, "reviewers[" + reviewers.size() + "]", reviewer));
      return this;
    }

    /**
     * Adds reviewers the board may convene, in order.
     *
     * @throws InvalidValueException if {@code reviewers} or one of them is null
     */
    public Builder reviewers(Collection<? extends Reviewer> reviewers) {
      Checks.present(ReviewBoard.class, "reviewers", reviewers);
      for (Reviewer reviewer : reviewers) {
        reviewer(reviewer);
      }
      return this;
    }

    /**
     * The executor the reviews run on, one task per attempt; by default a pool of daemon threads
     * shared by the process, which grows with the reviews running at once and lets a thread go
     * after a minute idle. Reviews block (on a child process, on HTTP), so a pool given here needs
     * a thread per reviewer it should run at once; a task it refuses abstains as FAILED.
     *
     * @throws InvalidValueException if null or given already
     */
    public Builder executor(Executor executor) {
      once("executor", this.executor);
      this.executor = Checks.present(ReviewBoard.class, "executor", executor);
      return this;
    }

    /**
     * The scheduler of the deadline and of the waits before retries; by default {@link
     * Scheduler#system()}.
     *
     * @throws InvalidValueException if null or given already
     */
    public Builder scheduler(Scheduler scheduler) {
      once("scheduler", this.scheduler);
      this.scheduler = Checks.present(ReviewBoard.class, "scheduler", scheduler);
      return this;
    }

    /**
     * The clock the deadline and the verdicts' times are read from; by default the system's, in
     * UTC. Give the clock whose time the scheduler keeps.
     *
     * @throws InvalidValueException if null or given already
     */
    public Builder clock(Clock clock) {
      once("clock", this.clock);
      this.clock = Checks.present(ReviewBoard.class, "clock", clock);
      return this;
    }

    /**
     * How long after convening the board stops waiting; required.
     *
     * @throws InvalidValueException if null, not positive, longer than a day, or given already
     */
    public Builder deadline(Duration deadline) {
      once("deadline", this.deadline);
      Checks.present(ReviewBoard.class, "deadline", deadline);
      if (deadline.isNegative()
          || deadline.isZero()
          || deadline.compareTo(Duration.ofDays(1)) > 0) {
        throw new InvalidValueException(
            ReviewBoard.class, "deadline", "must be positive and at most a day", deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * How transient failures are retried; by default {@link RetryPolicy#defaults()}.
     *
     * @throws InvalidValueException if null or given already
     */
    public Builder retry(RetryPolicy retry) {
      once("retry", this.retry);
      this.retry = Checks.present(ReviewBoard.class, "retry", retry);
      return this;
    }

    /**
     * The board; reads each reviewer's identity and surfaces once.
     *
     * @throws InvalidValueException if no reviewer or no deadline was given, if a reviewer's
     *     identity or surfaces are missing or its {@code identity()} or {@code surfaces()} throws,
     *     or if two reviewers have the same id
     */
    public ReviewBoard build() {
      if (reviewers.isEmpty()) {
        throw new InvalidValueException(
            ReviewBoard.class, "reviewers", "must name at least one reviewer", 0);
      }
      Duration due = deadline;
      if (due == null) {
        throw new InvalidValueException(ReviewBoard.class, "deadline", "must be given", null);
      }
      List<Member> members = new ArrayList<>(reviewers.size());
      Map<String, Integer> ids = new HashMap<>();
      for (int i = 0; i < reviewers.size(); i++) {
        Member member = member(i, reviewers.get(i));
        Integer earlier = ids.putIfAbsent(member.identity().id(), i);
        if (earlier != null) {
          throw new InvalidValueException(
              ReviewBoard.class,
              "reviewers[" + i + "].identity.id",
              "must be unique, but reviewers[" + earlier + "] has it too",
              member.identity().id());
        }
        members.add(member);
      }
      members.sort(Comparator.comparing(m -> m.identity().id()));
      return new ReviewBoard(this, ImmutableList.copyOf(members), due);
    }

    private static Member member(int index, Reviewer reviewer) {
      String field = "reviewers[" + index + "]";
      @Nullable Agent identity;
      @Nullable Set<RiskSurface> surfaces;
      try {
        identity = reviewer.identity();
        surfaces = reviewer.surfaces();
      } catch (RuntimeException e) {
        throw new InvalidValueException(
            ReviewBoard.class,
            field,
            "must tell its identity and surfaces, but threw " + e,
            reviewer.getClass().getName());
      }
      Checks.present(ReviewBoard.class, field + ".identity", identity);
      Set<RiskSurface> covered =
          Checks.nonEmptySet(ReviewBoard.class, field + ".surfaces", surfaces);
      return new Member(reviewer, identity, covered);
    }

    private static void once(String setting, @Nullable Object current) {
      if (current != null) {
        throw new InvalidValueException(
            ReviewBoard.class, setting, "was set already, to " + current, current);
      }
    }
  }
}
