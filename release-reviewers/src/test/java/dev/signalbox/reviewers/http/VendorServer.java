package dev.signalbox.reviewers.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on loopback that plays a model vendor: it checks each request against the
 * vendor's documented request shape (answering 400 with the vendor's error body when it departs)
 * and replays recorded response fixtures in order.
 */
public final class VendorServer implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One recorded request. */
  public record Recorded(
      String method, String path, Map<String, List<String>> headers, JsonNode body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return "";
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<String> fixtures = new ConcurrentLinkedQueue<>();
  private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final Function<Recorded, List<String>> shape;
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch received = new CountDownLatch(1);
  private volatile boolean hang;
  private volatile @Nullable String repeated;

  private VendorServer(Function<Recorded, List<String>> shape) throws IOException {
    this.shape = shape;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static VendorServer start(Function<Recorded, List<String>> shape) throws IOException {
    return new VendorServer(shape);
  }

  public URI base() {
    return URI.create(
        "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** Queues fixture files (under /vendors/) to answer the next requests with, in order. */
  public VendorServer replay(String... names) {
    for (String name : names) {
      fixtures.add(name);
    }
    return this;
  }

  /** Answers every request with fixture {@code name} once the queued fixtures are used up. */
  public VendorServer repeat(String name) {
    fixture(name); // fails now, not in the server's thread, if it is missing
    repeated = name;
    return this;
  }

  /** Holds every request open until {@link #close()}. */
  public VendorServer hang() {
    hang = true;
    return this;
  }

  /** Waits until a request has arrived. */
  void awaitRequest() throws InterruptedException {
    received.await();
  }

  /** Waits until a request has arrived, for at most {@code timeout}; fails if none did. */
  public void awaitRequest(java.time.Duration timeout) throws InterruptedException {
    if (!received.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError("no request arrived within " + timeout);
    }
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body;
      try {
        body = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        body = JSON.missingNode();
      }
      Recorded recorded =
          new Recorded(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              Map.copyOf(exchange.getRequestHeaders()),
              body);
      requests.add(recorded);
      received.countDown();
      if (hang) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      List<String> problems = shape.apply(recorded);
      if (!problems.isEmpty()) {
        violations.addAll(problems);
        send(
            exchange,
            400,
            Map.of(),
            "{\"error\":{\"message\":\"" + problems.get(0).replace("\"", "'") + "\"}}");
        return;
      }
      String name = fixtures.poll();
      if (name == null) {
        name = repeated;
      }
      if (name == null) {
        violations.add("no fixture left for " + recorded.path());
        send(exchange, 500, Map.of(), "{\"error\":{\"message\":\"no fixture\"}}");
        return;
      }
      JsonNode fixture = fixture(name);
      java.util.HashMap<String, String> headers = new java.util.HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it =
              fixture.get("headers").properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        headers.put(h.getKey(), h.getValue().asString());
      }
      send(
          exchange,
          fixture.get("status").asInt(),
          headers,
          JSON.writeValueAsString(fixture.get("body")));
    }
  }

  static JsonNode fixture(String name) {
    try (InputStream in = VendorServer.class.getResourceAsStream("/vendors/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
