package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope: a payload of a declared type and the signatures over it, as JSON carries them
 * ({@code payload} in standard base64).
 *
 * <p>An envelope proves nothing until its signatures are verified against registered keys; the
 * payload must be parsed only after that, and exactly as verified.
 *
 * @param payloadType the payload's media type, such as {@code
 *     application/vnd.signalbox.risk-acceptance+json}
 * @param payload the payload, in standard base64
 * @param signatures the signatures over the pre-authentication encoding; may be empty (such an
 *     envelope never verifies)
 */
public record Envelope(String payloadType, String payload, List<EnvelopeSignature> signatures) {
  /** Checks that the payload is base64 and copies the signatures. */
  public Envelope {
    Checks.text(Envelope.class, "payloadType", payloadType);
    base64(Envelope.class, "payload", payload);
    signatures = Checks.list(Envelope.class, "signatures", signatures);
  }

  /** An envelope of {@code payload} with the given signatures. */
  public static Envelope of(
      String payloadType, byte[] payload, List<EnvelopeSignature> signatures) {
    Checks.present(Envelope.class, "payload", payload);
    return new Envelope(payloadType, Base64.getEncoder().encodeToString(payload), signatures);
  }

  /** The payload's bytes, decoded; a fresh array on every call. */
  public byte[] payloadBytes() {
    return Base64.getDecoder().decode(payload);
  }

  static String base64(Class<?> type, String field, String value) {
    Checks.present(type, field, value);
    try {
      Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(type, field, "must be standard base64", value);
    }
    return value;
  }
}
