package dev.signalbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.train.TrainPlan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planning benchmark measures what it says: every candidate boards, in chained groups. */
class TrainPlanningBenchmarkTest {
  @Test
  void everyCandidateBoardsAndTheHotPathsChainMergeGroups() {
    TrainPlanningBenchmark benchmark = new TrainPlanningBenchmark();
    benchmark.changes = 1000;
    benchmark.setUp();
    TrainPlan plan = benchmark.plan();
    assertThat(plan.train().cars()).hasSize(1000);
    assertThat(plan.train().carriedOver()).isEmpty();
    assertThat(plan.train().groups().size()).isBetween(2, 999);
  }

  @Test
  void theCandidatesTouchTwentyPathsOfTheTreeWithTwoHotOnes() {
    List<ChangeRequest> candidates = TrainPlanningBenchmark.candidates(200, 7);
    Set<String> all = new HashSet<>();
    for (ChangeRequest change : candidates) {
      List<String> paths =
          change.changes().files().stream().map(FileChange::path).map(p -> p.value()).toList();
      assertThat(paths).hasSize(20).doesNotHaveDuplicates();
      all.addAll(paths);
    }
    assertThat(all.size()).isGreaterThan(3000);
    assertThat(TrainPlanningBenchmark.path(0)).isEqualTo("src/d0/F0.java");
    assertThat(TrainPlanningBenchmark.path(199_999)).isEqualTo("src/d4999/F39.java");
  }
}
