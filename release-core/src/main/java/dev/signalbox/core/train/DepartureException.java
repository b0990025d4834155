package dev.signalbox.core.train;

import dev.signalbox.core.SignalboxException;

/**
 * Thrown when a train cannot depart: its branch was moved by someone else (the message names the
 * commit expected and the commit found), a train ahead of it has not departed, or the ledger holds
 * another plan for the same train. Nothing the departure wrote before is undone; once the cause is
 * dealt with (a new plan onto the moved branch, the train ahead departed) it can be run again.
 */
public final class DepartureException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message}. */
  public DepartureException(String message) {
    super(message);
  }
}
