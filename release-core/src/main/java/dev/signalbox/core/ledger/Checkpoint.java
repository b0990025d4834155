package dev.signalbox.core.ledger;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.Sha256;
import dev.signalbox.core.signing.Ed25519;
import dev.signalbox.core.signing.Signer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A signed checkpoint of a ledger: its origin, size and Merkle root, as a note in the C2SP
 * tlog-checkpoint format ({@code https://c2sp.org/tlog-checkpoint}) signed as a C2SP signed note
 * with an Ed25519 key named after the origin.
 *
 * <p>The note reads:
 *
 * <pre>
 * origin
 * size
 * base64 root hash
 *
 * — origin base64(4-byte key hash || 64-byte Ed25519 signature)
 * </pre>
 *
 * where the key hash is the first four bytes of SHA-256(origin || "\n" || 0x01 || public key).
 *
 * @param origin the ledger's origin line, such as {@code signalbox.dev/acme/releases}
 * @param size the number of entries the checkpoint covers
 * @param rootHash the Merkle root of those entries, standard base64
 * @param note the whole signed note
 */
public record Checkpoint(String origin, long size, String rootHash, String note) {
  private static final String DASH = "\u2014 ";

  /** Checks that the note's body states the origin, size and root. */
  public Checkpoint {
    Checks.token(Checkpoint.class, "origin", origin);
    if (size < 0) {
      throw new InvalidValueException(Checkpoint.class, "size", "must be >= 0", size);
    }
    Checks.text(Checkpoint.class, "rootHash", rootHash);
    Checks.text(Checkpoint.class, "note", note);
    if (!note.startsWith(body(origin, size, rootHash) + "\n")) {
      throw new InvalidValueException(
          Checkpoint.class, "note", "must state the origin, size and root hash", note);
    }
  }

  private static String body(String origin, long size, String rootHash) {
    return origin + "\n" + size + "\n" + rootHash + "\n";
  }

  /** The checkpoint's body: the text the signature covers. */
  public String body() {
    return body(origin, size, rootHash);
  }

  /**
   * Signs a checkpoint of a tree of {@code size} entries with root {@code root}.
   *
   * @throws dev.signalbox.core.signing.SigningException if the signer fails
   */
  static Checkpoint sign(String origin, long size, byte[] root, Signer signer) {
    String rootHash = Base64.getEncoder().encodeToString(root);
    String body = body(origin, size, rootHash);
    byte[] signature = signer.sign(body.getBytes(StandardCharsets.UTF_8));
    byte[] blob =
        ByteBuffer.allocate(4 + signature.length)
            .put(keyHash(origin, signer.publicKey()))
            .put(signature)
            .array();
    String note =
        body + "\n" + DASH + origin + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    return new Checkpoint(origin, size, rootHash, note);
  }

  /**
   * Whether the note carries a valid signature by {@code key} under the name {@link #origin()}.
   *
   * @throws dev.signalbox.core.signing.SigningException if {@code key} is not an Ed25519 key
   */
  public boolean verify(PublicKey key) {
    byte[] expectedHash = keyHash(origin, key);
    String body = body();
    String rest = note.substring(body.length() + 1);
    for (String line : rest.split("\n", -1)) {
      if (!line.startsWith(DASH + origin + " ")) {
        continue;
      }
      byte[] blob;
      try {
        blob = Base64.getDecoder().decode(line.substring(DASH.length() + origin.length() + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (blob.length == 4 + Ed25519.SIGNATURE_LENGTH
          && Arrays.equals(blob, 0, 4, expectedHash, 0, 4)
          && Ed25519.verify(
              key,
              body.getBytes(StandardCharsets.UTF_8),
              Arrays.copyOfRange(blob, 4, blob.length))) {
        return true;
      }
    }
    return false;
  }

  /** The C2SP signed-note key hash of an Ed25519 key: 4 bytes. */
  static byte[] keyHash(String name, PublicKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.write(0x01);
    out.writeBytes(Ed25519.raw(key));
    return Arrays.copyOf(Sha256.of(out.toByteArray()), 4);
  }
}
