package dev.signalbox.reviewers.http;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.spi.Reviewer;
import java.util.List;
import java.util.function.Function;

/**
 * {@link OpenAiCompatibleReviewer} passes the reviewer contract against a loopback server that
 * checks the documented chat completions (HTTP 500 for the failure check) shape and replays the
 * vendor's fixtures (see {@link HttpReviewerContract}).
 */
class OpenAiCompatibleReviewerContractTest extends HttpReviewerContract {
  private static final Agent IDENTITY = new Agent("openai-contract", "gpt-5.4", "gpt", "op-q");

  @Override
  Function<VendorServer.Recorded, List<String>> shape() {
    return DocumentedShapes::openAi;
  }

  @Override
  Reviewer reviewer(VendorServer server) {
    return OpenAiCompatibleReviewer.builder(server.base().resolve("/v1"), "gpt-5.4")
        .identity(IDENTITY)
        .surfaces(RiskSurface.SECURITY, RiskSurface.DATA)
        .apiKey(DocumentedShapes.KEY)
        .build();
  }

  @Override
  String approvalFixture() {
    return "openai/approval.json";
  }

  @Override
  String failureFixture() {
    return "openai/error-500.json";
  }
}
