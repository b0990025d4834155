package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;

/**
 * A {@link VerdictOverride} inside the DSSE envelope that signs it: the form in which an override
 * arrives from outside the process.
 *
 * <p>Holding one proves nothing: the evidence verifier checks the signature against the key
 * registry, then parses exactly the verified payload.
 *
 * @param envelope the envelope, whose payload type is {@link #PAYLOAD_TYPE}
 */
public record SignedOverride(Envelope envelope) {
  /** The payload type of an override. */
  public static final String PAYLOAD_TYPE = "application/vnd.signalbox.verdict-override+json";

  /** Checks that the envelope carries an override. */
  public SignedOverride {
    Checks.present(SignedOverride.class, "envelope", envelope);
    if (!envelope.payloadType().equals(PAYLOAD_TYPE)) {
      throw new InvalidValueException(
          SignedOverride.class,
          "envelope.payloadType",
          "must be " + PAYLOAD_TYPE,
          envelope.payloadType());
    }
  }
}
