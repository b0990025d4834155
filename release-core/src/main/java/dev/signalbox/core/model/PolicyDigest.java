package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a policy's canonical JSON (RFC 8785), recorded in every decision, acceptance and
 * ledger entry that depends on the policy.
 *
 * @param value 64 hexadecimal digits, in lower case
 */
public record PolicyDigest(String value) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /** Checks the digits and brings them to lower case; the message shows the value as given. */
  public PolicyDigest {
    value = Checks.hexDigest(PolicyDigest.class, "value", value, HEX, "64 hexadecimal digits");
  }

  /** The digest {@code value}; same as the constructor. */
  public static PolicyDigest of(String value) {
    return new PolicyDigest(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
