package dev.signalbox.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Signalbox throws: the library could not do its job.
 *
 * <p>Expected outcomes — a rejected change, a freeze, a reviewer that timed out — are data in a
 * decision or a verdict, never exceptions. Subclasses carry the offending input so that callers can
 * report it without parsing the message.
 */
public class SignalboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public SignalboxException(String message) {
    super(message);
  }

  /** Creates an exception with the given message and cause. */
  public SignalboxException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
