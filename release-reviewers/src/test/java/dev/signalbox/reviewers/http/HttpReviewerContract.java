package dev.signalbox.reviewers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract run of an HTTP reviewer: it passes the test kit's {@link ReviewerContract} (and the
 * module's {@link StrictReviewerContract}) against a real HTTP server on loopback that checks each
 * request against the vendor's documented shape and replays the vendor's fixtures: an answer that
 * approves, for every request (so that only the adapter stands between the model and an approval of
 * garbage); no answer at all, for the interruption check (interrupting once the server has the
 * request); and an error, for the failure check.
 */
abstract class HttpReviewerContract extends StrictReviewerContract {
  private final List<VendorServer> servers = new ArrayList<>();
  private @Nullable VendorServer approving;
  private @Nullable VendorServer hanging;

  /** The documented request shape the server checks every request against. */
  abstract Function<VendorServer.Recorded, List<String>> shape();

  /** The reviewer under test, asking {@code server}. */
  abstract Reviewer reviewer(VendorServer server);

  /** The fixture of an answer that approves. */
  abstract String approvalFixture();

  /** The fixture of an error answer. */
  abstract String failureFixture();

  private VendorServer server() {
    try {
      VendorServer server = VendorServer.start(shape());
      servers.add(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server that answers every request with an approval, started on first use. */
  private VendorServer approving() {
    VendorServer server = approving;
    if (server == null) {
      server = server().repeat(approvalFixture());
      approving = server;
    }
    return server;
  }

  @Override
  protected Reviewer reviewer() {
    return reviewer(approving());
  }

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
    return Optional.of(reviewer(server().repeat(failureFixture())));
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
