package dev.signalbox.reviewers.http;

import static dev.signalbox.reviewers.http.DocumentedShapes.KEY;
import static dev.signalbox.reviewers.testing.Fixtures.DIFF;
import static dev.signalbox.reviewers.testing.Fixtures.DIGEST;
import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static dev.signalbox.reviewers.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Messages API adapter against a loopback server replaying Anthropic's documented shapes. */
class AnthropicReviewerTest {
  private VendorServer server;

  @BeforeEach
  void start() throws Exception {
    server = VendorServer.start(DocumentedShapes::anthropic);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AnthropicReviewer reviewer() {
    return AnthropicReviewer.builder(server.base(), "claude-sonnet-4-5")
        .identity(REVIEWER)
        .surfaces(RiskSurface.SECURITY, RiskSurface.CODE_QUALITY)
        .apiKey(KEY)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .maxTokens(2048)
        .build();
  }

  private ReviewFailure failure(String fixture) {
    server.replay(fixture);
    try {
      reviewer().review(request(DIFF));
    } catch (ReviewFailure f) {
      assertThat(server.violations()).isEmpty();
      return f;
    } catch (Exception e) {
      throw new AssertionError("expected a ReviewFailure", e);
    }
    throw new AssertionError("expected a ReviewFailure for " + fixture);
  }

  @Test
  void aMessageBecomesAVerdictBoundToTheRequest() throws Exception {
    server.replay("anthropic/message.json");

    Verdict verdict = reviewer().review(request(DIFF));

    assertThat(server.violations()).isEmpty();
    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.REJECT);
    assertThat(verdict.reviewer()).isEqualTo(REVIEWER);
    assertThat(verdict.contentDigest()).isEqualTo(DIGEST);
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo("integer-overflow"));
    JsonNode body = server.requests().get(0).body();
    assertThat(body.get("max_tokens").asInt()).isEqualTo(2048);
    assertThat(body.get("system").asString()).contains("SECURITY");
    assertThat(body.get("messages").get(0).get("content").asString())
        .contains(
            "BEGIN "
                + ReviewPrompt.marker(DIFF, DIGEST.value())
                + "\nTitle: Fix checkout totals\n\n"
                + DIFF);
  }

  @Test
  void aRefusalIsADeclinedAbstention() throws Exception {
    server.replay("anthropic/refusal.json");

    Verdict verdict = reviewer().review(request(DIFF));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.ABSTAIN);
    assertThat(verdict.abstention().orElseThrow().cause()).isEqualTo(AbstainCause.DECLINED);
  }

  @Test
  void interruptionAbandonsTheRequestPromptly() throws Exception {
    server.hang();
    AnthropicReviewer reviewer = reviewer();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread board =
        new Thread(
            () -> {
              try {
                reviewer.review(request(DIFF));
                thrown.complete(new AssertionError("returned"));
              } catch (Throwable t) {
                thrown.complete(t);
              }
            });
    board.start();
    server.awaitRequest(); // the review is under way: the model has been asked

    board.interrupt();

    assertThat(thrown.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
  }

  @Test
  void maxTokensIsPermanent() {
    ReviewFailure f = failure("anthropic/max-tokens.json");
    assertThat(f.isTransient()).isFalse();
    assertThat(f).hasMessageContaining("max_tokens");
  }

  @Test
  void anAnswerThatIsNotAVerdictIsPermanent() {
    ReviewFailure f = failure("anthropic/not-a-verdict.json");
    assertThat(f.isTransient()).isFalse();
    assertThat(f).hasMessageContaining("$.outcome");
  }

  @Test
  void aRateLimitIsTransientWithItsRetryAfter() {
    ReviewFailure f = failure("anthropic/error-429.json");
    assertThat(f.isTransient()).isTrue();
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(12));
  }

  @Test
  void overloadedIsTransient() {
    ReviewFailure f = failure("anthropic/error-529.json");
    assertThat(f.isTransient()).isTrue();
    assertThat(f).hasMessageContaining("529").hasMessageContaining("Overloaded");
  }

  @Test
  void aBadKeyIsPermanent() {
    ReviewFailure f = failure("anthropic/error-401.json");
    assertThat(f.isTransient()).isFalse();
    assertThat(f).hasMessageContaining("invalid x-api-key").hasMessageNotContaining(KEY);
  }

  @Test
  void aSurfaceItDoesNotReviewIsRefusedWithoutACall() {
    assertThatThrownBy(
            () -> reviewer().review(request(RiskSurface.DATA, DIFF, NOW.plusSeconds(60))))
        .isInstanceOfSatisfying(ReviewFailure.class, f -> assertThat(f.isTransient()).isFalse())
        .hasMessageContaining("DATA");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aPassedDeadlineMakesNoCall() {
    assertThatThrownBy(() -> reviewer().review(request(RiskSurface.SECURITY, DIFF, NOW)))
        .isInstanceOf(ReviewFailure.class)
        .hasMessageContaining("deadline");
    assertThat(server.requests()).isEmpty();
  }
}
