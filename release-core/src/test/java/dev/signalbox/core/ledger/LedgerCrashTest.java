package dev.signalbox.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.signalbox.core.ledger.LedgerEvent.OutcomeRecorded;
import dev.signalbox.core.signing.Ed25519Signer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM appends to a real ledger file and is killed ({@code destroyForcibly}, SIGKILL)
 * right after its k-th acknowledgement, for k chosen by the generator; each time the ledger
 * reopens, verifies, and holds every value acknowledged so far, in each thread's order.
 */
class LedgerCrashTest {
  @TempDir Path dir;

  /**
   * A class-data archive of the appender's classes, written by a warm-up child that exits normally,
   * so that each of the hundred children after it starts in a fraction of the time; null where the
   * JVM wrote none (the children then start without it, only slower).
   */
  private @Nullable Path archive;

  /** The class path the children run with: the test's, its directories packed into jars. */
  private @Nullable String classPath;

  /**
   * Packs the directories of the test's class path into jars (a JVM archives classes only from
   * jars) and has a warm-up child write the class-data archive that later children share.
   */
  private void writeArchive() throws IOException, InterruptedException {
    List<String> entries = new ArrayList<>();
    int jars = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path jar = dir.resolve("classes-" + jars++ + ".jar");
        jar(path, jar);
        entries.add(jar.toString());
      } else {
        entries.add(entry);
      }
    }
    classPath = String.join(File.pathSeparator, entries);
    Path jsa = dir.resolve("appender.jsa");
    Process warmUp =
        command(dir.resolve("warm-up"), "warm-up", "-XX:ArchiveClassesAtExit=" + jsa, "20")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!warmUp.waitFor(120, TimeUnit.SECONDS)) {
      warmUp.destroyForcibly().waitFor();
      return;
    }
    if (warmUp.exitValue() == 0 && Files.isRegularFile(jsa)) {
      archive = jsa;
    }
  }

  private static void jar(Path directory, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(file)) {
          out.putNextEntry(
              new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    }
  }

  private ProcessBuilder command(
      Path directory, String run, @Nullable String archiveOption, String... more) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xmx64m",
            "-Xshare:auto"));
    if (archiveOption != null) {
      command.add(archiveOption);
    }
    String path = classPath;
    command.addAll(
        List.of(
            "-cp",
            path == null ? System.getProperty("java.class.path") : path,
            LedgerAppender.class.getName(),
            directory.toString(),
            run));
    command.addAll(List.of(more));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
  }

  private Process start(Path directory, String run) throws IOException {
    Path jsa = archive;
    return command(directory, run, jsa == null ? null : "-XX:SharedArchiveFile=" + jsa).start();
  }

  /** Reads the child's output until its k-th acknowledgement; returns the values acknowledged. */
  private static List<String> untilAcknowledged(Process child, int k) throws IOException {
    List<String> acknowledged = new ArrayList<>();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    while (acknowledged.size() < k) {
      String line = lines.readLine();
      if (line == null) {
        throw new AssertionError("the child ended before its " + k + "th acknowledgement");
      }
      if (line.startsWith("ACK ")) {
        acknowledged.add(line.substring(4));
      }
    }
    return acknowledged;
  }

  private static Ledger open(Path directory) {
    return Ledger.builder(Ledger.fileStore(directory))
        .checkpoints(Ed25519Signer.generate(), "signalbox.dev/crash-test")
        .open();
  }

  private static List<String> values(Ledger ledger) {
    return ledger
        .read(LedgerQuery.all())
        .map(entry -> ((OutcomeRecorded) entry.event()).detail())
        .toList();
  }

  /**
   * One kill: a child appends to the ledger in {@code directory} until its k-th acknowledgement and
   * is killed; the ledger then verifies and holds every value acknowledged in this directory so
   * far, each child thread's values in order.
   */
  private void killAfter(int k, Path directory, String run, List<String> acknowledged)
      throws IOException, InterruptedException {
    Process child = start(directory, run);
    try {
      acknowledged.addAll(untilAcknowledged(child, k));
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (Ledger ledger = open(directory)) {
      VerificationReport report = ledger.verify(List.of(ledger.checkpoint()));
      assertThat(report.problems()).as("run %s, k = %d", run, k).isEmpty();
      List<String> stored = values(ledger);
      assertThat(stored).as("run %s, k = %d", run, k).containsAll(acknowledged);
      for (String thread : List.of("-0-", "-1-")) {
        List<String> mine = acknowledged.stream().filter(v -> v.startsWith(run + thread)).toList();
        List<String> kept = stored.stream().filter(v -> v.startsWith(run + thread)).toList();
        assertThat(kept).as("run %s, k = %d", run, k).hasSizeGreaterThanOrEqualTo(mine.size());
        assertThat(kept.subList(0, mine.size())).as("run %s, k = %d", run, k).isEqualTo(mine);
      }
    }
  }

  /**
   * At least 100 distinct values of k, from the generator: the i-th is the sum of the first i steps
   * of 1 or 2. Three workers kill children side by side, each in a ledger of its own that the next
   * four children of that worker reopen (and so recover) after the one before was killed; then the
   * worker starts a new ledger, so that reopening stays cheap.
   */
  @Test
  void nothingAcknowledgedIsLostWhenTheWriterIsKilled() {
    qt().withExamples(1)
        .withShrinkCycles(0)
        .forAll(lists().of(integers().between(1, 2)).ofSize(100))
        .checkAssert(
            steps -> {
              List<Integer> ks = new ArrayList<>();
              int k = 0;
              for (int step : steps) {
                k += step;
                ks.add(k);
              }
              assertThat(ks).doesNotHaveDuplicates().hasSize(100);
              try {
                writeArchive();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
              }
              int workers = 3;
              ExecutorService pool = Executors.newFixedThreadPool(workers);
              try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                  int worker = w;
                  done.add(
                      pool.submit(
                          () -> {
                            List<String> acknowledged = new ArrayList<>();
                            Path directory = dir;
                            for (int i = worker; i < ks.size(); i += workers) {
                              if (i % (5 * workers) == worker) {
                                // a new ledger now and then keeps each reopening cheap
                                directory = dir.resolve("worker-" + worker + "-from-" + i);
                                acknowledged.clear();
                              }
                              killAfter(ks.get(i), directory, "w" + worker + "r" + i, acknowledged);
                            }
                            return null;
                          }));
                }
                for (Future<?> future : done) {
                  future.get();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
              } catch (ExecutionException e) {
                throw new AssertionError(e.getCause());
              } finally {
                pool.shutdownNow();
              }
            });
  }

  @Test
  void aSecondProcessCannotOpenTheLedgerWhileTheFirstHasIt() throws Exception {
    Process child = start(dir, "lock");
    try {
      untilAcknowledged(child, 1);
      assertThatThrownBy(() -> Ledger.fileStore(dir))
          .isInstanceOf(LedgerLockedException.class)
          .hasMessageContaining("another process has it open");
    } finally {
      child.destroyForcibly();
      child.waitFor(60, TimeUnit.SECONDS);
    }
    try (Ledger ledger = open(dir)) {
      assertThat(ledger.verify(List.of()).ok()).isTrue();
    }
  }
}
