package dev.signalbox.reviewers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.testing.StrictReviewerContract;
import dev.signalbox.testkit.contracts.ReviewerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OpenAiCompatibleReviewer} passes the test kit's {@link ReviewerContract} (and the module's
 * {@link StrictReviewerContract}) against a real HTTP server on loopback that checks each request
 * against the documented chat completions shape and replays the vendor's fixtures: a completion
 * that approves, for every request (so that only the adapter stands between the model and an
 * approval of garbage); no answer at all, for the interruption check (interrupting once the server
 * has the request); and HTTP 500, for the failure check.
 */
class OpenAiCompatibleReviewerContractTest extends StrictReviewerContract {
  private static final Agent IDENTITY = new Agent("openai-contract", "gpt-5.4", "gpt", "op-q");

  private final List<VendorServer> servers = new ArrayList<>();
  private @Nullable VendorServer approving;

  private VendorServer server() {
    try {
      VendorServer server = VendorServer.start(DocumentedShapes::openAi);
      servers.add(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reviewer reviewer(VendorServer server) {
    return OpenAiCompatibleReviewer.builder(server.base().resolve("/v1"), "gpt-5.4")
        .identity(IDENTITY)
        .surfaces(RiskSurface.SECURITY, RiskSurface.DATA)
        .apiKey(DocumentedShapes.KEY)
        .build();
  }

  /** The server that answers every request with an approval, started on first use. */
  private VendorServer approving() {
    VendorServer server = approving;
    if (server == null) {
      server = server().repeat("openai/approval.json");
      approving = server;
    }
    return server;
  }

  @Override
  protected Reviewer reviewer() {
    return reviewer(approving());
  }

  private @Nullable VendorServer hanging;

  @Override
  protected Optional<Reviewer> slowReviewer() {
    VendorServer server = server().hang();
    hanging = server;
    return Optional.of(reviewer(server));
  }

  /** The model has been asked, and is not answering. */
  @Override
  protected void awaitReviewUnderWay() throws InterruptedException {
    VendorServer server = hanging;
    if (server != null) {
      server.awaitRequest(cancellationBound());
    }
  }

  @Override
  protected Optional<Reviewer> failingReviewer() {
    return Optional.of(reviewer(server().repeat("openai/error-500.json")));
  }

  /** No request departed from the documented shape, and each server is stopped. */
  @AfterEach
  void stop() {
    try {
      for (VendorServer server : servers) {
        assertThat(server.violations()).isEmpty();
      }
    } finally {
      servers.forEach(VendorServer::close);
    }
  }

  @Test
  void aSnapshotWithoutADiffIsRefusedBeforeTheModelIsAsked() {
    Reviewer reviewer = reviewer();
    for (ChangeSnapshot snapshot : garbage()) {
      if (!snapshot.diff().startsWith("diff --git")) {
        assertThatThrownBy(
                () ->
                    reviewer.review(
                        request(RiskSurface.SECURITY, ContentDigest.of("d".repeat(64)), snapshot)))
            .isInstanceOf(ReviewFailure.class);
      }
    }
    assertThat(approving().requests()).isEmpty();
  }
}
