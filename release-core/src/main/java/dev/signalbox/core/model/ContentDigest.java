package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The digest of a change's diff from base to head, with hunk line numbers removed and file order normalised, whitespace significant (like {@code git patch-id --verbatim}): a trivial rebase keeps it, any edit to the diff changes it. Verdicts, acceptances and overrides name it to stay bound to exactly what was reviewed.
 *
 * @param value 40 or 64 hexadecimal digits, in lower case
 */
public record ContentDigest(String value) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** Checks the digest and brings it to lower case. */
  public ContentDigest {
    Checks.present(ContentDigest.class, "value", value);
    String lowerCase = value.toLowerCase(Locale.ROOT);
    if (!HEX.matcher(lowerCase).matches()) {
      // the message shows the value as given, not as lower-cased
      throw new InvalidValueException(ContentDigest.class, "value", "must be 40 or 64 hexadecimal digits", value);
    }
    value = lowerCase;
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
