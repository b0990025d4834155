package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.signing.Dsse;
import dev.signalbox.core.signing.Ed25519;
import dev.signalbox.core.signing.EnvelopeVerifier;
import dev.signalbox.core.signing.KeyRegistry;
import dev.signalbox.core.signing.RegisteredKey;
import dev.signalbox.core.signing.Signer;
import dev.signalbox.core.signing.StatementType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Signer} must keep: a pure Ed25519 signature of exactly the bytes handed
 * in, by the key it names, from any thread.
 *
 * <p>Extend it in the implementation's tests and return a signer from {@link #signer()}; a KMS
 * adapter can point it at a test key.
 */
public abstract class SignerContract {
  /** Creates the contract test; JUnit instantiates the subclass. */
  protected SignerContract() {}

  /** The signer under test; called once per test. */
  protected abstract Signer signer();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theKeyIdIsTheSha256OfThePublicKeysSubjectPublicKeyInfo() {
    Signer signer = signer();
    assertThat(signer.keyId()).isEqualTo(Ed25519.keyId(signer.publicKey())).matches("[0-9a-f]{64}");
  }

  @Test
  void signaturesVerifyWithThePublicKeyAndOnlyForTheBytesSigned() {
    Signer signer = signer();
    byte[] message = bytes("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    byte[] signature = signer.sign(message);
    assertThat(signature).hasSize(Ed25519.SIGNATURE_LENGTH);
    assertThat(Ed25519.verify(signer.publicKey(), message, signature)).isTrue();
    assertThat(Ed25519.verify(signer.publicKey(), bytes("hello world"), signature)).isFalse();
  }

  @Test
  void signsTheEmptyMessageAndLongOnes() {
    Signer signer = signer();
    byte[] empty = new byte[0];
    assertThat(Ed25519.verify(signer.publicKey(), empty, signer.sign(empty))).isTrue();
    byte[] large = new byte[1 << 20];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31);
    }
    assertThat(Ed25519.verify(signer.publicKey(), large, signer.sign(large))).isTrue();
  }

  @Test
  void doesNotKeepOrChangeTheMessage() {
    Signer signer = signer();
    byte[] message = bytes("release train 2026-11-26");
    byte[] copy = message.clone();
    byte[] signature = signer.sign(message);
    assertThat(message).isEqualTo(copy);
    message[0] ^= 1;
    assertThat(Ed25519.verify(signer.publicKey(), copy, signature)).isTrue();
  }

  @Test
  void signsFromManyThreads() throws Exception {
    Signer signer = signer();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        byte[] message = bytes("message " + i);
        results.add(
            pool.submit(() -> Ed25519.verify(signer.publicKey(), message, signer.sign(message))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void itsEnvelopesVerifyOnceItsKeyIsRegistered() {
    Signer signer = signer();
    Envelope envelope = Dsse.sign(StatementType.VERDICT_PAYLOAD_TYPE, bytes("{}"), signer);
    assertThat(envelope.signatures().get(0).keyid()).isEqualTo(signer.keyId());
    EnvelopeVerifier verifier =
        EnvelopeVerifier.create(
            KeyRegistry.of(
                RegisteredKey.of(
                    signer.publicKey(),
                    Human.of("contract", "Contract Test", "tester"),
                    Instant.parse("2000-01-01T00:00:00Z"))));
    // the payload is not a verdict, but the signature must check out: only the parse is refused
    assertThat(
            verifier
                .verify(envelope, StatementType.VERDICT, Instant.parse("2026-01-01T00:00:00Z"))
                .refusals())
        .extracting(refusal -> refusal.reason().name())
        .containsExactly("MALFORMED_PAYLOAD");
  }
}
