package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerQuery;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.train.Departure;
import dev.signalbox.core.train.TrainPlan;
import dev.signalbox.core.train.TrainPlanner;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's departure crash test, across processes: a child JVM ({@link DepartureCrashChild})
 * departs a train on a real repository with the real file ledger and halts itself right after one
 * named step — the intent entry, each merge commit's objects, each compare-and-swap of the branch,
 * each batch of entries — leaving the files as a kill -9 would. This JVM then resumes the departure
 * and must end with every ref of the repository as the uninterrupted departure left them (the
 * branch at the same commit, nothing else moved), and the ledger holding the same entries with the
 * same hashes (so the same bytes, chained the same way), as a child that departed uninterrupted.
 *
 * <p>The ledger halts are after each batch of entries the departure appends, not between the
 * entries of one batch. That covers a halt after each entry: {@code FileLedgerStore.append} makes a
 * batch durable as one unit (its end marker is written only after all its records are forced), so a
 * halt inside a batch leaves the ledger as a halt before it — which is the halt after the step
 * before.
 *
 * <p>A child's output goes to a file, and a child that does not end within {@value
 * #CHILD_TIMEOUT_SECONDS} s is destroyed and fails the test, so a hung child cannot hang the build.
 */
class DepartureCrashTest {
  private static final List<String> STEPS =
      List.of(
          "intent",
          "objects-1",
          "objects-2",
          "ref-1",
          "shipped-1",
          "objects-3",
          "ref-2",
          "shipped-2",
          "deferred",
          "departed");

  /** How long a child may take before it is destroyed and the test fails. */
  private static final long CHILD_TIMEOUT_SECONDS = 120;

  @TempDir Path directory;

  /** What a child printed and how it ended. */
  private record Run(int exit, List<String> steps, List<String> lines) {}

  /** Runs a child departing the fixture in {@code at}, halting after {@code haltAfter}. */
  private static Run child(Path at, String haltAfter) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xshare:auto",
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            DepartureCrashChild.class.getName(),
            at.resolve("repo").toString(),
            at.resolve("ledger").toString(),
            haltAfter));
    // the output goes to a file, not a pipe: a child that hangs cannot hang this JVM in a read,
    // and the wait below gives up on it
    Path output = at.resolve("child-" + haltAfter + ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "the child departing "
                + at
                + " (halting after "
                + haltAfter
                + ") did not end within "
                + CHILD_TIMEOUT_SECONDS
                + " s and was destroyed; it printed: "
                + Files.readString(output, StandardCharsets.UTF_8));
      }
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      List<String> steps = new ArrayList<>();
      lines.stream()
          .filter(line -> line.startsWith("STEP "))
          .forEach(line -> steps.add(line.substring(5)));
      return new Run(process.exitValue(), steps, lines);
    } finally {
      process.destroyForcibly();
    }
  }

  /** The file that reads as empty: the child's standard input. */
  private static File nullFile() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static List<LedgerEntry> entries(Path ledgerDirectory) {
    try (Ledger ledger = DepartureCrashChild.ledger(Ledger.fileStore(ledgerDirectory));
        Stream<LedgerEntry> entries = ledger.read(LedgerQuery.all())) {
      assertThat(ledger.verify(List.of()).problems()).isEmpty();
      return entries.toList();
    }
  }

  /** A repository with the fixture's base on main, for a child to depart from. */
  private static void prepare(Path at) {
    try (TrainFixture f = TrainFixture.create(at.resolve("repo"))) {
      assertThat(f.vcs.ref(TrainFixture.MAIN)).contains(f.base);
    }
  }

  @Test
  void aDepartureKilledAfterAnyStepResumesToTheUninterruptedOne() throws Exception {
    Path clean = directory.resolve("uninterrupted");
    prepare(clean);
    Run whole = child(clean, "none");
    assertThat(whole.exit()).as("%s", whole.lines()).isZero();
    assertThat(whole.steps()).isEqualTo(STEPS);
    Revision expectedHead;
    Map<String, String> expectedRefs;
    try (TrainFixture f = TrainFixture.reopen(clean.resolve("repo"))) {
      expectedHead = f.vcs.ref(TrainFixture.MAIN).orElseThrow();
      expectedRefs = f.refs();
    }
    assertThat(expectedRefs).containsEntry(TrainFixture.MAIN, expectedHead.commit());
    assertThat(whole.lines()).contains("DEPARTED " + expectedHead.commit());
    List<LedgerEntry> expected = entries(clean.resolve("ledger"));
    assertThat(expected).hasSize(1 + 3 + 1 + 1);

    // two children at a time, each in a directory of its own
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String step : STEPS) {
        done.add(
            pool.submit(
                () -> {
                  haltAndResume(step, expectedHead, expectedRefs, expected);
                  return null;
                }));
      }
      for (Future<?> future : done) {
        try {
          future.get();
        } catch (ExecutionException e) {
          throw new AssertionError(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A child halted after {@code step}, then the departure resumed here: it ends at {@code
   * expectedHead}, with the repository's refs {@code expectedRefs} and the ledger holding {@code
   * expected}.
   */
  private void haltAndResume(
      String step,
      Revision expectedHead,
      Map<String, String> expectedRefs,
      List<LedgerEntry> expected)
      throws IOException, InterruptedException {
    Path at = directory.resolve("halt-after-" + step);
    prepare(at);
    Run halted = child(at, step);
    assertThat(halted.exit())
        .as("halted after %s: %s", step, halted.lines())
        .isEqualTo(DepartureCrashChild.HALTED);
    assertThat(halted.steps()).isEqualTo(STEPS.subList(0, STEPS.indexOf(step) + 1));
    try (TrainFixture f = TrainFixture.reopen(at.resolve("repo"))) {
      TrainPlan plan = f.planFour(f.fourChanges());
      try (Ledger ledger = DepartureCrashChild.ledger(Ledger.fileStore(at.resolve("ledger")))) {
        Departure resumed =
            TrainPlanner.create(TrainFixture.lenientPolicy(), Optional.of(f.vcs))
                .depart(plan, f.vcs, ledger, ReleaseCalendar.empty(), TrainFixture.CLOCK);
        assertThat(resumed.departed()).isTrue();
        assertThat(resumed.head()).as("halted after %s", step).isEqualTo(expectedHead);
      }
      assertThat(f.vcs.ref(TrainFixture.MAIN)).contains(expectedHead);
      assertThat(f.refs()).as("halted after %s", step).isEqualTo(expectedRefs);
    }
    assertThat(entries(at.resolve("ledger"))).as("halted after %s", step).isEqualTo(expected);
  }
}
