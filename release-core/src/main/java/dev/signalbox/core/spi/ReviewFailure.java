package dev.signalbox.core.spi;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.SignalboxException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link Reviewer} that could not review: transient when asking again may help (a rate
 * limit, a server error, a timeout on the wire), permanent when it will not (a refusal, an
 * authentication error, output that is not a verdict). The review board retries transient failures
 * within its deadline, waiting at least {@link #retryAfter()} when the reviewer knows how long, and
 * turns the last failure into an abstention with its cause.
 */
public final class ReviewFailure extends SignalboxException {
  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;
  private final @Nullable Duration retryAfter;

  private ReviewFailure(
      String message,
      boolean transientFailure,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  /** A failure that asking again may cure, with no advice on when. */
  public static ReviewFailure transientFailure(String message, @Nullable Throwable cause) {
    return new ReviewFailure(message, true, null, cause);
  }

  /**
   * A failure that asking again after {@code retryAfter} may cure, as a 429 with {@code
   * Retry-After} says.
   */
  public static ReviewFailure retryAfter(String message, Duration retryAfter) {
    if (retryAfter.isNegative()) {
      throw new InvalidValueException(
          ReviewFailure.class, "retryAfter", "must not be negative", retryAfter);
    }
    return new ReviewFailure(message, true, retryAfter, null);
  }

  /** A failure that asking again will not cure. */
  public static ReviewFailure permanent(String message, @Nullable Throwable cause) {
    return new ReviewFailure(message, false, null, cause);
  }

  /** Whether asking again may help. */
  public boolean isTransient() {
    return transientFailure;
  }

  /** How long to wait before asking again, when the reviewer was told. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
