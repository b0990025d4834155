package dev.signalbox.core.signing;

import dev.signalbox.core.internal.Sha256;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) with the JDK's provider: key ids, keys from their raw bytes, signing and
 * verifying.
 *
 * <p>Stateless and thread-safe. Methods throw {@link SigningException} for a key that is not an
 * Ed25519 key or raw bytes of the wrong length, and never for a signature that does not verify.
 */
public final class Ed25519 {
  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** The DER prefix of an Ed25519 PKCS#8 private key (RFC 8410), followed by the 32-byte seed. */
  private static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };

  /** The length of an Ed25519 signature in bytes. */
  public static final int SIGNATURE_LENGTH = 64;

  private Ed25519() {}

  /**
   * The key id of {@code key}: the lower-case hexadecimal SHA-256 of its SubjectPublicKeyInfo.
   *
   * @throws SigningException if {@code key} is not an Ed25519 public key
   */
  public static String keyId(PublicKey key) {
    return Sha256.hex(spki(key));
  }

  /**
   * The SubjectPublicKeyInfo encoding of {@code key} (44 bytes).
   *
   * @throws SigningException if {@code key} is not an Ed25519 public key
   */
  public static byte[] spki(PublicKey key) {
    if (key == null) {
      throw new SigningException("key must not be null");
    }
    byte[] encoded = key.getEncoded();
    if (encoded == null
        || encoded.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new SigningException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return encoded;
  }

  /**
   * The 32 raw bytes of {@code key}, as RFC 8032 writes a public key.
   *
   * @throws SigningException if {@code key} is not an Ed25519 public key
   */
  public static byte[] raw(PublicKey key) {
    byte[] encoded = spki(key);
    return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
  }

  /**
   * The public key whose 32 raw bytes (RFC 8032) are {@code raw}.
   *
   * @throws SigningException if {@code raw} is not 32 bytes or not a valid key encoding
   */
  public static PublicKey publicKey(byte[] raw) {
    if (raw == null || raw.length != 32) {
      throw new SigningException("an Ed25519 public key has 32 bytes");
    }
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
    return publicKeyFromSpki(spki);
  }

  /**
   * The public key whose SubjectPublicKeyInfo encoding is {@code spki}.
   *
   * @throws SigningException if {@code spki} is not an Ed25519 SubjectPublicKeyInfo
   */
  public static PublicKey publicKeyFromSpki(byte[] spki) {
    if (spki == null
        || spki.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new SigningException("not an Ed25519 SubjectPublicKeyInfo");
    }
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new SigningException("not a valid Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /**
   * The private key whose 32-byte seed (RFC 8032's "secret key") is {@code seed}.
   *
   * @throws SigningException if {@code seed} is not 32 bytes
   */
  public static PrivateKey privateKey(byte[] seed) {
    if (seed == null || seed.length != 32) {
      throw new SigningException("an Ed25519 private key seed has 32 bytes");
    }
    byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
    System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new SigningException("not a valid Ed25519 private key: " + e.getMessage(), e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /** A new key pair from the JDK's default secure random source. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new SigningException("this JDK has no Ed25519", e);
    }
  }

  /**
   * Signs {@code message} with {@code key}.
   *
   * @throws SigningException if {@code key} is not an Ed25519 private key
   */
  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (InvalidKeyException e) {
      throw new SigningException("not an Ed25519 private key: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot sign: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code signature} is {@code key}'s Ed25519 signature of {@code message}; false for a
   * signature of the wrong length or encoding.
   *
   * @throws SigningException if {@code key} is not an Ed25519 public key
   */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    spki(key);
    if (signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false;
    } catch (InvalidKeyException e) {
      throw new SigningException("not an Ed25519 public key: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new SigningException("this JDK has no Ed25519", e);
    }
  }
}
