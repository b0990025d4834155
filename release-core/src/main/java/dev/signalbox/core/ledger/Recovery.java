package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Checks;
import java.util.Optional;

/**
 * What opening a ledger file found: how many records survived, how many of them an acknowledged-end
 * marker covers, and the unacknowledged tail cut off, if any.
 *
 * @param records the records kept
 * @param acknowledged how many of them the last valid acknowledged-end marker covers; the others
 *     were written intact after it (their appends may not have returned) and are kept
 * @param truncatedAt the offset from which bytes were cut off, or the file's length if none were
 * @param truncatedBytes how many bytes were cut off
 * @param problem what was found at {@code truncatedAt} (a torn frame, a bad checksum), if bytes
 *     were cut off
 */
public record Recovery(
    long records,
    long acknowledged,
    long truncatedAt,
    long truncatedBytes,
    Optional<String> problem) {
  /** Checks the fields. */
  public Recovery {
    Checks.optional(Recovery.class, "problem", problem);
  }

  /** Whether an unacknowledged tail was cut off. */
  public boolean truncated() {
    return truncatedBytes > 0;
  }
}
