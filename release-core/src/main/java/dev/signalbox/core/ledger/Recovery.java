package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Checks;
import java.util.Optional;

/**
 * What opening a ledger file found: the records kept, which are exactly those the last valid
 * acknowledged-end marker covers, and the unacknowledged tail after that marker, cut off.
 *
 * @param records the records kept, every one acknowledged by a marker
 * @param truncatedAt the offset from which bytes were cut off (the end of the last valid marker
 *     copy), or the file's length if none were
 * @param truncatedBytes how many bytes were cut off
 * @param droppedRecords how many whole, intact records the cut-off tail held: written, but no valid
 *     marker acknowledged them (their append never returned, or the marker after them was damaged)
 * @param problem what ended the tail's reading (a torn frame, a bad checksum), or that no marker
 *     followed the records in it, if bytes were cut off; or, with nothing cut off, that the first
 *     copy of the last marker was damaged and rewritten from its valid twin
 */
public record Recovery(
    long records,
    long truncatedAt,
    long truncatedBytes,
    long droppedRecords,
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
