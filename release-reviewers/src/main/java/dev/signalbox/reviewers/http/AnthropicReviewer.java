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
 * A reviewer that asks a Claude model through the Anthropic Messages API ({@code POST
 * {baseUrl}/v1/messages}) with a JSON Schema output format ({@code output_config.format}), one
 * prompt per risk surface, the diff delimited as data.
 *
 * <p>Classified for the review board: {@code stop_reason} {@code refusal} is an abstention
 * DECLINED; {@code max_tokens} (the answer was cut short), any other stop but {@code end_turn}, an
 * answer that is not a verdict, and HTTP errors other than those below are {@linkplain
 * ReviewFailure#permanent permanent}; a 429 (with its {@code Retry-After}), 408, 409, 5xx
 * (including 529, overloaded), timeouts and lost connections are {@linkplain
 * ReviewFailure#isTransient() transient}. The API key comes from configuration or the environment
 * and never appears in messages or {@code toString}. Interrupting the calling thread abandons the
 * request and throws {@link InterruptedException}.
 *
 * <p>Before any call, a request for a surface the reviewer does not cover, or whose snapshot holds
 * no unified diff although the change changes files, is refused as a permanent failure; an approval
 * of a snapshot that was cut short becomes an abstention DECLINED (a rejection stands).
 *
 * <p>Immutable and safe to use from several threads at once.
 */
@Experimental(since = "0.1.0")
public final class AnthropicReviewer implements Reviewer {
  private static final String VENDOR = "the Anthropic Messages API";

  /** The API version sent in {@code anthropic-version}. */
  public static final String API_VERSION = "2023-06-01";

  private final Agent identity;
  private final Set<RiskSurface> surfaces;
  private final URI endpoint;
  private final String model;
  private final int maxTokens;
  private final ModelExchange exchange;

  private AnthropicReviewer(ModelSettings settings) {
    this.identity = settings.identityOrThrow();
    this.surfaces = Set.copyOf(settings.surfaces);
    String base = settings.baseUrl.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "v1/messages");
    this.model = settings.model;
    this.maxTokens = settings.maxTokens;
    this.exchange = settings.exchange(VENDOR);
  }

  /** A builder for a reviewer that asks {@code model} at {@code https://api.anthropic.com}. */
  public static Builder builder(String model) {
    return builder(URI.create("https://api.anthropic.com"), model);
  }

  /** A builder for a reviewer that asks {@code model} at {@code baseUrl}. */
  public static Builder builder(URI baseUrl, String model) {
    return new Builder(new ModelSettings(AnthropicReviewer.class, baseUrl, model));
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
            Map.of("x-api-key", exchange.key().value(), "anthropic-version", API_VERSION),
            Answer.JSON.writeValueAsString(requestBody(prompt)));
    JsonNode message = exchange.body(body);
    String stop = message.path("stop_reason").asString("");
    if (stop.equals("refusal")) {
      return Verdict.abstain(
          request.change().ref(),
          identity,
          request.surface(),
          request.contentDigest(),
          exchange.clock().instant(),
          AbstainCause.DECLINED,
          "the model refused to review (stop_reason refusal)");
    }
    if (stop.equals("max_tokens")) {
      throw ReviewFailure.permanent(
          "the answer was cut short at " + maxTokens + " tokens (stop_reason max_tokens)", null);
    }
    if (!stop.equals("end_turn")) {
      throw ReviewFailure.permanent(
          "the model stopped with stop_reason " + (stop.isEmpty() ? "missing" : stop), null);
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : message.path("content")) {
      if (block.path("type").asString("").equals("text")) {
        text.append(block.path("text").asString(""));
      }
    }
    if (text.length() == 0) {
      throw ReviewFailure.permanent("the answer has no text content", null);
    }
    return exchange.verdict(request, identity, text.toString());
  }

  ObjectNode requestBody(ReviewPrompt prompt) {
    ObjectNode root = Answer.JSON.createObjectNode();
    root.put("model", model);
    root.put("max_tokens", maxTokens);
    root.put("system", prompt.system());
    root.putArray("messages").addObject().put("role", "user").put("content", prompt.user());
    ObjectNode format = root.putObject("output_config").putObject("format");
    format.put("type", "json_schema");
    format.set("schema", ReviewPrompt.ANSWER_SCHEMA.deepCopy());
    return root;
  }

  @Override
  public String toString() {
    return "AnthropicReviewer[" + identity.id() + ", " + model + ", " + endpoint + "]";
  }

  /**
   * Configures an {@link AnthropicReviewer}. Each setting may be given once; not thread-safe;
   * {@link #build()} copies the state.
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

    /**
     * The API key, sent as {@code x-api-key}; this or {@link #apiKeyFromEnvironment} is required.
     */
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
    public AnthropicReviewer build() {
      return new AnthropicReviewer(settings);
    }
  }
}
