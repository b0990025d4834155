package dev.signalbox.reviewers.contract;

import static dev.signalbox.reviewers.testing.Fixtures.DIFF;
import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.builtin.SecretsReviewer;
import dev.signalbox.reviewers.http.AnthropicReviewer;
import dev.signalbox.reviewers.http.DocumentedShapes;
import dev.signalbox.reviewers.http.OpenAiCompatibleReviewer;
import dev.signalbox.reviewers.http.VendorServer;
import dev.signalbox.reviewers.process.ProcessReviewer;
import dev.signalbox.reviewers.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the testkit's ReviewerContract will ask of every adapter, checked here until it lands: a
 * verdict names the reviewer, the change, the surface and the content digest it was asked about; a
 * cancelled review throws {@link InterruptedException}; garbage never approves, it is a permanent
 * {@link ReviewFailure}.
 */
class AdaptersHonourTheReviewerContractTest {
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  private static void honoursTheContract(Reviewer reviewer, Reviewer garbage) throws Exception {
    for (RiskSurface surface : reviewer.surfaces()) {
      ReviewRequest request = Fixtures.request(surface, DIFF, NOW.plusSeconds(60));
      Verdict verdict = reviewer.review(request);

      assertThat(verdict.reviewer()).isEqualTo(reviewer.identity());
      assertThat(verdict.change()).isEqualTo(request.change().ref());
      assertThat(verdict.surface()).isEqualTo(surface);
      assertThat(verdict.contentDigest()).isEqualTo(request.contentDigest());
    }
    ReviewRequest request =
        Fixtures.request(reviewer.surfaces().iterator().next(), DIFF, NOW.plusSeconds(60));
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> reviewer.review(request)).isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
    if (garbage != reviewer) {
      assertThatThrownBy(() -> garbage.review(request))
          .isInstanceOfSatisfying(ReviewFailure.class, f -> assertThat(f.isTransient()).isFalse());
    }
  }

  @Test
  void staticReviewers() throws Exception {
    SecretsReviewer secrets = SecretsReviewer.create(REVIEWER, CLOCK);
    honoursTheContract(secrets, secrets);
  }

  @Test
  void processReviewer() throws Exception {
    String answer =
        "{\"protocol\":\"signalbox-review/1\",\"contentDigest\":\""
            + Fixtures.DIGEST.value()
            + "\",\"outcome\":\"APPROVE\",\"findings\":[]}";
    honoursTheContract(
        process(script("good.sh", "cat > /dev/null\nprintf '%s' '" + answer + "'")),
        process(script("garbage.sh", "cat > /dev/null\necho APPROVE")));
  }

  @Test
  void openAiCompatibleReviewer() throws Exception {
    try (VendorServer server = VendorServer.start(DocumentedShapes::openAi)) {
      server.replay(
          "openai/completion.json", "openai/completion.json", "openai/not-a-verdict.json");
      OpenAiCompatibleReviewer reviewer =
          OpenAiCompatibleReviewer.builder(server.base().resolve("/v1"), "gpt-5.4")
              .identity(REVIEWER)
              .surfaces(RiskSurface.SECURITY, RiskSurface.DATA)
              .apiKey(DocumentedShapes.KEY)
              .clock(CLOCK)
              .build();
      honoursTheContract(reviewer, reviewer);
      assertThatThrownBy(() -> reviewer.review(Fixtures.request(DIFF)))
          .isInstanceOfSatisfying(ReviewFailure.class, f -> assertThat(f.isTransient()).isFalse());
    }
  }

  @Test
  void anthropicReviewer() throws Exception {
    try (VendorServer server = VendorServer.start(DocumentedShapes::anthropic)) {
      server.replay("anthropic/message.json", "anthropic/not-a-verdict.json");
      AnthropicReviewer reviewer =
          AnthropicReviewer.builder(server.base(), "claude-sonnet-4-5")
              .identity(REVIEWER)
              .surfaces(RiskSurface.SECURITY)
              .apiKey(DocumentedShapes.KEY)
              .clock(CLOCK)
              .build();
      honoursTheContract(reviewer, reviewer);
      assertThatThrownBy(() -> reviewer.review(Fixtures.request(DIFF)))
          .isInstanceOfSatisfying(ReviewFailure.class, f -> assertThat(f.isTransient()).isFalse());
    }
  }

  private Path script(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private ProcessReviewer process(Path script) {
    return ProcessReviewer.builder(List.of("/bin/sh", script.toString()))
        .identity(REVIEWER)
        .surfaces(RiskSurface.SECURITY, RiskSurface.TESTS)
        .environment("PATH", "/usr/bin:/bin")
        .workRoot(dir.resolve("snapshots"))
        .clock(CLOCK)
        .build();
  }
}
