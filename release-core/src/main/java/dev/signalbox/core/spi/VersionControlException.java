package dev.signalbox.core.spi;

import dev.signalbox.core.SignalboxException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@link VersionControl} cannot do what was asked: the repository cannot be read or
 * written, an object is missing or corrupt. The adapter's own exceptions (JGit's {@code
 * IOException}s, for one) are its cause, never thrown themselves.
 */
public class VersionControlException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public VersionControlException(String message) {
    super(message);
  }

  /** Creates an exception with the given message and cause. */
  public VersionControlException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
