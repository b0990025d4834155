package dev.signalbox.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.signalbox.core.ledger.LedgerEvent.OutcomeRecorded;
import dev.signalbox.core.signing.Ed25519Signer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM appends to a real ledger file and is killed ({@code destroyForcibly}, SIGKILL)
 * right after its k-th acknowledgement, for k chosen by the generator; each time the ledger
 * reopens, verifies, and holds every value acknowledged so far, in each thread's order. The runs
 * share one ledger, so each child also recovers what the one before left.
 */
class LedgerCrashTest {
  @TempDir Path dir;

  private static Process start(Path directory, String run) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path"),
            LedgerAppender.class.getName(),
            directory.toString(),
            run)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
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

  private Ledger open() {
    return Ledger.builder(Ledger.fileStore(dir))
        .checkpoints(Ed25519Signer.generate(), "signalbox.dev/crash-test")
        .open();
  }

  private static List<String> values(Ledger ledger) {
    return ledger
        .read(LedgerQuery.all())
        .map(entry -> ((OutcomeRecorded) entry.event()).detail())
        .toList();
  }

  @Test
  void nothingAcknowledgedIsLostWhenTheWriterIsKilled() {
    List<String> acknowledged = new ArrayList<>();
    AtomicInteger runs = new AtomicInteger();
    qt().withExamples(100)
        .withShrinkCycles(0)
        .forAll(integers().between(1, 40))
        .checkAssert(
            k -> {
              String run = "r" + runs.incrementAndGet();
              try {
                Process child = start(dir, run);
                try {
                  acknowledged.addAll(untilAcknowledged(child, k));
                } finally {
                  child.destroyForcibly();
                  assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
              }
              try (Ledger ledger = open()) {
                assertThat(ledger.verify(List.of(ledger.checkpoint())).ok()).isTrue();
                List<String> stored = values(ledger);
                assertThat(stored).containsAll(acknowledged);
                for (String thread : List.of("-0-", "-1-")) {
                  List<String> mine =
                      acknowledged.stream().filter(v -> v.contains(run + thread)).toList();
                  List<String> kept =
                      stored.stream().filter(v -> v.startsWith(run + thread)).toList();
                  assertThat(kept).startsWith(mine.toArray(new String[0]));
                }
              }
            });
    assertThat(runs.get()).isGreaterThanOrEqualTo(100);
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
    try (Ledger ledger = open()) {
      assertThat(ledger.verify(List.of()).ok()).isTrue();
    }
  }
}
