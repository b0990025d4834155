package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Checks;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 and lower-case hexadecimal, for the ledger's digests. */
final class Hex {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Hex() {}

  static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String sha256(Class<?> type, String field, String value) {
    return Checks.hexDigest(type, field, value, SHA256, "64 hexadecimal digits");
  }
}
