package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SignedAcceptance and SignedOverride: envelopes of the right payload type. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class SignedAcceptanceTest {
  private static final EnvelopeSignature SIG = new EnvelopeSignature("key-1", "c2ln");

  private static Envelope envelope(String type) {
    return Envelope.of(type, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(SIG));
  }

  @Test
  void payloadTypes() {
    assertThat(SignedAcceptance.PAYLOAD_TYPE)
        .isEqualTo("application/vnd.signalbox.risk-acceptance+json");
    assertThat(SignedOverride.PAYLOAD_TYPE)
        .isEqualTo("application/vnd.signalbox.verdict-override+json");
  }

  @Test
  void acceptanceCarriesARiskAcceptanceEnvelope() {
    Envelope envelope = envelope(SignedAcceptance.PAYLOAD_TYPE);
    assertThat(new SignedAcceptance(envelope).envelope()).isEqualTo(envelope);
  }

  @Test
  void overrideCarriesAnOverrideEnvelope() {
    Envelope envelope = envelope(SignedOverride.PAYLOAD_TYPE);
    assertThat(new SignedOverride(envelope).envelope()).isEqualTo(envelope);
  }

  @Test
  void acceptanceRejectsAnotherPayloadType() {
    assertRejected(
        () -> new SignedAcceptance(envelope(SignedOverride.PAYLOAD_TYPE)),
        SignedAcceptance.class,
        "envelope.payloadType",
        "envelope.payloadType must be application/vnd.signalbox.risk-acceptance+json, "
            + "was \"application/vnd.signalbox.verdict-override+json\"");
    assertRejected(
        () -> new SignedAcceptance(envelope("application/vnd.signalbox.risk-acceptance+JSON")),
        SignedAcceptance.class,
        "envelope.payloadType",
        "envelope.payloadType must be application/vnd.signalbox.risk-acceptance+json, "
            + "was \"application/vnd.signalbox.risk-acceptance+JSON\"");
  }

  @Test
  void overrideRejectsAnotherPayloadType() {
    assertRejected(
        () -> new SignedOverride(envelope(SignedAcceptance.PAYLOAD_TYPE)),
        SignedOverride.class,
        "envelope.payloadType",
        "envelope.payloadType must be application/vnd.signalbox.verdict-override+json, "
            + "was \"application/vnd.signalbox.risk-acceptance+json\"");
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(() -> new SignedAcceptance(null), SignedAcceptance.class, "envelope");
    assertNullRejected(() -> new SignedOverride(null), SignedOverride.class, "envelope");
  }
}
