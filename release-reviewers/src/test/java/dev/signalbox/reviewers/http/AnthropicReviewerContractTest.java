package dev.signalbox.reviewers.http;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.spi.Reviewer;
import java.util.List;
import java.util.function.Function;

/**
 * {@link AnthropicReviewer} passes the reviewer contract against a loopback server that checks the
 * documented Messages API (HTTP 529, overloaded, for the failure check) shape and replays the
 * vendor's fixtures (see {@link HttpReviewerContract}).
 */
class AnthropicReviewerContractTest extends HttpReviewerContract {
  private static final Agent IDENTITY =
      new Agent("anthropic-contract", "claude-sonnet-4-5", "claude", "op-q");

  @Override
  Function<VendorServer.Recorded, List<String>> shape() {
    return DocumentedShapes::anthropic;
  }

  @Override
  Reviewer reviewer(VendorServer server) {
    return AnthropicReviewer.builder(server.base(), "claude-sonnet-4-5")
        .identity(IDENTITY)
        .surfaces(RiskSurface.SECURITY, RiskSurface.DATA)
        .apiKey(DocumentedShapes.KEY)
        .build();
  }

  @Override
  String approvalFixture() {
    return "anthropic/approval.json";
  }

  @Override
  String failureFixture() {
    return "anthropic/error-529.json";
  }
}
