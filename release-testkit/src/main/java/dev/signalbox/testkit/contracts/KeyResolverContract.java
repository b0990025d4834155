package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.signing.Ed25519;
import dev.signalbox.core.signing.KeyResolver;
import dev.signalbox.core.signing.RegisteredKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KeyResolver} must keep: each registered key by its id, exactly as
 * registered (principal, roles, validity, revocation), nothing for any other id, from any thread.
 *
 * <p>Extend it in the implementation's tests and return from {@link #resolverOf(List)} a resolver
 * that holds exactly the keys given (a directory adapter can load them into a test directory).
 */
public abstract class KeyResolverContract {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  /** Creates the contract test; JUnit instantiates the subclass. */
  protected KeyResolverContract() {}

  /** A resolver holding exactly {@code keys}, whose ids are distinct. */
  protected abstract KeyResolver resolverOf(List<RegisteredKey> keys);

  private static List<RegisteredKey> sample() {
    return List.of(
        RegisteredKey.of(
            Ed25519.generate().getPublic(), Human.of("alice", "Alice", "release-manager"), FROM),
        RegisteredKey.of(
                Ed25519.generate().getPublic(), new Agent("sec-1", "gpt-5", "gpt", "bob"), FROM)
            .validUntil(Instant.parse("2027-01-01T00:00:00Z")),
        RegisteredKey.of(Ed25519.generate().getPublic(), Human.of("carol", "Carol"), FROM)
            .revokedFrom(Instant.parse("2026-06-01T00:00:00Z")));
  }

  @Test
  void resolvesEveryKeyExactlyAsRegistered() {
    List<RegisteredKey> keys = sample();
    KeyResolver resolver = resolverOf(keys);
    for (RegisteredKey key : keys) {
      assertThat(resolver.resolve(key.keyId())).contains(key);
    }
  }

  @Test
  void resolvesNothingForAnyOtherId() {
    KeyResolver resolver = resolverOf(sample());
    assertThat(resolver.resolve(Ed25519.keyId(Ed25519.generate().getPublic()))).isEmpty();
    assertThat(resolver.resolve("")).isEmpty();
    assertThat(resolver.resolve("not a key id \u0000 at all")).isEmpty();
    assertThat(resolver.resolve("f".repeat(10_000))).isEmpty();
  }

  @Test
  void anEmptyResolverResolvesNothing() {
    assertThat(resolverOf(List.of()).resolve(sample().get(0).keyId())).isEmpty();
  }

  @Test
  void resolvesFromManyThreads() throws Exception {
    List<RegisteredKey> keys = sample();
    KeyResolver resolver = resolverOf(keys);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        RegisteredKey key = keys.get(i % keys.size());
        results.add(
            pool.submit(() -> resolver.resolve(key.keyId()).equals(java.util.Optional.of(key))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
