package dev.signalbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge benchmark measures what it says, on small repositories: its set-up checks that the
 * simulation, git and JGit give the train's trees on every step; each method then does its work.
 */
class MergeSimulationBenchmarkTest {
  @TempDir Path directory;

  @Test
  void everyWayOfMergingAgreesAndEachBenchmarkRuns() throws Exception {
    MergeSimulationBenchmark benchmark = new MergeSimulationBenchmark(200, 8);
    benchmark.setUp();
    try {
      assertThat(benchmark.signalbox().isClean()).isTrue();
      assertThat(benchmark.signalbox().steps()).hasSize(8);
      assertThat(benchmark.mergeTreeBatch()).hasSize(8);
      assertThat(benchmark.changeListing()).isNotNull();
      assertThat(benchmark.pathListing().toString()).contains(".java");
      assertThat(benchmark.jgitTreeWalk().toString()).contains(".java");
      benchmark.check();
      assertThat(looseObjects(benchmark)).as("objects left loose after the repack").isZero();
    } finally {
      benchmark.tearDown();
    }
  }

  /**
   * A real repository's history, made with git: commits that edit their own lines of a shared file
   * become topics; one that rewrites a line an earlier commit wrote cannot be cherry-picked onto
   * the base and is left out; the real repository is not written to.
   */
  @Test
  void takesTopicsFromARealRepositoryAndLeavesItUntouched() throws Exception {
    Path real = directory.resolve("real");
    Files.createDirectories(real);
    git(real, "init", "-q", "-b", "main");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lines.add("line " + i);
    }
    write(real, "shared.txt", lines);
    git(real, "add", "-A");
    git(real, "commit", "-q", "-m", "base");
    for (int c = 0; c < 10; c++) {
      if (c == 2) {
        lines.set(5, "edited again"); // depends on commit 0: does not apply to the base
        write(real, "shared.txt", lines);
        git(real, "commit", "-q", "-a", "-m", "again");
      }
      lines.set(c * 5 + 5, "edited by commit " + c);
      write(real, "shared.txt", lines);
      write(real, "own" + c + ".txt", List.of("file of commit " + c));
      git(real, "add", "-A");
      git(real, "commit", "-q", "-m", "commit " + c);
    }
    String refsBefore = git(real, "for-each-ref");
    String objectsBefore = git(real, "count-objects", "-v");

    MergeSimulationBenchmark benchmark = new MergeSimulationBenchmark(0, 8);
    benchmark.source = real.toString();
    benchmark.setUp();
    try {
      assertThat(benchmark.signalbox().isClean()).isTrue();
      assertThat(benchmark.signalbox().steps()).hasSize(8);
      assertThat(benchmark.mergeTreeBatch()).hasSize(8);
      assertThat(benchmark.changeListing().toString()).contains("shared.txt");
      assertThat(benchmark.pathListing().toString()).contains("shared.txt");
      assertThat(benchmark.topicReport).contains("1 that do not cherry-pick onto the base");
      assertThat(looseObjects(benchmark)).as("objects left loose after the repack").isZero();
    } finally {
      benchmark.tearDown();
    }
    assertThat(git(real, "for-each-ref")).isEqualTo(refsBefore);
    assertThat(git(real, "count-objects", "-v")).isEqualTo(objectsBefore);
  }

  /** How many loose objects the benchmark's repository holds, as git counts them. */
  private static int looseObjects(MergeSimulationBenchmark benchmark) throws Exception {
    String counts = git(benchmark.gitDir(), "count-objects", "-v");
    return Integer.parseInt(
        counts
            .lines()
            .filter(l -> l.startsWith("count: "))
            .findFirst()
            .orElseThrow()
            .substring("count: ".length())
            .strip());
  }

  private static void write(Path repository, String name, List<String> lines) throws IOException {
    Files.write(repository.resolve(name), lines, StandardCharsets.UTF_8);
  }

  private static String git(Path repository, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-C",
                repository.toString(),
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
    return output;
  }
}
