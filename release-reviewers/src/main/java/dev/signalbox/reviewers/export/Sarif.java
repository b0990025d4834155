package dev.signalbox.reviewers.export;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes verdicts' findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange
 * Format), the format code-scanning UIs such as GitHub's read.
 *
 * <p>Each reviewer is one run, its agent the run's tool driver; each finding is one result: the
 * finding's rule is the result's {@code ruleId}; its severity is the {@code level} ({@code error}
 * for HIGH and CRITICAL, {@code warning} for MEDIUM, {@code note} for LOW and INFO); its path,
 * relative to {@code %SRCROOT%}, and lines are the location; advice, confidence, surface, change
 * and content digest are result properties. An abstention is a failed invocation of its run with
 * the cause as a notification, so that a reviewer that did not judge is visible. Output is
 * deterministic: runs are in order of first appearance, results in the verdicts' order.
 *
 * <p>Stateless and thread-safe.
 */
public final class Sarif {
  /** The SARIF version written. */
  public static final String VERSION = "2.1.0";

  /** The schema URI written in {@code $schema}. */
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Sarif() {}

  /**
   * The SARIF log of {@code verdicts}, as pretty-printed JSON.
   *
   * @throws InvalidValueException if {@code verdicts} or one of them is null
   */
  public static String write(@Nullable Collection<Verdict> verdicts) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log(verdicts));
  }

  /**
   * The SARIF log of {@code verdicts}, as a JSON tree.
   *
   * @throws InvalidValueException if {@code verdicts} or one of them is null
   */
  public static ObjectNode log(@Nullable Collection<Verdict> verdicts) {
    List<Verdict> all = Exports.checked(Sarif.class, verdicts);
    Map<Agent, List<Verdict>> byReviewer = new LinkedHashMap<>();
    for (Verdict verdict : all) {
      byReviewer.computeIfAbsent(verdict.reviewer(), k -> new java.util.ArrayList<>()).add(verdict);
    }
    ObjectNode log = NODES.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", VERSION);
    ArrayNode runs = log.putArray("runs");
    for (Map.Entry<Agent, List<Verdict>> entry : byReviewer.entrySet()) {
      runs.add(run(entry.getKey(), entry.getValue()));
    }
    return log;
  }

  private static ObjectNode run(Agent reviewer, List<Verdict> verdicts) {
    ObjectNode run = NODES.objectNode();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", reviewer.id());
    ObjectNode driverProperties = driver.putObject("properties");
    driverProperties.put("model", reviewer.model());
    driverProperties.put("modelFamily", reviewer.modelFamily());
    driverProperties.put("operatorId", reviewer.operatorId());
    ArrayNode rules = driver.putArray("rules");
    for (String rule :
        new TreeSet<>(
            verdicts.stream().flatMap(v -> v.findings().stream()).map(Finding::rule).toList())) {
      rules.addObject().put("id", rule);
    }
    run.putObject("originalUriBaseIds")
        .putObject("%SRCROOT%")
        .putObject("description")
        .put("text", "The root of the repository.");
    ArrayNode results = run.putArray("results");
    ArrayNode notifications = NODES.arrayNode();
    for (Verdict verdict : verdicts) {
      if (verdict.outcome() == VerdictOutcome.ABSTAIN) {
        ObjectNode notification = notifications.addObject();
        notification.putObject("message").put("text", abstention(verdict));
        notification.put("level", "error");
        continue;
      }
      for (Finding finding : verdict.findings()) {
        results.add(result(verdict, finding));
      }
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", notifications.isEmpty());
    if (!notifications.isEmpty()) {
      invocation.set("toolExecutionNotifications", notifications);
    }
    return run;
  }

  private static String abstention(Verdict verdict) {
    var abstention = verdict.abstention().orElseThrow();
    return verdict.surface()
        + " of "
        + verdict.change()
        + ": abstained ("
        + abstention.cause()
        + "): "
        + abstention.detail();
  }

  private static ObjectNode result(Verdict verdict, Finding finding) {
    ObjectNode result = NODES.objectNode();
    result.put("ruleId", finding.rule());
    result.put("level", level(finding.severity()));
    String text = finding.message() + finding.suggestion().map(s -> " Suggestion: " + s).orElse("");
    result.putObject("message").put("text", text);
    finding
        .path()
        .ifPresent(
            path -> {
              ObjectNode physical =
                  result.putArray("locations").addObject().putObject("physicalLocation");
              ObjectNode artifact = physical.putObject("artifactLocation");
              artifact.put("uri", uri(path));
              artifact.put("uriBaseId", "%SRCROOT%");
              finding
                  .lines()
                  .ifPresent(
                      lines ->
                          physical
                              .putObject("region")
                              .put("startLine", lines.start())
                              .put("endLine", lines.end()));
            });
    ObjectNode properties = result.putObject("properties");
    properties.put("advice", finding.advice().name());
    properties.put("severity", finding.severity().name());
    properties.put("confidence", finding.confidence());
    properties.put("surface", verdict.surface().name());
    properties.put("outcome", verdict.outcome().name());
    properties.put("change", verdict.change().toString());
    properties.put("contentDigest", verdict.contentDigest().value());
    return result;
  }

  /** The SARIF level of {@code severity}. */
  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /**
   * {@code path} as a relative URI reference: its UTF-8 bytes percent-encoded except unreserved
   * characters and {@code /}, so that a {@code :} in the first segment cannot read as a scheme.
   */
  static String uri(RepoPath path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.value().getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
