package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;

/**
 * A {@link RiskAcceptance} inside the DSSE envelope that signs it: the form in which a risk
 * acceptance arrives from outside the process.
 *
 * <p>Holding one proves nothing: the evidence verifier checks the signature against the key
 * registry, then parses exactly the verified payload.
 *
 * @param envelope the envelope, whose payload type is {@link #PAYLOAD_TYPE}
 */
public record SignedAcceptance(Envelope envelope) {
  /** The payload type of a risk acceptance. */
  public static final String PAYLOAD_TYPE = "application/vnd.signalbox.risk-acceptance+json";

  /** Checks that the envelope carries a risk acceptance. */
  public SignedAcceptance {
    Checks.present(SignedAcceptance.class, "envelope", envelope);
    if (!envelope.payloadType().equals(PAYLOAD_TYPE)) {
      throw new InvalidValueException(
          SignedAcceptance.class,
          "envelope.payloadType",
          "must be " + PAYLOAD_TYPE,
          envelope.payloadType());
    }
  }
}
