package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A revision: the id of one commit.
 *
 * @param commit 40 (SHA-1) or 64 (SHA-256) hexadecimal digits, in lower case
 */
public record Revision(String commit) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** Checks the digest and brings it to lower case. */
  public Revision {
    Checks.present(Revision.class, "commit", commit);
    String lowerCase = commit.toLowerCase(Locale.ROOT);
    if (!HEX.matcher(lowerCase).matches()) {
      // the message shows the value as given, not as lower-cased
      throw new InvalidValueException(Revision.class, "commit", "must be 40 (SHA-1) or 64 (SHA-256) hexadecimal digits", commit);
    }
    commit = lowerCase;
  }

  /** The digest {@code commit}; same as the constructor. */
  public static Revision of(String commit) {
    return new Revision(commit);
  }

  /** The first 12 digits of the commit id, for messages. */
  public String abbreviated() {
    return commit.substring(0, 12);
  }

  @Override
  public String toString() {
    return commit;
  }
}
