package dev.signalbox.core.board;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Duration;

/**
 * How the review board retries a reviewer's {@linkplain
 * dev.signalbox.core.spi.ReviewFailure#isTransient() transient} failures: up to {@code maxAttempts}
 * attempts in all, waiting after the n-th failed attempt {@code firstBackoff × multiplier^(n-1)},
 * at most {@code maxBackoff}, and at least the {@linkplain
 * dev.signalbox.core.spi.ReviewFailure#retryAfter() retry-after} the reviewer was told. A retry
 * that would start after the board's deadline is not made. No jitter: the board's runs stay
 * reproducible in virtual time.
 *
 * @param maxAttempts the attempts per reviewer and surface, the first included; at least 1
 * @param firstBackoff the wait after the first failed attempt; not negative
 * @param multiplier the growth of the wait per further failed attempt; at least 1
 * @param maxBackoff the longest wait the backoff alone asks for; at least {@code firstBackoff}, at
 *     most a day
 */
public record RetryPolicy(
    int maxAttempts, Duration firstBackoff, double multiplier, Duration maxBackoff) {
  private static final Duration LONGEST = Duration.ofDays(1);
  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);
  private static final RetryPolicy DEFAULTS =
      exponential(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

  /**
   * Checks the fields.
   *
   * @throws InvalidValueException naming the field that is out of bounds
   */
  public RetryPolicy {
    Checks.atLeast(RetryPolicy.class, "maxAttempts", maxAttempts, 1);
    Checks.present(RetryPolicy.class, "firstBackoff", firstBackoff);
    if (firstBackoff.isNegative()) {
      throw new InvalidValueException(
          RetryPolicy.class, "firstBackoff", "must not be negative", firstBackoff);
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new InvalidValueException(
          RetryPolicy.class, "multiplier", "must be finite and at least 1", multiplier);
    }
    Checks.present(RetryPolicy.class, "maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(firstBackoff) < 0) {
      throw new InvalidValueException(
          RetryPolicy.class,
          "maxBackoff",
          "must be at least firstBackoff (" + firstBackoff + ")",
          maxBackoff);
    }
    if (maxBackoff.compareTo(LONGEST) > 0) {
      throw new InvalidValueException(
          RetryPolicy.class, "maxBackoff", "must be at most " + LONGEST, maxBackoff);
    }
  }

  /** One attempt, no retry. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** Three attempts, waiting 1 s and then 2 s (doubling, at most 30 s). */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Up to {@code maxAttempts} attempts, the wait doubling from {@code firstBackoff} up to {@code
   * maxBackoff}.
   *
   * @throws InvalidValueException naming the field that is out of bounds
   */
  public static RetryPolicy exponential(
      int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    return new RetryPolicy(maxAttempts, firstBackoff, 2, maxBackoff);
  }

  /**
   * How long the backoff asks to wait after the {@code failedAttempts}-th failed attempt, before
   * any retry-after the reviewer was told.
   *
   * @throws InvalidValueException if {@code failedAttempts} is below 1
   */
  public Duration backoff(int failedAttempts) {
    Checks.atLeast(RetryPolicy.class, "failedAttempts", failedAttempts, 1);
    double nanos = firstBackoff.toNanos() * Math.pow(multiplier, failedAttempts - 1.0);
    if (nanos >= maxBackoff.toNanos()) {
      return maxBackoff;
    }
    return Duration.ofNanos((long) nanos);
  }
}
