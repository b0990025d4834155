package dev.signalbox.core.signing;

import java.security.PublicKey;

/**
 * Something that signs bytes with one Ed25519 key: an in-process key pair ({@link Ed25519Signer}),
 * a KMS or an HSM. Signalbox hands it the DSSE pre-authentication encoding of an envelope, or the
 * text of a checkpoint note, and expects a pure Ed25519 signature (RFC 8032) of exactly those
 * bytes.
 *
 * <p>Implementations must be thread-safe. {@code dev.signalbox.testkit.contracts.SignerContract} is
 * the contract test every implementation should pass.
 */
public interface Signer {
  /**
   * The id of the signing key: the lower-case hexadecimal SHA-256 of its public key's
   * SubjectPublicKeyInfo encoding, as {@link Ed25519#keyId(PublicKey)} computes it.
   */
  String keyId();

  /** The public key of the signing key, an Ed25519 key. */
  PublicKey publicKey();

  /**
   * Signs {@code message}.
   *
   * @return the 64-byte Ed25519 signature
   * @throws SigningException if the signature cannot be made
   */
  byte[] sign(byte[] message);
}
