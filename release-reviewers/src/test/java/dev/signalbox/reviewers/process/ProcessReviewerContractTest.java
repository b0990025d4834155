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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcessReviewer} passes the test kit's {@link ReviewerContract} (and the module's {@link
 * StrictReviewerContract}) with real child processes: a shell script that approves whatever it is
 * sent, echoing the request's content digest; one that sleeps for ten minutes; one that exits with
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
    return Optional.of(reviewer("sleep.sh", "cat > /dev/null\nsleep 600"));
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
