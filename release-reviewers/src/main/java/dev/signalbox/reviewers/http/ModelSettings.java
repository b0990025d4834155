package dev.signalbox.reviewers.http;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The settings both model reviewers' builders share; each may be given once. Not thread-safe. */
final class ModelSettings {
  private final Class<?> owner;
  final URI baseUrl;
  final String model;
  final Set<RiskSurface> surfaces = EnumSet.noneOf(RiskSurface.class);
  @Nullable Agent identity;
  @Nullable ApiKey key;
  @Nullable HttpClient client;
  @Nullable Clock clock;
  @Nullable Duration requestTimeout;
  int maxTokens = 4096;
  private boolean maxTokensSet;

  ModelSettings(Class<?> owner, @Nullable URI baseUrl, @Nullable String model) {
    this.owner = owner;
    URI url = present("baseUrl", baseUrl);
    this.baseUrl = url;
    String scheme = url.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new InvalidValueException(owner, "baseUrl", "must be an http or https URL", baseUrl);
    }
    String name = present("model", model);
    if (name.isBlank()) {
      throw new InvalidValueException(owner, "model", "must not be blank", name);
    }
    this.model = name;
  }

  void identity(@Nullable Agent value) {
    once("identity", identity);
    identity = present("identity", value);
  }

  void surfaces(RiskSurface @Nullable [] values) {
    for (RiskSurface surface : present("surfaces", values)) {
      surfaces.add(present("surfaces[]", surface));
    }
  }

  void apiKey(@Nullable String value) {
    once("apiKey", key);
    key = ApiKey.of(owner, value);
  }

  void apiKeyFromEnvironment(@Nullable String variable) {
    once("apiKey", key);
    key = ApiKey.fromEnvironment(owner, present("variable", variable));
  }

  void httpClient(@Nullable HttpClient value) {
    once("httpClient", client);
    client = present("httpClient", value);
  }

  void clock(@Nullable Clock value) {
    once("clock", clock);
    clock = present("clock", value);
  }

  void requestTimeout(@Nullable Duration value) {
    once("requestTimeout", requestTimeout);
    Duration timeout = present("requestTimeout", value);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidValueException(owner, "requestTimeout", "must be positive", timeout);
    }
    requestTimeout = timeout;
  }

  void maxTokens(int value) {
    if (maxTokensSet) {
      throw new IllegalStateException("maxTokens was already set to " + maxTokens);
    }
    if (value < 1) {
      throw new InvalidValueException(owner, "maxTokens", "must be >= 1", value);
    }
    maxTokens = value;
    maxTokensSet = true;
  }

  Agent identityOrThrow() {
    if (identity == null) {
      throw new InvalidValueException(owner, "identity", "must be set", null);
    }
    if (surfaces.isEmpty()) {
      throw new InvalidValueException(owner, "surfaces", "must name at least one", null);
    }
    return identity;
  }

  ModelExchange exchange(String vendor) {
    if (key == null) {
      throw new InvalidValueException(owner, "apiKey", "must be set", null);
    }
    return new ModelExchange(
        vendor,
        client != null
            ? client
            : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        clock != null ? clock : Clock.systemUTC(),
        requestTimeout != null ? requestTimeout : Duration.ofSeconds(120),
        key);
  }

  private void once(String field, @Nullable Object current) {
    if (current != null) {
      throw new IllegalStateException(
          field + " was already set" + (current instanceof ApiKey ? "" : " to " + current));
    }
  }

  private <T> T present(String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidValueException(owner, field, "must not be null", null);
    }
    return value;
  }
}
