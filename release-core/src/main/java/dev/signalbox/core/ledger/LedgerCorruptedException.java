package dev.signalbox.core.ledger;

import dev.signalbox.core.SignalboxException;

/**
 * Thrown when a ledger's stored bytes are damaged where they were acknowledged: the ledger refuses
 * to open (or to read on) rather than silently drop what it had promised to keep.
 */
public final class LedgerCorruptedException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;
  private final String problem;

  /**
   * Creates an exception for damage found in {@code source} at byte {@code offset}.
   *
   * @param source the file or store damaged
   * @param offset the offset of the first damaged frame (or record index, for stores without
   *     bytes), as the store names it
   * @param problem what is wrong there
   */
  public LedgerCorruptedException(String source, long offset, String problem) {
    super("ledger " + source + " is corrupted at offset " + offset + ": " + problem);
    this.source = source;
    this.offset = offset;
    this.problem = problem;
  }

  /** The file or store damaged. */
  public String source() {
    return source;
  }

  /** The offset of the first damage found. */
  public long offset() {
    return offset;
  }

  /** What is wrong at {@link #offset()}. */
  public String problem() {
    return problem;
  }
}
