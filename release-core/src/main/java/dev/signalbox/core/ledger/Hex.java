package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Checks;
import java.util.regex.Pattern;

/** The check the ledger makes of SHA-256 digests written as 64 lower-case hexadecimal digits. */
final class Hex {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Hex() {}

  static String sha256(Class<?> type, String field, String value) {
    return Checks.hexDigest(type, field, value, SHA256, "64 hexadecimal digits");
  }
}
