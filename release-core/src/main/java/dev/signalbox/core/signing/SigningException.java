package dev.signalbox.core.signing;

import dev.signalbox.core.SignalboxException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a signature cannot be made or a key cannot be used: a {@link Signer} that failed, a
 * key that is not an Ed25519 key. A signature that does not verify is not an exception but a {@link
 * Refusal}.
 */
public class SigningException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public SigningException(String message) {
    super(message);
  }

  /** Creates an exception with the given message and cause. */
  public SigningException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
