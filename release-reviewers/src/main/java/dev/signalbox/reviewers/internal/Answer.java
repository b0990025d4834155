package dev.signalbox.reviewers.internal;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reviewer's answer as the adapters receive it in JSON — an outcome, the reason for an
 * abstention, and findings — read strictly: unknown fields, wrong kinds, duplicate keys and values
 * the model refuses are all reported, each with its JSON path.
 *
 * <p>The shape is the one the shipped schemas describe ({@code review-response.schema.json} for the
 * process protocol, which adds {@code protocol} and {@code contentDigest}; {@code
 * verdict-answer.schema.json} for models).
 *
 * @param outcome what the reviewer concluded
 * @param reason why it abstained; given for an abstention
 * @param findings what it found
 */
public record Answer(VerdictOutcome outcome, Optional<String> reason, List<Finding> findings) {
  /**
   * The JSON mapper the adapters share: duplicate keys and anything after the one JSON value are
   * errors.
   */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> FINDING_FIELDS =
      Set.of(
          "path",
          "startLine",
          "endLine",
          "severity",
          "advice",
          "rule",
          "message",
          "suggestion",
          "confidence");

  /** Copies the list. */
  public Answer {
    findings = List.copyOf(findings);
  }

  /** Parses {@code text} as JSON, reporting text that is not JSON as a malformed answer. */
  public static JsonNode tree(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedAnswerException(List.of("$: is empty, expected a JSON object"));
      }
      return node;
    } catch (JacksonException e) {
      throw new MalformedAnswerException(
          List.of("$: is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")));
    }
  }

  /**
   * Reads the answer in {@code node}, whose other allowed fields are {@code extraFields}.
   *
   * @throws MalformedAnswerException listing every problem, each with its JSON path
   */
  public static Answer read(JsonNode node, Set<String> extraFields) {
    List<String> problems = new ArrayList<>();
    if (!node.isObject()) {
      throw new MalformedAnswerException(List.of("$: must be an object, was " + kind(node)));
    }
    for (String name : node.propertyNames()) {
      if (!extraFields.contains(name) && !Set.of("outcome", "reason", "findings").contains(name)) {
        problems.add("$." + name + ": is not a known field");
      }
    }
    VerdictOutcome outcome = enumField(node, "$", "outcome", VerdictOutcome.class, problems);
    Optional<String> reason = optionalText(node, "$", "reason", problems);
    List<Finding> findings = new ArrayList<>();
    JsonNode list = node.get("findings");
    if (list == null || list.isNull()) {
      problems.add("$.findings: is missing");
    } else if (!list.isArray()) {
      problems.add("$.findings: must be an array, was " + kind(list));
    } else {
      for (int i = 0; i < list.size(); i++) {
        Finding finding = finding(list.get(i), "$.findings[" + i + "]", problems);
        if (finding != null) {
          findings.add(finding);
        }
      }
    }
    if (outcome == VerdictOutcome.ABSTAIN) {
      if (reason.isEmpty()) {
        problems.add("$.reason: must be given when the outcome is ABSTAIN");
      }
      if (list != null && list.isArray() && !list.isEmpty()) {
        problems.add("$.findings: must be empty when the outcome is ABSTAIN");
      }
    }
    if (!problems.isEmpty() || outcome == null) {
      throw new MalformedAnswerException(problems);
    }
    return new Answer(outcome, reason, findings);
  }

  /**
   * The verdict this answer makes for {@code request}, by {@code reviewer}, bound to the request's
   * content digest; an abstention is {@link AbstainCause#DECLINED} with its reason.
   */
  public Verdict toVerdict(ReviewRequest request, Agent reviewer, Instant issuedAt) {
    if (outcome == VerdictOutcome.ABSTAIN) {
      return Verdict.abstain(
          request.change().ref(),
          reviewer,
          request.surface(),
          request.contentDigest(),
          issuedAt,
          AbstainCause.DECLINED,
          reason.orElse("declined"));
    }
    return new Verdict(
        request.change().ref(),
        reviewer,
        request.surface(),
        outcome,
        Optional.empty(),
        findings,
        request.contentDigest(),
        issuedAt);
  }

  private static @Nullable Finding finding(JsonNode node, String at, List<String> problems) {
    if (!node.isObject()) {
      problems.add(at + ": must be an object, was " + kind(node));
      return null;
    }
    int before = problems.size();
    for (String name : node.propertyNames()) {
      if (!FINDING_FIELDS.contains(name)) {
        problems.add(at + "." + name + ": is not a known field");
      }
    }
    Optional<String> path = optionalText(node, at, "path", problems);
    Optional<Integer> start = optionalInt(node, at, "startLine", problems);
    Optional<Integer> end = optionalInt(node, at, "endLine", problems);
    Severity severity = enumField(node, at, "severity", Severity.class, problems);
    Advice advice = enumField(node, at, "advice", Advice.class, problems);
    Optional<String> rule = optionalText(node, at, "rule", problems);
    Optional<String> message = optionalText(node, at, "message", problems);
    Optional<String> suggestion = optionalText(node, at, "suggestion", problems);
    JsonNode confidence = node.get("confidence");
    if (rule.isEmpty()) {
      problems.add(at + ".rule: is missing");
    }
    if (message.isEmpty()) {
      problems.add(at + ".message: is missing");
    }
    if (confidence == null || confidence.isNull()) {
      problems.add(at + ".confidence: is missing");
    } else if (!confidence.isNumber()) {
      problems.add(at + ".confidence: must be a number, was " + kind(confidence));
    }
    if (start.isEmpty() && end.isPresent()) {
      problems.add(at + ".endLine: must come with startLine");
    }
    if (problems.size() > before || severity == null || advice == null || confidence == null) {
      return null;
    }
    try {
      Optional<RepoPath> repoPath = path.map(RepoPath::of);
      Optional<LineRange> lines = start.map(first -> new LineRange(first, end.orElse(first)));
      return new Finding(
          repoPath,
          lines,
          severity,
          advice,
          rule.orElseThrow(),
          message.orElseThrow(),
          suggestion,
          confidence.asDouble());
    } catch (InvalidValueException e) {
      String field =
          switch (e.type().getSimpleName()) {
            case "RepoPath" -> "path";
            case "LineRange" -> e.field().equals("start") ? "startLine" : "endLine";
            default -> e.field();
          };
      if (e.type() == Finding.class && e.field().equals("lines")) {
        field = "startLine";
      }
      problems.add(at + "." + field + ": " + e.problemWithValue());
      return null;
    }
  }

  private static <E extends Enum<E>> @Nullable E enumField(
      JsonNode node, String at, String name, Class<E> type, List<String> problems) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      problems.add(at + "." + name + ": is missing");
      return null;
    }
    if (value.isString()) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(value.asString())) {
          return constant;
        }
      }
    }
    problems.add(
        at
            + "."
            + name
            + ": must be one of "
            + Arrays.toString(type.getEnumConstants())
            + ", was "
            + value);
    return null;
  }

  private static Optional<String> optionalText(
      JsonNode node, String at, String name, List<String> problems) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      problems.add(at + "." + name + ": must be a string, was " + kind(value));
      return Optional.empty();
    }
    String text = value.asString();
    if (text.isBlank()) {
      problems.add(at + "." + name + ": must not be blank");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private static Optional<Integer> optionalInt(
      JsonNode node, String at, String name, List<String> problems) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problems.add(at + "." + name + ": must be an integer, was " + value);
      return Optional.empty();
    }
    return Optional.of(value.asInt());
  }

  /** The kind of JSON value {@code node} is, for messages. */
  public static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
