package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * One signature in a DSSE envelope, named as the DSSE specification names its fields.
 *
 * @param keyid the signing key's id (for Signalbox keys, the SHA-256 of the public key's
 *     SubjectPublicKeyInfo); may be empty, as DSSE allows
 * @param sig the signature over the envelope's pre-authentication encoding, standard base64
 */
public record EnvelopeSignature(String keyid, String sig) {
  /** Checks that the signature is non-empty base64. */
  public EnvelopeSignature {
    Checks.noNul(EnvelopeSignature.class, "keyid", keyid);
    Envelope.base64(EnvelopeSignature.class, "sig", sig);
    Checks.text(EnvelopeSignature.class, "sig", sig);
  }
}
