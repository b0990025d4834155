package dev.signalbox.core.board;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.board.Selection.Seat;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.trust.TrustedValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One sitting of the board for one change: the seats' reviews running in parallel, their retries,
 * and the one deadline, until every seat has a verdict or the deadline has passed.
 *
 * <p>Every seat ends with exactly one verdict: the first of its answer (normalised), its last
 * failure (as an abstention), or the deadline (TIMED_OUT) or a cancellation (CANCELLED), whichever
 * comes first; later outcomes are dropped. The state is guarded by this object's monitor, which is
 * never held while calling the executor, the scheduler or a reviewer, so that no reviewer can hold
 * up the deadline.
 */
final class BoardRun {
  private final ChangeRequest change;
  private final Selection selection;
  private final List<ReviewRequest> requests;
  private final Instant deadline;
  private final Duration allowed;
  private final Clock clock;
  private final Executor executor;
  private final Scheduler scheduler;
  private final RetryPolicy retry;
  private final CompletableFuture<BoardResult> result = new CompletableFuture<>();

  // guarded by this
  private final Map<Integer, Verdict> settled = new HashMap<>();
  private final Map<Integer, Attempt> running = new HashMap<>();
  private final Map<Integer, String> lastTransient = new HashMap<>();
  private final List<Scheduler.Scheduled> timers = new ArrayList<>();
  private boolean closed;

  BoardRun(
      ChangeRequest change,
      Selection selection,
      List<ReviewRequest> requests,
      Instant deadline,
      Duration allowed,
      Clock clock,
      Executor executor,
      Scheduler scheduler,
      RetryPolicy retry) {
    this.change = change;
    this.selection = selection;
    this.requests = requests;
    this.deadline = deadline;
    this.allowed = allowed;
    this.clock = clock;
    this.executor = executor;
    this.scheduler = scheduler;
    this.retry = retry;
  }

  /** The run's result, complete by the deadline. */
  CompletableFuture<BoardResult> result() {
    return result;
  }

  /** Schedules the deadline and submits the first attempt of every seat. */
  void start() {
    if (requests.isEmpty()) {
      close(null, "");
      return;
    }
    // the callback's own future is of no use: a cancelled result has nothing left to report
    CompletableFuture<BoardResult> unused =
        result.whenComplete(
            (done, failure) -> {
              if (failure != null) {
                cancel("the board's run was cancelled by its caller");
              }
            });
    timer(Duration.between(clock.instant(), deadline), this::deadlinePassed);
    for (int seat = 0; seat < requests.size(); seat++) {
      submit(seat, 1);
    }
  }

  /** Ends the run now: every seat without a verdict abstains as CANCELLED for {@code why}. */
  void cancel(String why) {
    close(AbstainCause.CANCELLED, why);
  }

  private void deadlinePassed() {
    close(AbstainCause.TIMED_OUT, "");
  }

  private void submit(int seat, int attempt) {
    Attempt next = new Attempt(seat, attempt);
    synchronized (this) {
      if (closed || settled.containsKey(seat)) {
        return;
      }
      running.put(seat, next);
    }
    try {
      executor.execute(next);
    } catch (RuntimeException refused) {
      settle(
          seat,
          attempt,
          Normalisation.abstain(
              requests.get(seat),
              member(seat).identity(),
              clock.instant(),
              AbstainCause.FAILED,
              "the board's executor refused the review: " + Normalisation.message(refused)));
    }
  }

  /** Schedules {@code task}, keeping the handle to cancel it when the run closes. */
  private void timer(Duration delay, Runnable task) {
    Scheduler.Scheduled scheduled = scheduler.schedule(delay, task);
    boolean cancel;
    synchronized (this) {
      cancel = closed;
      if (!cancel) {
        timers.add(scheduled);
      }
    }
    if (cancel) {
      scheduled.cancel();
    }
  }

  private void answered(int seat, int attempt, @Nullable Verdict answer) {
    Instant now = clock.instant();
    ReviewRequest request = requests.get(seat);
    Verdict verdict =
        now.isAfter(deadline)
            ? Normalisation.abstain(
                request, member(seat).identity(), now, AbstainCause.TIMED_OUT, late(now))
            : Normalisation.answer(request, member(seat).identity(), answer, now);
    settle(seat, attempt, verdict);
  }

  private void failed(int seat, int attempt, Throwable failure) {
    Instant now = clock.instant();
    ReviewRequest request = requests.get(seat);
    if (now.isAfter(deadline)) {
      settle(
          seat,
          attempt,
          Normalisation.abstain(
              request,
              member(seat).identity(),
              now,
              AbstainCause.TIMED_OUT,
              "no verdict by the deadline " + deadline + "; the review failed at " + now));
      return;
    }
    if (failure instanceof ReviewFailure review && review.isTransient()) {
      String because = Normalisation.message(review);
      if (attempt >= retry.maxAttempts()) {
        settle(
            seat,
            attempt,
            abstainFailed(
                seat,
                now,
                "transient failure on attempt "
                    + attempt
                    + ", the last of "
                    + retry.maxAttempts()
                    + ": "
                    + because));
        return;
      }
      Duration wait = retry.backoff(attempt);
      Duration told = review.retryAfter().orElse(Duration.ZERO);
      if (told.compareTo(wait) > 0) {
        wait = told;
      }
      Instant at = now.plus(wait);
      if (!at.isBefore(deadline)) {
        settle(
            seat,
            attempt,
            abstainFailed(
                seat,
                now,
                "transient failure on attempt "
                    + attempt
                    + ": "
                    + because
                    + "; no retry: after a wait of "
                    + wait
                    + " it would start at "
                    + at
                    + ", not before the deadline "
                    + deadline));
        return;
      }
      synchronized (this) {
        if (closed || settled.containsKey(seat)) {
          return;
        }
        running.remove(seat);
        lastTransient.put(
            seat, "attempt " + attempt + " failed transiently at " + now + ": " + because);
      }
      timer(wait, () -> submit(seat, attempt + 1));
      return;
    }
    settle(
        seat,
        attempt,
        Normalisation.failure(request, member(seat).identity(), failure, attempt, now));
  }

