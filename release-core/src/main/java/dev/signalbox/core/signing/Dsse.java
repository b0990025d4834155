package dev.signalbox.core.signing;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.Sha256;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Dead Simple Signing Envelope (DSSE v1): its pre-authentication encoding, signing, and the
 * digest that identifies an envelope.
 *
 * <p>Stateless and thread-safe. Verifying is {@link EnvelopeVerifier}'s job, since it needs the key
 * registry.
 */
public final class Dsse {
  private static final byte[] PREFIX = "DSSEv1".getBytes(StandardCharsets.US_ASCII);

  private Dsse() {}

  /**
   * The pre-authentication encoding of a payload, the bytes every DSSE signature is made over:
   * {@code "DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload}, lengths in ASCII decimal
   * bytes, the type in UTF-8.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  public static byte[] pae(String payloadType, byte[] payload) {
    Checks.present(Dsse.class, "payloadType", payloadType);
    Checks.present(Dsse.class, "payload", payload);
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    out.writeBytes(PREFIX);
    field(out, type);
    field(out, payload);
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, byte[] value) {
    out.write(' ');
    out.writeBytes(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
    out.write(' ');
    out.writeBytes(value);
  }

  /**
   * An envelope of {@code payload}, signed by each of {@code signers} in order.
   *
   * @throws SigningException if a signer fails or returns something that is not a signature
   * @throws dev.signalbox.core.InvalidValueException if an argument is null or there is no signer
   */
  public static Envelope sign(String payloadType, byte[] payload, Signer... signers) {
    Checks.present(Dsse.class, "signers", signers);
    if (signers.length == 0) {
      throw new SigningException("an envelope needs at least one signer");
    }
    byte[] pae = pae(payloadType, payload);
    List<EnvelopeSignature> signatures = new ArrayList<>(signers.length);
    for (Signer signer : signers) {
      Checks.present(Dsse.class, "signers[]", signer);
      byte[] sig = signer.sign(pae);
      if (sig == null || sig.length == 0) {
        throw new SigningException("signer " + signer.keyId() + " returned no signature");
      }
      signatures.add(
          new EnvelopeSignature(signer.keyId(), Base64.getEncoder().encodeToString(sig)));
    }
    return Envelope.of(payloadType, payload, signatures);
  }

  /**
   * The digest that identifies {@code envelope}, as lower-case hexadecimal SHA-256 over its
   * pre-authentication encoding followed, for each signature in order, by {@code SP LEN(keyid) SP
   * keyid SP LEN(sig) SP sig} (the signature's decoded bytes): two envelopes have the same digest
   * exactly when they carry the same payload type, payload and signatures.
   */
  public static String digest(Envelope envelope) {
    Checks.present(Dsse.class, "envelope", envelope);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(pae(envelope.payloadType(), envelope.payloadBytes()));
    for (EnvelopeSignature signature : envelope.signatures()) {
      field(out, signature.keyid().getBytes(StandardCharsets.UTF_8));
      field(out, Base64.getDecoder().decode(signature.sig()));
    }
    return Sha256.hex(out.toByteArray());
  }
}
