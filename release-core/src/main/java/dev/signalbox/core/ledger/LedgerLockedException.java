package dev.signalbox.core.ledger;

import dev.signalbox.core.SignalboxException;

/**
 * Thrown when a ledger file is already open for writing, by another process or in this one: two
 * writers would interleave their records.
 */
public final class LedgerLockedException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  private final String file;

  /** Creates an exception for the locked {@code file}, with the given explanation. */
  public LedgerLockedException(String file, String explanation) {
    super("ledger " + file + " is locked: " + explanation);
    this.file = file;
  }

  /** The file that is locked. */
  public String file() {
    return file;
  }
}
