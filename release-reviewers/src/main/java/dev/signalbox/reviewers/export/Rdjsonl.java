package dev.signalbox.reviewers.export;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes verdicts' findings in reviewdog's rdjsonl format: one reviewdog Diagnostic as JSON per
 * line, for {@code reviewdog -f=rdjsonl} to comment on a pull request.
 *
 * <p>Each finding is one diagnostic: its message (with the suggestion, if any, appended), its path
 * and lines as the location, its severity ({@code ERROR} for HIGH and CRITICAL, {@code WARNING} for
 * MEDIUM, {@code INFO} for LOW and INFO), the reviewer's id as the source and the rule as the code.
 * A finding without a path has no location (reviewdog shows it only without a diff filter).
 * Abstentions have no findings and write nothing. Lines end with {@code \n}; output is
 * deterministic, in the verdicts' order.
 *
 * <p>Stateless and thread-safe.
 */
public final class Rdjsonl {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Rdjsonl() {}

  /**
   * The findings of {@code verdicts} as rdjsonl.
   *
   * @throws InvalidValueException if {@code verdicts} or one of them is null
   */
  public static String write(@Nullable Collection<Verdict> verdicts) {
    StringBuilder out = new StringBuilder();
    for (ObjectNode diagnostic : diagnostics(verdicts)) {
      out.append(JSON.writeValueAsString(diagnostic)).append('\n');
    }
    return out.toString();
  }

  /**
   * The findings of {@code verdicts} as reviewdog diagnostics, one JSON tree each.
   *
   * @throws InvalidValueException if {@code verdicts} or one of them is null
   */
  public static List<ObjectNode> diagnostics(@Nullable Collection<Verdict> verdicts) {
    return Exports.checked(Rdjsonl.class, verdicts).stream()
        .flatMap(verdict -> verdict.findings().stream().map(f -> diagnostic(verdict, f)))
        .toList();
  }

  private static ObjectNode diagnostic(Verdict verdict, Finding finding) {
    ObjectNode diagnostic = NODES.objectNode();
    diagnostic.put(
        "message",
        finding.message() + finding.suggestion().map(s -> "\nSuggestion: " + s).orElse(""));
    finding
        .path()
        .ifPresent(
            path -> {
              ObjectNode location = diagnostic.putObject("location");
              location.put("path", path.value());
              finding
                  .lines()
                  .ifPresent(
                      lines -> {
                        ObjectNode range = location.putObject("range");
                        range.putObject("start").put("line", lines.start());
                        range.putObject("end").put("line", lines.end());
                      });
            });
    diagnostic.put("severity", severity(finding.severity()));
    diagnostic.putObject("source").put("name", verdict.reviewer().id());
    diagnostic.putObject("code").put("value", finding.rule());
    return diagnostic;
  }

  /** The reviewdog severity of {@code severity}. */
  static String severity(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "ERROR";
      case MEDIUM -> "WARNING";
      case LOW, INFO -> "INFO";
    };
  }
}