  private Verdict abstainFailed(int seat, Instant now, String detail) {
    return Normalisation.abstain(
        requests.get(seat), member(seat).identity(), now, AbstainCause.FAILED, detail);
  }

  private String late(Instant now) {
    return "answered at " + now + ", after the deadline " + deadline;
  }

  /** Records {@code verdict} for {@code seat} unless it has one or the run is closed. */
  private void settle(int seat, int attempt, Verdict verdict) {
    List<Scheduler.Scheduled> cancel;
    synchronized (this) {
      Attempt current = running.get(seat);
      if (closed || settled.containsKey(seat) || (current != null && current.attempt != attempt)) {
        return;
      }
      running.remove(seat);
      settled.put(seat, verdict);
      if (settled.size() < requests.size()) {
        return;
      }
      closed = true;
      cancel = List.copyOf(timers);
      timers.clear();
    }
    cancel.forEach(Scheduler.Scheduled::cancel);
    complete();
  }

  /**
   * Closes the run: each seat without a verdict abstains with {@code cause} (none when every seat
   * has one), stragglers are interrupted, timers cancelled and the result completed.
   */
  private void close(@Nullable AbstainCause cause, String why) {
    List<Attempt> stragglers;
    List<Scheduler.Scheduled> cancel;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (cause != null) {
        Instant now = clock.instant();
        for (int seat = 0; seat < requests.size(); seat++) {
          if (!settled.containsKey(seat)) {
            settled.put(seat, unfinished(seat, cause, why, now));
          }
        }
      }
      stragglers = List.copyOf(running.values());
      running.clear();
      cancel = List.copyOf(timers);
      timers.clear();
    }
    cancel.forEach(Scheduler.Scheduled::cancel);
    stragglers.forEach(Attempt::cancel);
    complete();
  }

  /** Guarded by this. */
  private Verdict unfinished(int seat, AbstainCause cause, String why, Instant now) {
    String detail =
        cause == AbstainCause.TIMED_OUT
            ? "no verdict by the deadline "
                + deadline
                + " ("
                + allowed
                + " after the board convened)"
            : why;
    String transientFailure = lastTransient.get(seat);
    if (transientFailure != null) {
      detail = detail + "; " + transientFailure;
    }
    return Normalisation.abstain(requests.get(seat), member(seat).identity(), now, cause, detail);
  }

  private void complete() {
    ImmutableList.Builder<TrustedVerdict> verdicts = ImmutableList.builder();
    synchronized (this) {
      for (int seat = 0; seat < requests.size(); seat++) {
        Verdict verdict = settled.get(seat);
        if (verdict != null) {
          verdicts.add(TrustedValues.fromBoard(verdict));
        }
      }
    }
    result.complete(
        TrustedValues.board(
            change.ref(), change.contentDigest(), verdicts.build(), selection.notes()));
  }

  private Member member(int seat) {
    return seat(seat).member();
  }

  private Seat seat(int seat) {
    return selection.seats().get(seat);
  }

  /** One attempt at one seat's review, run on the board's executor; cancelled by interruption. */
  private final class Attempt implements Runnable {
    final int seat;
    final int attempt;

    // guarded by this
    private @Nullable Thread runner;
    private boolean cancelled;
    private boolean interrupted;

    Attempt(int seat, int attempt) {
      this.seat = seat;
      this.attempt = attempt;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (cancelled) {
          return;
        }
        runner = Thread.currentThread();
      }
      @Nullable Verdict answer = null;
      @Nullable Throwable failure = null;
      try {
        answer = member(seat).reviewer().review(requests.get(seat));
      } catch (Throwable thrown) { // a reviewer's every failure becomes an abstention
        failure = thrown;
      } finally {
        synchronized (this) {
          runner = null;
          if (interrupted) {
            // the board interrupted this thread: clear it before the executor reuses the thread
            boolean unused = Thread.interrupted();
          }
        }
      }
      if (failure == null) {
        answered(seat, attempt, answer);
      } else {
        failed(seat, attempt, failure);
        if (failure instanceof VirtualMachineError error
            && !(failure instanceof StackOverflowError)) {
          throw error;
        }
      }
    }

    /** Stops the attempt: it will not start, or its thread is interrupted. */
    void cancel() {
      synchronized (this) {
        cancelled = true;
        Thread thread = runner;
        if (thread != null) {
          interrupted = true;
          thread.interrupt();
        }
      }
    }
  }
}
