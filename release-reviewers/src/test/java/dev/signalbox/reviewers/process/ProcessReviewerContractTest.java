package dev.signalbox.reviewers.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.testing.StrictReviewerContract;
import dev.signalbox.testkit.contracts.ReviewerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcessReviewer} passes the test kit's {@link ReviewerContract} (and the module's {@link
 * StrictReviewerContract}) with real child processes: a shell script that approves whatever it is
 * sent, echoing the request's content digest; one that says through a named pipe that it is under
 * way, then sleeps for ten minutes (the interruption check interrupts it then); one that exits with
 * an error. The approving script makes the garbage checks bite: only the adapter stands between it
 * and an approval of a snapshot that is no diff or was cut short.
 */
class ProcessReviewerContractTest extends StrictReviewerContract {
  private static final Agent IDENTITY = new Agent("process-contract", "script", "shell", "op-q");

  @TempDir Path dir;

  private Reviewer reviewer(String name, String body) {
    Path script = dir.resolve(name);
    try {
      if (!Files.exists(script)) {
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ProcessReviewer.builder(List.of("/bin/sh", script.toString()))
        .identity(IDENTITY)
        .surfaces(RiskSurface.SECURITY, RiskSurface.CODE_QUALITY, RiskSurface.TESTS)
        .environment("PATH", "/usr/bin:/bin")
        .workRoot(dir.resolve("snapshots"))
        .build();
  }

  @Override
  protected Reviewer reviewer() {
    // the request is one line of JSON; its contentDigest (and the change's, the same) is echoed
    return reviewer(
        "approve.sh",
        """
        digest=$(sed -n 's/.*"contentDigest":"\\([0-9a-f]*\\)".*/\\1/p' | head -n 1)
        printf '{"protocol":"signalbox-review/1","contentDigest":"%s","outcome":"APPROVE",\
        "findings":[]}' "$digest"
        """);
  }

  @Override
  protected Optional<Reviewer> slowReviewer() {
    Path started = dir.resolve("started");
    try {
      int made = new ProcessBuilder("mkfifo", started.toString()).inheritIO().start().waitFor();
      assertThat(made).as("mkfifo %s", started).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    // says it is under way through a named pipe, then sleeps far past the cancellation bound
    return Optional.of(
        reviewer("sleep.sh", "cat > /dev/null\necho started > '" + started + "'\nsleep 600"));
  }

  /** The script has read the request and said so through the pipe; it is sleeping now. */
  @Override
  protected void awaitReviewUnderWay() throws InterruptedException {
    Path started = dir.resolve("started");
    // opening a pipe blocks until the writer opens it, so the read runs apart, bounded
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(started, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      assertThat(line.get(cancellationBound().toMillis(), TimeUnit.MILLISECONDS).strip())
          .isEqualTo("started");
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the slow reviewer did not get under way", e);
    }
  }

  @Override
  protected Optional<Reviewer> failingReviewer() {
    return Optional.of(
        reviewer("fail.sh", "cat > /dev/null\necho 'no model configured' >&2\nexit 3"));
  }

  /** Every snapshot directory was deleted, whatever the review ended in. */
  @AfterEach
  void noSnapshotIsLeftBehind() throws IOException {
    Path snapshots = dir.resolve("snapshots");
    if (Files.isDirectory(snapshots)) {
      try (var left = Files.list(snapshots)) {
        assertThat(left).isEmpty();
      }
    }
  }
}
