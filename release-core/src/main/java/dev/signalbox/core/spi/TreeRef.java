package dev.signalbox.core.spi;

import dev.signalbox.core.internal.Checks;
import java.util.regex.Pattern;

/**
 * The id of a tree: the whole content of a repository at one point, such as a commit's tree or the
 * tree a merge simulation produced. A simulated tree may exist only in the memory of the {@link
 * VersionControl} that made it, until a merge is written.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param id 40 (SHA-1) or 64 (SHA-256) hexadecimal digits, in lower case
 */
public record TreeRef(String id) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /**
   * Checks the digits and brings them to lower case; the message shows the value as given.
   *
   * @throws dev.signalbox.core.InvalidValueException if the id is null or not such digits
   */
  public TreeRef {
    id =
        Checks.hexDigest(
            TreeRef.class, "id", id, HEX, "40 (SHA-1) or 64 (SHA-256) hexadecimal digits");
  }

  /** The tree {@code id}; same as the constructor. */
  public static TreeRef of(String id) {
    return new TreeRef(id);
  }

  @Override
  public String toString() {
    return id;
  }
}
