package dev.signalbox.core.signing;

import static dev.signalbox.core.signing.Fixtures.ALICE;
import static dev.signalbox.core.signing.Fixtures.BOT;
import static dev.signalbox.core.signing.Fixtures.REGISTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.DocumentCodec;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Registered keys and the registry. */
class KeyRegistryTest {
  private final Ed25519Signer alice = Ed25519Signer.generate();
  private final Ed25519Signer bot = Ed25519Signer.generate();

  @Test
  void resolvesByKeyId() {
    RegisteredKey key = RegisteredKey.of(alice.publicKey(), ALICE, REGISTERED);
    KeyRegistry registry = KeyRegistry.of(key);
    assertThat(registry.resolve(alice.keyId())).contains(key);
    assertThat(registry.resolve(bot.keyId())).isEmpty();
    assertThat(registry.resolve("")).isEmpty();
    assertThat(key.keyId()).isEqualTo(alice.keyId());
    assertThat(key.roles()).containsExactly("release-manager");
    assertThat(RegisteredKey.of(bot.publicKey(), BOT, REGISTERED).roles()).isEmpty();
    assertThat(RegisteredKey.of(bot.publicKey(), BOT, REGISTERED).isAgent()).isTrue();
  }

  @Test
  void refusesAKeyRegisteredTwice() {
    RegisteredKey key = RegisteredKey.of(alice.publicKey(), ALICE, REGISTERED);
    assertThatThrownBy(() -> KeyRegistry.of(key, key))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("keys[1] registers a key id twice");
    assertThatThrownBy(() -> KeyRegistry.of(key).with(key))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("is registered already");
  }

  @Test
  void revocationMakesANewRegistryAndKeepsTheEarliest() {
    KeyRegistry registry = KeyRegistry.of(RegisteredKey.of(alice.publicKey(), ALICE, REGISTERED));
    Instant at = Instant.parse("2026-06-01T00:00:00Z");
    KeyRegistry revoked = registry.revoke(alice.keyId(), at);
    assertThat(registry.resolve(alice.keyId()).orElseThrow().revokedAt()).isEmpty();
    assertThat(revoked.resolve(alice.keyId()).orElseThrow().revokedAt()).contains(at);
    assertThat(revoked.revoke(alice.keyId(), at.plusSeconds(5))).isSameAs(revoked);
    assertThat(revoked.resolve(alice.keyId()).orElseThrow().revokedBy(at)).isTrue();
    assertThat(revoked.resolve(alice.keyId()).orElseThrow().revokedBy(at.minusNanos(1))).isFalse();
    assertThatThrownBy(() -> registry.revoke("nope", at))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("keyId is not registered, was \"nope\"");
  }

  @Test
  void validityIsHalfOpen() {
    Instant until = Instant.parse("2026-06-01T00:00:00Z");
    RegisteredKey key = RegisteredKey.of(alice.publicKey(), ALICE, REGISTERED).validUntil(until);
    assertThat(key.validAt(REGISTERED)).isTrue();
    assertThat(key.validAt(REGISTERED.minusNanos(1))).isFalse();
    assertThat(key.validAt(until.minusNanos(1))).isTrue();
    assertThat(key.validAt(until)).isFalse();
    assertThatThrownBy(() -> key.validUntil(REGISTERED))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("validUntil must be after validFrom");
  }

  @Test
  void refusesAPublicKeyThatIsNotEd25519() {
    assertThatThrownBy(
            () ->
                new RegisteredKey(
                    "aGVsbG8=", ALICE, Set.of(), REGISTERED, Optional.empty(), Optional.empty()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "publicKey must be an Ed25519 SubjectPublicKeyInfo in standard base64, was \"aGVsbG8=\"");
  }

  @Test
  void roundTripsThroughJson() {
    RegisteredKey key =
        RegisteredKey.of(alice.publicKey(), ALICE, REGISTERED)
            .validUntil(Instant.parse("2027-01-01T00:00:00Z"))
            .revokedFrom(Instant.parse("2026-12-01T00:00:00Z"));
    String json = DocumentCodec.json().write(key);
    assertThat(DocumentCodec.json().read(json, RegisteredKey.class)).isEqualTo(key);
    assertThat(json).contains("\"type\": \"human\"");
    RegisteredKey agent = RegisteredKey.of(bot.publicKey(), BOT, REGISTERED);
    assertThat(DocumentCodec.json().read(DocumentCodec.json().write(agent), RegisteredKey.class))
        .isEqualTo(agent);
  }

  @Test
  void refusalsRoundTripThroughJson() {
    Refusal refusal = new Refusal(RefusalReason.EXPIRED, "expired at 2026-11-27T09:00:00Z");
    assertThat(DocumentCodec.json().read(DocumentCodec.json().write(refusal), Refusal.class))
        .isEqualTo(refusal);
    Binding binding = Fixtures.binding();
    assertThat(DocumentCodec.json().read(DocumentCodec.json().write(binding), Binding.class))
        .isEqualTo(binding);
  }
}
