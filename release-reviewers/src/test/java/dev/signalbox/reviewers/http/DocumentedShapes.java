package dev.signalbox.reviewers.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The request shapes the vendors document (see {@code /vendors/SOURCES.md}); each check lists how a
 * request departs from its shape.
 */
public final class DocumentedShapes {
  public static final String KEY = "test-key-0123456789abcdef";

  private static final Set<String> OPENAI_FIELDS =
      Set.of(
          "model",
          "messages",
          "response_format",
          "max_completion_tokens",
          "max_tokens",
          "temperature",
          "top_p",
          "seed",
          "n",
          "stop",
          "user",
          "store",
          "metadata",
          "reasoning_effort",
          "service_tier");
  private static final Set<String> ANTHROPIC_FIELDS =
      Set.of(
          "model",
          "max_tokens",
          "messages",
          "system",
          "output_config",
          "temperature",
          "top_p",
          "top_k",
          "stop_sequences",
          "metadata",
          "service_tier",
          "thinking");

  private DocumentedShapes() {}

  public static List<String> openAi(VendorServer.Recorded r) {
    List<String> p = new ArrayList<>();
    if (!r.method().equals("POST") || !r.path().equals("/v1/chat/completions")) {
      p.add("expected POST /v1/chat/completions, was " + r.method() + " " + r.path());
    }
    if (!r.header("authorization").equals("Bearer " + KEY)) {
      p.add("authorization must be the bearer key");
    }
    if (!r.header("content-type").startsWith("application/json")) {
      p.add("content-type must be application/json");
    }
    JsonNode b = r.body();
    if (!b.isObject()) {
      p.add("body must be a JSON object");
      return p;
    }
    b.propertyNames().stream()
        .filter(f -> !OPENAI_FIELDS.contains(f))
        .forEach(f -> p.add("unknown field " + f));
    if (!b.path("model").isString()) {
      p.add("model must be a string");
    }
    JsonNode messages = b.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      p.add("messages must be a non-empty array");
    }
    for (JsonNode m : messages) {
      if (!Set.of("system", "developer", "user", "assistant").contains(m.path("role").asString(""))
          || !m.path("content").isString()) {
        p.add("each message needs a known role and string content: " + m);
      }
    }
    JsonNode format = b.path("response_format");
    if (!format.path("type").asString("").equals("json_schema")) {
      p.add("response_format.type must be json_schema");
    }
    JsonNode js = format.path("json_schema");
    if (!js.path("name").asString("").matches("[a-zA-Z0-9_-]{1,64}")) {
      p.add("json_schema.name must be 1 to 64 of a-z, A-Z, 0-9, _ and -");
    }
    if (!js.path("strict").isBoolean() || !js.path("strict").asBoolean()) {
      p.add("json_schema.strict must be true");
    }
    strictSchema(js.path("schema"), "json_schema.schema", true, p);
    if (b.has("max_completion_tokens") && !b.path("max_completion_tokens").isIntegralNumber()) {
      p.add("max_completion_tokens must be an integer");
    }
    return p;
  }

  public static List<String> anthropic(VendorServer.Recorded r) {
    List<String> p = new ArrayList<>();
    if (!r.method().equals("POST") || !r.path().equals("/v1/messages")) {
      p.add("expected POST /v1/messages, was " + r.method() + " " + r.path());
    }
    if (!r.header("x-api-key").equals(KEY)) {
      p.add("x-api-key must be the key");
    }
    if (!r.header("anthropic-version").equals("2023-06-01")) {
      p.add("anthropic-version must be 2023-06-01");
    }
    if (!r.header("content-type").startsWith("application/json")) {
      p.add("content-type must be application/json");
    }
    JsonNode b = r.body();
    if (!b.isObject()) {
      p.add("body must be a JSON object");
      return p;
    }
    b.propertyNames().stream()
        .filter(f -> !ANTHROPIC_FIELDS.contains(f))
        .forEach(f -> p.add("unknown field " + f));
    if (!b.path("model").isString()) {
      p.add("model must be a string");
    }
    if (!b.path("max_tokens").isIntegralNumber() || b.path("max_tokens").asInt() < 1) {
      p.add("max_tokens must be a positive integer");
    }
    if (b.has("system") && !b.path("system").isString() && !b.path("system").isArray()) {
      p.add("system must be a string or an array of blocks");
    }
    JsonNode messages = b.path("messages");
    if (!messages.isArray()
        || messages.isEmpty()
        || !messages.get(0).path("role").asString("").equals("user")) {
      p.add("messages must start with a user turn");
    }
    for (JsonNode m : messages) {
      if (!Set.of("user", "assistant").contains(m.path("role").asString(""))
          || !(m.path("content").isString() || m.path("content").isArray())) {
        p.add("each message needs role user or assistant and content: " + m);
      }
    }
    JsonNode format = b.path("output_config").path("format");
    if (!format.path("type").asString("").equals("json_schema")) {
      p.add("output_config.format.type must be json_schema");
    }
    strictSchema(format.path("schema"), "output_config.format.schema", false, p);
    return p;
  }

  /**
   * Structured outputs' documented limits: every object closes with {@code additionalProperties:
   * false}; with OpenAI's strict mode, every property is also required.
   */
  private static void strictSchema(
      JsonNode schema, String at, boolean allRequired, List<String> p) {
    if (!schema.isObject()) {
      p.add(at + " must be an object");
      return;
    }
    JsonNode type = schema.path("type");
    boolean object = type.asString("").equals("object");
    if (object) {
      if (!schema.path("additionalProperties").isBoolean()
          || schema.path("additionalProperties").asBoolean()) {
        p.add(at + " must set additionalProperties false");
      }
      JsonNode properties = schema.path("properties");
      for (String name : properties.propertyNames()) {
        if (allRequired) {
          boolean required = false;
          for (JsonNode r : schema.path("required")) {
            required |= r.asString("").equals(name);
          }
          if (!required) {
            p.add(at + "." + name + " must be required in strict mode");
          }
        }
        strictSchema(properties.get(name), at + "." + name, allRequired, p);
      }
    }
    if (schema.has("items")) {
      strictSchema(schema.get("items"), at + "[]", allRequired, p);
    }
  }
}
