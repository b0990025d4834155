package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.regex.Pattern;

/**
 * The digest of a change's diff from base to head, with hunk line numbers removed and file order
 * normalised, whitespace significant (like {@code git patch-id --verbatim}): a trivial rebase keeps
 * it, any edit to the diff changes it. Verdicts, acceptances and overrides name it to stay bound to
 * exactly what was reviewed.
 *
 * @param value 40 or 64 hexadecimal digits, in lower case
 */
public record ContentDigest(String value) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** Checks the digits and brings them to lower case; the message shows the value as given. */
  public ContentDigest {
    value =
        Checks.hexDigest(ContentDigest.class, "value", value, HEX, "40 or 64 hexadecimal digits");
  }

  /** The digest {@code value}; same as the constructor. */
  public static ContentDigest of(String value) {
    return new ContentDigest(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
