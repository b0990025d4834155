package dev.signalbox.reviewers.http;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.reviewers.internal.Answer;
import dev.signalbox.reviewers.internal.MalformedAnswerException;
import dev.signalbox.reviewers.internal.SnapshotCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One call to a model vendor, and the classification of what comes back for the review board: rate
 * limits, server errors, lost connections and timeouts are transient (a 429's {@code Retry-After}
 * is passed on); other HTTP errors are permanent, with the vendor's message, and the API key
 * redacted wherever it might appear.
 */
final class ModelExchange {
  private final String vendor;
  private final HttpClient client;
  private final Clock clock;
  private final Duration requestTimeout;
  private final ApiKey key;

  ModelExchange(
      String vendor, HttpClient client, Clock clock, Duration requestTimeout, ApiKey key) {
    this.vendor = vendor;
    this.client = client;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
    this.key = key;
  }

  Clock clock() {
    return clock;
  }

  ApiKey key() {
    return key;
  }

  /**
   * Posts {@code body} to {@code uri} with {@code headers} and returns the response body of a 2xx
   * answer.
   *
   * @throws ReviewFailure classified, for anything but a 2xx answer
   * @throws InterruptedException if the review was cancelled; the exchange is abandoned
   */
  String post(ReviewRequest request, URI uri, Map<String, String> headers, String body)
      throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("review cancelled before " + vendor + " was asked");
    }
    Duration left = Duration.between(clock.instant(), request.deadline());
    if (left.isNegative() || left.isZero()) {
      throw ReviewFailure.permanent("the deadline " + request.deadline() + " has passed", null);
    }
    Duration timeout = left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response;
    try {
      response = future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw ReviewFailure.transientFailure(vendor + " did not answer within " + timeout, null);
      }
      if (cause instanceof IOException) {
        throw ReviewFailure.transientFailure(
            "cannot reach " + vendor + ": " + key.redact(String.valueOf(cause.getMessage())), null);
      }
      throw ReviewFailure.permanent(
          "the call to " + vendor + " failed: " + key.redact(String.valueOf(cause)), null);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    String detail = vendor + " answered HTTP " + status + ": " + errorMessage(response.body());
    Optional<Duration> retryAfter =
        response.headers().firstValue("retry-after").flatMap(this::retryAfter);
    if (status == 429 || status == 408 || status == 409 || status >= 500) {
      throw retryAfter.isPresent()
          ? ReviewFailure.retryAfter(detail, retryAfter.get())
          : ReviewFailure.transientFailure(detail, null);
    }
    throw ReviewFailure.permanent(detail, null);
  }

  /** The vendor's {@code error.message}, cut short and with the key redacted. */
  private String errorMessage(String body) {
    String message;
    try {
      JsonNode error = Answer.JSON.readTree(body).path("error");
      message = error.path("message").isString() ? error.path("message").asString() : body;
    } catch (JacksonException e) {
      message = body;
    }
    message = key.redact(message.strip());
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  /** A {@code Retry-After} value: delay in seconds, or an HTTP date. */
  Optional<Duration> retryAfter(String value) {
    String v = value.strip();
    try {
      double seconds = Double.parseDouble(v);
      if (seconds >= 0 && seconds < 86_400) {
        return Optional.of(Duration.ofMillis((long) (seconds * 1000)));
      }
      return Optional.empty();
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /**
   * The verdict in {@code text}, the model's answer, bound to the request's content digest; an
   * approval of a snapshot cut short is declined ({@link SnapshotCheck#settle}).
   */
  Verdict verdict(ReviewRequest request, Agent reviewer, String text) {
    try {
      Answer answer = Answer.read(Answer.tree(text), Set.of());
      return SnapshotCheck.settle(request, answer.toVerdict(request, reviewer, clock.instant()));
    } catch (MalformedAnswerException e) {
      throw ReviewFailure.permanent(vendor + "'s " + e.getMessage(), e);
    }
  }

  /** Parses a 2xx body, refusing one that is not JSON. */
  JsonNode body(String body) {
    try {
      return Answer.JSON.readTree(body);
    } catch (JacksonException e) {
      throw ReviewFailure.permanent(vendor + " answered with a body that is not JSON", null);
    }
  }
}
