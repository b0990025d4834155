package dev.signalbox.core.signing;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A {@link Signer} over an Ed25519 key pair held in this process.
 *
 * <p>Immutable and thread-safe. The private key stays inside; {@link #toString()} shows only the
 * key id.
 */
public final class Ed25519Signer implements Signer {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;

  private Ed25519Signer(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = Ed25519.keyId(publicKey);
  }

  /**
   * A signer with the key pair {@code keys}.
   *
   * @throws SigningException if the pair is not an Ed25519 pair whose halves belong together
   */
  public static Ed25519Signer create(KeyPair keys) {
    if (keys == null || keys.getPrivate() == null || keys.getPublic() == null) {
      throw new SigningException("an Ed25519 signer needs both halves of a key pair");
    }
    Ed25519Signer signer = new Ed25519Signer(keys.getPrivate(), keys.getPublic());
    byte[] probe = {'s', 'i', 'g', 'n', 'a', 'l', 'b', 'o', 'x'};
    if (!Ed25519.verify(signer.publicKey, probe, signer.sign(probe))) {
      throw new SigningException(
          "the private key does not belong to the public key " + signer.keyId);
    }
    return signer;
  }

  /**
   * A signer with the key whose 32-byte RFC 8032 seed is {@code seed} and whose 32 raw public key
   * bytes are {@code publicKey}.
   *
   * @throws SigningException if either has the wrong length or they do not belong together
   */
  public static Ed25519Signer fromRaw(byte[] seed, byte[] publicKey) {
    return create(new KeyPair(Ed25519.publicKey(publicKey), Ed25519.privateKey(seed)));
  }

  /** A signer with a new key pair. */
  public static Ed25519Signer generate() {
    return create(Ed25519.generate());
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    if (message == null) {
      throw new SigningException("message must not be null");
    }
    return Ed25519.sign(privateKey, message);
  }

  @Override
  public String toString() {
    return "Ed25519Signer[" + keyId + "]";
  }
}
