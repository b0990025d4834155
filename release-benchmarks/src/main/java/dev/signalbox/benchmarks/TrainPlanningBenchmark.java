package dev.signalbox.benchmarks;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.policy.PolicyDefinition;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.train.TrainPlan;
import dev.signalbox.core.train.TrainPlanner;
import dev.signalbox.core.train.TrainSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What planning a train costs with 1,000, 10,000 and 100,000 candidates (issue 8): path-overlap
 * conflicts only (no version control), in a synthetic tree of 200,000 paths in 5,000 directories;
 * each change touches 20 paths, 90% drawn uniformly and 10% from a hot set of 500 paths, so the hot
 * paths chain many cars into later merge groups.
 *
 * <p>The policy is the default one with every built-in rule switched off, so every decision is SHIP
 * and the figure is the planner's own work: ordering, deciding, the path index, the merge groups
 * and the plan's values. The candidates are built once per trial, with a fixed seed.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainPlanningBenchmark {
  static final int PATHS = 200_000;
  static final int DIRECTORIES = 5_000;
  static final int HOT = 500;
  static final int PATHS_PER_CHANGE = 20;
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  /** How many candidates the train is planned from. */
  @Param({"1000", "10000", "100000"})
  public int changes = 10_000;

  private TrainPlanner planner = TrainPlanner.create(ReleasePolicy.defaults(), Optional.empty());
  private List<ChangeRequest> candidates = List.of();
  private final TrainSpec spec =
      TrainSpec.of(
          TrainId.of("bench"),
          Scope.everything(),
          NOW,
          "refs/heads/main",
          Revision.of("a".repeat(40)));
  private final ReleaseContext context = ReleaseContext.at(NOW);

  /** Creates the benchmark's state; JMH calls it, then {@link #setUp()}. */
  public TrainPlanningBenchmark() {}

  /** Builds the planner and the candidates. */
  @Setup
  public void setUp() {
    planner = TrainPlanner.create(shipEverything(), Optional.empty());
    candidates = candidates(changes, 42);
  }

  /** Plans one train from every candidate. */
  @Benchmark
  public TrainPlan plan() {
    return planner.plan(spec, candidates, context);
  }

  /** The default policy with every built-in rule switched off: every decision is SHIP. */
  static ReleasePolicy shipEverything() {
    PolicyDefinition d = ReleasePolicy.defaults().definition();
    return ReleasePolicy.loader()
        .load(
            new PolicyDefinition(
                "ship-everything",
                Set.of(
                    "rollback-plan",
                    "scope-drift",
                    "dependencies",
                    "review-quorum",
                    "fix-now",
                    "emergency",
                    "freeze",
                    "merge-window",
                    "error-budget",
                    "blast-radius-cap",
                    "acceptance-limits",
                    "evidence-freshness",
                    "separation-of-duties",
                    "approval-age"),
                d.rollback(),
                d.review(),
                d.emergency(),
                d.blastRadiusCaps(),
                d.roles(),
                d.custom()));
  }

  /**
   * The path numbered {@code index} of the synthetic tree: 40 files in each of 5,000 directories.
   */
  static String path(int index) {
    return "src/d" + (index % DIRECTORIES) + "/F" + (index / DIRECTORIES) + ".java";
  }

  /** {@code count} changes of 20 paths each, 10% of them from the hot set, from {@code seed}. */
  static List<ChangeRequest> candidates(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Agent producer = new Agent("builder-1", "claude-sonnet", "claude", "op-alice");
    Human owner = Human.of("alice", "Alice", "engineer");
    Revision base = Revision.of("a".repeat(40));
    List<ChangeRequest> candidates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Set<String> paths = new LinkedHashSet<>();
      while (paths.size() < PATHS_PER_CHANGE) {
        boolean hot = paths.size() < PATHS_PER_CHANGE / 10;
        paths.add(path(hot ? random.nextInt(HOT) * (PATHS / HOT) : random.nextInt(PATHS)));
      }
      List<FileChange> files = new ArrayList<>(PATHS_PER_CHANGE);
      paths.forEach(path -> files.add(FileChange.modified(path, 3, 1)));
      candidates.add(
          ChangeRequest.builder(ChangeId.of("c" + i))
              .repository("acme/monorepo")
              .title("Change " + i)
              .producer(producer)
              .owner(owner)
              .revisions(base, Revision.of(String.format("%040x", i + 1)))
              .contentDigest(ContentDigest.of(String.format("%064x", i + 1)))
              .changes(new ChangeSet(files))
              .blastRadius(BlastRadius.of(BlastLevel.LOW, "d" + (i % 50)))
              .declaredScope(Scope.everything())
              .rollback(RollbackPlan.revert())
              .proposedAt(NOW.minus(Duration.ofSeconds(count - i)))
              .build());
    }
    return List.copyOf(candidates);
  }
}
