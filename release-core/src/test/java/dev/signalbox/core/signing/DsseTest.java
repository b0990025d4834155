package dev.signalbox.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DSSE's pre-authentication encoding, signing and envelope digests. */
class DsseTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void paeIsTheSpecificationsExample() {
    // https://github.com/secure-systems-lab/dsse/blob/master/protocol.md, "Test cases"
    assertThat(
            new String(
                Dsse.pae("http://example.com/HelloWorld", utf8("hello world")),
                StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void paeCountsBytesNotCharacters() {
    assertThat(Dsse.pae("t/é", utf8("ü"))).isEqualTo(utf8("DSSEv1 4 t/é 2 ü"));
    assertThat(Dsse.pae("", new byte[0])).isEqualTo(utf8("DSSEv1 0  0 "));
  }

  @Test
  void signSignsThePaeWithEverySigner() {
    Ed25519Signer one = Ed25519Signer.generate();
    Ed25519Signer two = Ed25519Signer.generate();
    Envelope envelope = Dsse.sign("text/plain", utf8("hello"), one, two);

    assertThat(envelope.payloadBytes()).isEqualTo(utf8("hello"));
    assertThat(envelope.signatures())
        .extracting(EnvelopeSignature::keyid)
        .containsExactly(one.keyId(), two.keyId());
    byte[] pae = Dsse.pae("text/plain", utf8("hello"));
    assertThat(Ed25519.verify(one.publicKey(), pae, sig(envelope, 0))).isTrue();
    assertThat(Ed25519.verify(two.publicKey(), pae, sig(envelope, 1))).isTrue();
    assertThat(Ed25519.verify(one.publicKey(), utf8("hello"), sig(envelope, 0))).isFalse();
  }

  @Test
  void signNeedsASigner() {
    assertThatThrownBy(() -> Dsse.sign("text/plain", utf8("x")))
        .isInstanceOf(SigningException.class)
        .hasMessage("an envelope needs at least one signer");
  }

  @Test
  void digestChangesWithEveryPart() {
    Envelope envelope =
        new Envelope("a/b", "aGVsbG8=", List.of(new EnvelopeSignature("k", "c2ln")));
    String digest = Dsse.digest(envelope);
    assertThat(digest).matches("[0-9a-f]{64}");
    assertThat(
            Dsse.digest(
                new Envelope("a/b", "aGVsbG8=", List.of(new EnvelopeSignature("k", "c2ln")))))
        .isEqualTo(digest);
    assertThat(Dsse.digest(new Envelope("a/c", "aGVsbG8=", envelope.signatures())))
        .isNotEqualTo(digest);
    assertThat(Dsse.digest(new Envelope("a/b", "aGVsbG9v", envelope.signatures())))
        .isNotEqualTo(digest);
    // base64 whose padding bits differ decodes to the same bytes: the digest is of what is signed
    assertThat(Dsse.digest(new Envelope("a/b", "aGVsbG9=", envelope.signatures())))
        .isEqualTo(digest);
    assertThat(
            Dsse.digest(
                new Envelope("a/b", "aGVsbG8=", List.of(new EnvelopeSignature("j", "c2ln")))))
        .isNotEqualTo(digest);
    assertThat(
            Dsse.digest(
                new Envelope("a/b", "aGVsbG8=", List.of(new EnvelopeSignature("k", "c2lo")))))
        .isNotEqualTo(digest);
    assertThat(Dsse.digest(new Envelope("a/b", "aGVsbG8=", List.of()))).isNotEqualTo(digest);
  }

  private static byte[] sig(Envelope envelope, int index) {
    return Base64.getDecoder().decode(envelope.signatures().get(index).sig());
  }
}
