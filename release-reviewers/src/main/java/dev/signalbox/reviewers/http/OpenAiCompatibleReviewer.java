package dev.signalbox.reviewers.http;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.Experimental;
import dev.signalbox.reviewers.internal.Answer;
import dev.signalbox.reviewers.internal.SnapshotCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reviewer that asks a model through an OpenAI-compatible chat completions API ({@code POST
 * {baseUrl}/chat/completions}) with a strict JSON Schema response format, one prompt per risk
 * surface, the diff delimited as data.
 *
 * <p>Classified for the review board: a refusal ({@code message.refusal}) is an abstention DECLINED
 * with the model's words; {@code finish_reason} {@code length} or {@code content_filter}, an answer
 * that is not a verdict, and HTTP errors other than those below are {@linkplain
 * ReviewFailure#permanent permanent}; a 429 (with its {@code Retry-After}), 408, 409, 5xx, timeouts
 * and lost connections are {@linkplain ReviewFailure#isTransient() transient}. The API key comes
 * from configuration or the environment and never appears in messages or {@code toString}.
 * Interrupting the calling thread abandons the request and throws {@link InterruptedException}.
 *
 * <p>Before any call, a request for a surface the reviewer does not cover, or whose snapshot holds
 * no unified diff although the change changes files, is refused as a permanent failure; an approval
 * of a snapshot that was cut short becomes an abstention DECLINED (a rejection stands).
 *
 * <p>Immutable and safe to use from several threads at once.
 */
@Experimental(since = "0.1.0")
public final class OpenAiCompatibleReviewer implements Reviewer {
  private static final String VENDOR = "the chat completions API";

  private final Agent identity;
  private final Set<RiskSurface> surfaces;
  private final URI endpoint;
  private final String model;
  private final int maxTokens;
  private final ModelExchange exchange;

  private OpenAiCompatibleReviewer(ModelSettings settings) {
    this.identity = settings.identityOrThrow();
    this.surfaces = Set.copyOf(settings.surfaces);
    String base = settings.baseUrl.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    this.model = settings.model;
    this.maxTokens = settings.maxTokens;
    this.exchange = settings.exchange(VENDOR);
  }

  /**
   * A builder for a reviewer that asks {@code model} at {@code baseUrl}, such as {@code
   * https://api.openai.com/v1}.
   */
  public static Builder builder(URI baseUrl, String model) {
    return new Builder(new ModelSettings(OpenAiCompatibleReviewer.class, baseUrl, model));
  }

  @Override
  public Agent identity() {
    return identity;
  }

  @Override
  public Set<RiskSurface> surfaces() {
    return surfaces;
  }

  @Override
  public Verdict review(ReviewRequest request) throws InterruptedException {
    SnapshotCheck.admit(request, surfaces, identity);
    ReviewPrompt prompt = ReviewPrompt.of(request, identity);
    String body =
        exchange.post(
            request,
            endpoint,
            Map.of("authorization", "Bearer " + exchange.key().value()),
            Answer.JSON.writeValueAsString(requestBody(prompt)));
    JsonNode choice = exchange.body(body).path("choices").path(0);
    JsonNode message = choice.path("message");
    if (message.path("refusal").isString()) {
      return Verdict.abstain(
          request.change().ref(),
          identity,
          request.surface(),
          request.contentDigest(),
          exchange.clock().instant(),
          AbstainCause.DECLINED,
          "the model refused: " + message.path("refusal").asString());
    }
    String finish = choice.path("finish_reason").asString("");
    if (finish.equals("length")) {
      throw ReviewFailure.permanent(
          "the answer was cut short at " + maxTokens + " tokens (finish_reason length)", null);
    }
    if (!finish.equals("stop")) {
      throw ReviewFailure.permanent(
          "the model stopped with finish_reason " + (finish.isEmpty() ? "missing" : finish), null);
    }
    if (!message.path("content").isString()) {
      throw ReviewFailure.permanent("the answer has no message content", null);
    }
    return exchange.verdict(request, identity, message.path("content").asString());
  }

  ObjectNode requestBody(ReviewPrompt prompt) {
    ObjectNode root = Answer.JSON.createObjectNode();
    root.put("model", model);
    var messages = root.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt.system());
    messages.addObject().put("role", "user").put("content", prompt.user());
    ObjectNode format = root.putObject("response_format");
    format.put("type", "json_schema");
    ObjectNode schema = format.putObject("json_schema");
    schema.put("name", "signalbox_verdict");
    schema.put("strict", true);
    schema.set("schema", ReviewPrompt.ANSWER_SCHEMA.deepCopy());
    root.put("max_completion_tokens", maxTokens);
    return root;
  }

  @Override
  public String toString() {
    return "OpenAiCompatibleReviewer[" + identity.id() + ", " + model + ", " + endpoint + "]";
  }

  /**
   * Configures an {@link OpenAiCompatibleReviewer}. Each setting may be given once; not
   * thread-safe; {@link #build()} copies the state.
   */
  public static final class Builder {
    private final ModelSettings settings;

    private Builder(ModelSettings settings) {
      this.settings = settings;
    }

    /** The agent this reviewer is; required. */
    public Builder identity(Agent identity) {
      settings.identity(identity);
      return this;
    }

    /** Adds risk surfaces this reviewer reviews; at least one is required. */
    public Builder surfaces(RiskSurface... surfaces) {
      settings.surfaces(surfaces);
      return this;
    }

    /** The API key, sent as a bearer token; this or {@link #apiKeyFromEnvironment} is required. */
    public Builder apiKey(String apiKey) {
      settings.apiKey(apiKey);
      return this;
    }

    /** Reads the API key from environment variable {@code variable} now. */
    public Builder apiKeyFromEnvironment(String variable) {
      settings.apiKeyFromEnvironment(variable);
      return this;
    }

    /** The HTTP client; a new one with a 10 s connect timeout if unset. */
    public Builder httpClient(HttpClient client) {
      settings.httpClient(client);
      return this;
    }

    /** The clock that measures deadlines and stamps verdicts; the system's UTC clock if unset. */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** The longest one request may take, within the review's deadline; 120 s if unset. */
    public Builder requestTimeout(Duration timeout) {
      settings.requestTimeout(timeout);
      return this;
    }

    /** The most tokens the model may answer with; 4096 if unset. */
    public Builder maxTokens(int maxTokens) {
      settings.maxTokens(maxTokens);
      return this;
    }

    /**
     * Builds the reviewer.
     *
     * @throws dev.signalbox.core.InvalidValueException if the identity, surfaces or key are missing
     */
    public OpenAiCompatibleReviewer build() {
      return new OpenAiCompatibleReviewer(settings);
    }
  }
}
