package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.regex.Pattern;

/**
 * A revision: the id of one commit.
 *
 * @param commit 40 (SHA-1) or 64 (SHA-256) hexadecimal digits, in lower case
 */
public record Revision(String commit) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** Checks the digits and brings them to lower case; the message shows the value as given. */
  public Revision {
    commit =
        Checks.hexDigest(
            Revision.class, "commit", commit, HEX, "40 (SHA-1) or 64 (SHA-256) hexadecimal digits");
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
