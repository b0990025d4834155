package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Envelope and EnvelopeSignature. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class EnvelopeTest {
  private static final String TYPE = "application/vnd.signalbox.risk-acceptance+json";
  private static final EnvelopeSignature SIG = new EnvelopeSignature("key-1", "c2lnbmF0dXJl");

  @Test
  void ofEncodesThePayloadInStandardBase64() {
    byte[] payload = "{\"a\":\"?>?\"}".getBytes(StandardCharsets.UTF_8);
    Envelope envelope = Envelope.of(TYPE, payload, List.of(SIG));
    assertThat(envelope.payload()).isEqualTo("eyJhIjoiPz4/In0=");
    assertThat(envelope.payloadBytes()).isEqualTo(payload);
    assertThat(envelope).isEqualTo(new Envelope(TYPE, "eyJhIjoiPz4/In0=", List.of(SIG)));
  }

  @Test
  void payloadBytesAreAFreshArrayEachTime() {
    Envelope envelope = Envelope.of(TYPE, new byte[] {1, 2, 3}, List.of());
    byte[] first = envelope.payloadBytes();
    first[0] = 9;
    assertThat(envelope.payloadBytes()).containsExactly(1, 2, 3);
    assertThat(envelope.payloadBytes()).isNotSameAs(envelope.payloadBytes());
  }

  @Test
  void ofDoesNotKeepTheArrayHandedIn() {
    byte[] payload = {1, 2, 3};
    Envelope envelope = Envelope.of(TYPE, payload, List.of());
    payload[0] = 9;
    assertThat(envelope.payloadBytes()).containsExactly(1, 2, 3);
  }

  @Test
  void mayHaveNoSignaturesOrAnEmptyPayload() {
    Envelope envelope = new Envelope(TYPE, "", List.of());
    assertThat(envelope.signatures()).isEmpty();
    assertThat(envelope.payloadBytes()).isEmpty();
  }

  @Test
  void copiesAndProtectsTheSignatures() {
    List<EnvelopeSignature> signatures = new ArrayList<>(List.of(SIG));
    Envelope envelope = new Envelope(TYPE, "", signatures);
    signatures.clear();
    assertThat(envelope.signatures()).containsExactly(SIG);
    assertThatThrownBy(() -> envelope.signatures().add(SIG))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "eyJhIjoiPz4_In0=", "a", "ab=c", "====", "YQ==YQ=="})
  void rejectsAPayloadThatIsNotStandardBase64(String payload) {
    assertRejected(
        () -> new Envelope(TYPE, payload, List.of()),
        Envelope.class,
        "payload",
        "payload must be standard base64, was \"" + payload + "\"");
  }

  @Test
  void rejectsABlankPayloadType() {
    assertRejected(
        () -> new Envelope(" ", "", List.of()),
        Envelope.class,
        "payloadType",
        "payloadType must not be blank, was \" \"");
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(() -> new Envelope(null, "", List.of()), Envelope.class, "payloadType");
    assertNullRejected(() -> new Envelope(TYPE, null, List.of()), Envelope.class, "payload");
    assertNullRejected(() -> new Envelope(TYPE, "", null), Envelope.class, "signatures");
    assertNullRejected(
        () -> new Envelope(TYPE, "", Arrays.asList(SIG, null)), Envelope.class, "signatures[1]");
    assertNullRejected(() -> Envelope.of(TYPE, null, List.of()), Envelope.class, "payload");
    assertNullRejected(
        () -> Envelope.of(null, new byte[0], List.of()), Envelope.class, "payloadType");
    assertNullRejected(() -> Envelope.of(TYPE, new byte[0], null), Envelope.class, "signatures");
  }

  @Test
  void signatureKeyIdMayBeEmpty() {
    assertThat(new EnvelopeSignature("", "c2ln").keyid()).isEmpty();
  }

  @Test
  void signatureMustBeNonEmptyBase64() {
    assertRejected(
        () -> new EnvelopeSignature("key-1", ""),
        EnvelopeSignature.class,
        "sig",
        "sig must not be blank, was \"\"");
    assertRejected(
        () -> new EnvelopeSignature("key-1", "%%%"),
        EnvelopeSignature.class,
        "sig",
        "sig must be standard base64, was \"%%%\"");
  }

  @Test
  void signatureRejectsNulAndNulls() {
    assertRejected(
        () -> new EnvelopeSignature("key\0", "c2ln"),
        EnvelopeSignature.class,
        "keyid",
        "keyid must not contain NUL, was \"key\\u0000\"");
    assertNullRejected(() -> new EnvelopeSignature(null, "c2ln"), EnvelopeSignature.class, "keyid");
    assertNullRejected(() -> new EnvelopeSignature("k", null), EnvelopeSignature.class, "sig");
  }
}
