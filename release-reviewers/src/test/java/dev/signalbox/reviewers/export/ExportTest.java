package dev.signalbox.reviewers.export;

import static dev.signalbox.reviewers.testing.Fixtures.DIGEST;
import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.testkit.generators.ModelGenerators;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SARIF 2.1.0 and rdjsonl exports, validated against the published JSON Schemas. */
class ExportTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ChangeRef CHANGE = ChangeRef.of("acme/shop", "42");
  private static final Agent OTHER = new Agent("deps-bot", "claude-sonnet-4.5", "claude", "rita");

  private static Verdict verdict(Agent reviewer, VerdictOutcome outcome, Finding... findings) {
    return new Verdict(
        CHANGE,
        reviewer,
        RiskSurface.SECURITY,
        outcome,
        Optional.empty(),
        List.of(findings),
        DIGEST,
        NOW);
  }

  private static final Finding SECRET =
      new Finding(
          Optional.of(RepoPath.of("src/app/Config.java")),
          Optional.of(new LineRange(10, 12)),
          Severity.CRITICAL,
          Advice.FIX_NOW,
          "secret-aws-access-key",
          "adds what looks like an AWS access key id",
          Optional.of("remove it and revoke it"),
          0.9);
  private static final Finding ODD_PATH =
      new Finding(
          Optional.of(RepoPath.of("docs/café menu #1.md")),
          Optional.empty(),
          Severity.MEDIUM,
          Advice.MAY_DEFER,
          "hidden-unicode",
          "adds an invisible character",
          Optional.empty(),
          0.5);
  private static final Finding WHOLE =
      new Finding(
          Optional.empty(),
          Optional.empty(),
          Severity.LOW,
          Advice.FYI,
          "size-lines",
          "changes 500 lines",
          Optional.empty(),
          1.0);

  private static List<Verdict> sample() {
    return List.of(
        verdict(REVIEWER, VerdictOutcome.REJECT, SECRET, ODD_PATH),
        verdict(OTHER, VerdictOutcome.APPROVE, WHOLE),
        Verdict.abstain(
            CHANGE,
            OTHER,
            RiskSurface.DEPENDENCIES,
            DIGEST,
            NOW,
            AbstainCause.TIMED_OUT,
            "no answer within 30s"));
  }

  @Test
  void sarifValidatesAgainstThePublishedSchemaAndSaysWhatWasFound() {
    JsonNode log = JSON.readTree(Sarif.write(sample()));

    assertThat(PublishedSchemas.problems(PublishedSchemas.SARIF, log)).isEmpty();
    assertThat(log.get("version").asString()).isEqualTo("2.1.0");
    assertThat(log.get("runs")).hasSize(2);
    JsonNode first = log.get("runs").get(0);
    assertThat(first.get("tool").get("driver").get("name").asString()).isEqualTo("sec-bot");
    JsonNode secret = first.get("results").get(0);
    assertThat(secret.get("ruleId").asString()).isEqualTo("secret-aws-access-key");
    assertThat(secret.get("level").asString()).isEqualTo("error");
    JsonNode physical = secret.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asString())
        .isEqualTo("src/app/Config.java");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(10);
    assertThat(physical.get("region").get("endLine").asInt()).isEqualTo(12);
    assertThat(secret.get("message").get("text").asString()).contains("remove it and revoke it");
    assertThat(secret.get("properties").get("advice").asString()).isEqualTo("FIX_NOW");
    assertThat(
            first
                .get("results")
                .get(1)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asString())
        .isEqualTo("docs/caf%C3%A9%20menu%20%231.md");
    JsonNode second = log.get("runs").get(1);
    assertThat(second.get("results").get(0).has("locations")).isFalse();
    JsonNode invocation = second.get("invocations").get(0);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    assertThat(
            invocation
                .get("toolExecutionNotifications")
                .get(0)
                .get("message")
                .get("text")
                .asString())
        .contains("TIMED_OUT")
        .contains("no answer within 30s");
  }

  @Test
  void rdjsonlLinesValidateAgainstReviewdogsDiagnosticSchema() {
    String rdjsonl = Rdjsonl.write(sample());

    List<String> lines = Arrays.asList(rdjsonl.split("\n", -1));
    assertThat(lines).hasSize(4).endsWith("");
    for (String line : lines.subList(0, 3)) {
      assertThat(
              PublishedSchemas.problems(PublishedSchemas.REVIEWDOG_DIAGNOSTIC, JSON.readTree(line)))
          .isEmpty();
    }
    JsonNode secret = JSON.readTree(lines.get(0));
    assertThat(secret.get("location").get("path").asString()).isEqualTo("src/app/Config.java");
    assertThat(secret.get("location").get("range").get("start").get("line").asInt()).isEqualTo(10);
    assertThat(secret.get("location").get("range").get("end").get("line").asInt()).isEqualTo(12);
    assertThat(secret.get("severity").asString()).isEqualTo("ERROR");
    assertThat(secret.get("source").get("name").asString()).isEqualTo("sec-bot");
    assertThat(secret.get("code").get("value").asString()).isEqualTo("secret-aws-access-key");
    assertThat(JSON.readTree(lines.get(1)).get("location").get("path").asString())
        .isEqualTo("docs/café menu #1.md");
    assertThat(JSON.readTree(lines.get(2)).has("location")).isFalse();
  }

  @Test
  void theValidatorRejectsWhatTheSchemasForbid() {
    ObjectNode log = Sarif.log(sample());
    ((ObjectNode) log.get("runs").get(0).get("results").get(0)).put("level", "fatal");
    ObjectNode diagnostic = Rdjsonl.diagnostics(sample()).get(0);
    diagnostic.put("severity", "CATASTROPHIC");

    assertThat(PublishedSchemas.problems(PublishedSchemas.SARIF, log)).isNotEmpty();
    assertThat(PublishedSchemas.problems(PublishedSchemas.REVIEWDOG_DIAGNOSTIC, diagnostic))
        .isNotEmpty();
  }

  @Test
  void anyVerdictsExportValidly() {
    qt().withExamples(60)
        .withShrinkCycles(0)
        .forAll(lists().of(ModelGenerators.verdicts()).ofSizeBetween(0, 6))
        .checkAssert(
            verdicts -> {
              assertThat(PublishedSchemas.problems(PublishedSchemas.SARIF, Sarif.log(verdicts)))
                  .isEmpty();
              for (ObjectNode diagnostic : Rdjsonl.diagnostics(verdicts)) {
                assertThat(
                        PublishedSchemas.problems(
                            PublishedSchemas.REVIEWDOG_DIAGNOSTIC, diagnostic))
                    .isEmpty();
              }
              long findings = verdicts.stream().mapToLong(v -> v.findings().size()).sum();
              assertThat(Rdjsonl.write(verdicts).lines().count()).isEqualTo(findings);
            });
  }

  @Test
  void nullVerdictsAreRefusedByName() {
    assertThatThrownBy(() -> Sarif.write(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("verdicts");
    assertThatThrownBy(() -> Rdjsonl.write(Arrays.asList(sample().get(0), null)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("verdicts[1]");
  }
}
