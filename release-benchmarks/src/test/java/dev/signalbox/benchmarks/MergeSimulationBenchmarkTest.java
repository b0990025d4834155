package dev.signalbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The merge benchmark measures what it says, on a small repository: its set-up checks that the
 * simulation, git and JGit give the train's trees on every step; each method then does its work.
 */
class MergeSimulationBenchmarkTest {
  @Test
  void everyWayOfMergingAgreesAndEachBenchmarkRuns() throws Exception {
    MergeSimulationBenchmark benchmark = new MergeSimulationBenchmark(200, 8);
    benchmark.setUp();
    try {
      assertThat(benchmark.signalbox().isClean()).isTrue();
      assertThat(benchmark.signalbox().steps()).hasSize(8);
      assertThat(benchmark.mergeTreeBatch()).hasSize(8);
      assertThat(benchmark.changeListing()).isNotNull();
      benchmark.check();
    } finally {
      benchmark.tearDown();
    }
  }
}
