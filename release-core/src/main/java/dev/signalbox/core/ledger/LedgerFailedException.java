package dev.signalbox.core.ledger;

import dev.signalbox.core.SignalboxException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a ledger could not make an append durable, and by every append after that: a failed
 * force leaves the durability of what was written unknown, so the store stops rather than retry and
 * hope. Reopening the ledger runs recovery and tells what survived.
 */
public final class LedgerFailedException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message and the failure that caused it. */
  public LedgerFailedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
