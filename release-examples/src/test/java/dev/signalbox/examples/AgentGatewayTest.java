package dev.signalbox.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.policy.ReleasePolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The gateway answers JSON with JSON and an exit status, and lists every problem of bad input. */
class AgentGatewayTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();

  @Test
  void answersAChangeRequestWithItsDecisionAsJson() {
    Examples.Output out = new Examples.Output();
    int status = AgentGateway.run(Examples.change815(), NOW, POLICY, out.stream());

    Decision decision = DocumentCodec.json().read(out.text(), Decision.class);
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(decision.policyDigest()).isEqualTo(POLICY.digest());
    assertThat(decision.reasons()).extracting(r -> r.rule()).contains("review-quorum");
    assertThat(status).isEqualTo(10);
  }

  @Test
  void listsEveryProblemOfADocumentThatIsNotAChangeRequest() {
    String broken =
        Examples.change815()
            .replace("\"securityFix\": false", "\"securityFix\": \"no\"")
            .replace("\"linesAdded\": 14", "\"linesAdded\": -1");
    Examples.Output out = new Examples.Output();
    int status = AgentGateway.run(broken, NOW, POLICY, out.stream());

    JsonNode error = new ObjectMapper().readTree(out.text());
    assertThat(status).isEqualTo(AgentGateway.INVALID_INPUT);
    assertThat(error.get("error").asString()).isEqualTo("not a change request");
    assertThat(error.get("problems").findValuesAsString("path"))
        .containsExactlyInAnyOrder("$.changes.files[0].linesAdded", "$.securityFix");
  }
}
