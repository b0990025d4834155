package dev.signalbox.benchmarks;

import dev.signalbox.core.board.RetryPolicy;
import dev.signalbox.core.board.ReviewBoard;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Requirement;
import dev.signalbox.core.spi.Blob;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The review board's own overhead: convening 10 reviewers on one surface (a quorum of 10 from 3
 * model families) and returning their normalised verdicts, against {@code fanOut}, the same 10
 * reviews submitted by hand to the same thread pool and joined — the floor under any board that
 * runs reviewers in parallel. Each reviewer answers after {@code reviewMicros} of waiting (0: at
 * once; 2000: parked for 2 ms, as a reviewer blocked on I/O), so a method's time minus {@code
 * reviewMicros} is what it adds beyond the slowest reviewer.
 *
 * <p>{@code board} runs on a cached thread pool of the benchmark's, as a user would configure it;
 * {@code boardDefaultExecutor} on the board's default executor, the process's shared pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReviewBoardBenchmark {
  private static final int REVIEWERS = 10;
  private static final List<String> FAMILIES = List.of("claude", "gpt", "gemini");
  private static final Map<RiskSurface, Requirement> NEEDS =
      Map.of(RiskSurface.CODE_QUALITY, new Requirement(REVIEWERS, 3));

  /** How long each reviewer waits before it answers, in microseconds. */
  @Param({"0", "2000"})
  public long reviewMicros;

  private final ChangeRequest change = change();
  private final ChangeSnapshot snapshot =
      new ChangeSnapshot(
          "diff --git a/src/web/Page.java b/src/web/Page.java\n",
          Map.of(RepoPath.of("src/web/Page.java"), Blob.ofUtf8("class Page {}\n")),
          false);

  private List<Reviewer> reviewers = List.of();
  private ExecutorService pool = Executors.newCachedThreadPool();
  private ReviewBoard board =
      ReviewBoard.builder().reviewers(reviewers()).deadline(Duration.ofMinutes(1)).build();
  private ReviewBoard defaultExecutor = board;

  /** Creates the benchmark's state; JMH calls it. */
  public ReviewBoardBenchmark() {}

  /** Builds the reviewers, the pool and the two boards for this trial's {@code reviewMicros}. */
  @Setup(Level.Trial)
  public void setUp() {
    reviewers = reviewers();
    pool.shutdownNow();
    pool =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "benchmark-reviewer");
              thread.setDaemon(true);
              return thread;
            });
    board =
        ReviewBoard.builder()
            .reviewers(reviewers)
            .executor(pool)
            .deadline(Duration.ofMinutes(1))
            .retry(RetryPolicy.none())
            .build();
    defaultExecutor =
        ReviewBoard.builder()
            .reviewers(reviewers)
            .deadline(Duration.ofMinutes(1))
            .retry(RetryPolicy.none())
            .build();
  }

  /** Stops the pool. */
  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  /**
   * Convenes the board on the cached pool.
   *
   * @return its result, 10 approvals
   */
  @Benchmark
  public BoardResult board() {
    return board.convene(change, snapshot, NEEDS);
  }

  /**
   * Convenes the board on its default executor, the process's shared pool of reviewer threads.
   *
   * @return its result, 10 approvals
   */
  @Benchmark
  public BoardResult boardDefaultExecutor() {
    return defaultExecutor.convene(change, snapshot, NEEDS);
  }

  /**
   * The floor: the same 10 reviews, one request each, submitted to the same pool and joined.
   *
   * @return the 10 verdicts
   */
  @Benchmark
  public List<Verdict> fanOut() {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    List<CompletableFuture<Verdict>> futures = new ArrayList<>(REVIEWERS);
    for (Reviewer reviewer : reviewers) {
      ReviewRequest request =
          new ReviewRequest(
              change, RiskSurface.CODE_QUALITY, change.contentDigest(), snapshot, deadline);
      futures.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return reviewer.review(request);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              pool));
    }
    List<Verdict> verdicts = new ArrayList<>(REVIEWERS);
    for (CompletableFuture<Verdict> future : futures) {
      verdicts.add(future.join());
    }
    return verdicts;
  }

  private List<Reviewer> reviewers() {
    List<Reviewer> made = new ArrayList<>(REVIEWERS);
    for (int i = 0; i < REVIEWERS; i++) {
      String family = FAMILIES.get(i % FAMILIES.size());
      made.add(
          new Waiting(
              new Agent("reviewer-" + i, family + "-model", family, "op-review"), reviewMicros));
    }
    return made;
  }

  private static ChangeRequest change() {
    return ChangeRequest.builder(ChangeId.of("77"))
        .repository("acme/shop")
        .title("Tidy the page")
        .producer(new Agent("builder-1", "claude-sonnet", "claude", "op-alice"))
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
        .contentDigest(ContentDigest.of("c".repeat(64)))
        .changes(ChangeSet.of(FileChange.modified("src/web/Page.java", 3, 1)))
        .blastRadius(new BlastRadius(BlastLevel.LOW, Set.of("web"), Set.of(), Set.of()))
        .declaredScope(dev.signalbox.core.model.Scope.ofPaths("src/**"))
        .rollback(RollbackPlan.revert())
        .proposedAt(Instant.parse("2026-11-26T09:00:00Z"))
        .build();
  }

  /** A reviewer that waits a fixed time, parked, then approves. */
  private static final class Waiting implements Reviewer {
    private final Agent identity;
    private final long nanos;

    Waiting(Agent identity, long micros) {
      this.identity = identity;
      this.nanos = TimeUnit.MICROSECONDS.toNanos(micros);
    }

    @Override
    public Agent identity() {
      return identity;
    }

    @Override
    public Set<RiskSurface> surfaces() {
      return Set.of(RiskSurface.CODE_QUALITY);
    }

    @Override
    public Verdict review(ReviewRequest request) throws InterruptedException {
      long until = System.nanoTime() + nanos;
      for (long left = nanos; left > 0; left = until - System.nanoTime()) {
        LockSupport.parkNanos(left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
      return new Verdict(
          request.change().ref(),
          identity,
          request.surface(),
          VerdictOutcome.APPROVE,
          Optional.empty(),
          List.of(),
          request.contentDigest(),
          request.change().proposedAt());
    }
  }
}
