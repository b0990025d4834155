package dev.signalbox.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's clock: it stands still at the instant the story has reached, and the story moves it
 * forward, so that a week passes in seconds and every run prints the same times. Reviewers, the
 * board, the repository's merge commits and the ledger all read it.
 *
 * <p>Thread-safe: reviewers read it from the board's threads.
 */
final class WeekClock extends Clock {
  private volatile Instant now;

  WeekClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock to {@code next}, which must not be earlier than now. */
  void moveTo(Instant next) {
    if (next.isBefore(now)) {
      throw new IllegalArgumentException("the week runs forward: " + next + " is before " + now);
    }
    now = next;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!zone.equals(ZoneOffset.UTC)) {
      throw new UnsupportedOperationException("the week's clock is in UTC");
    }
    return this;
  }
}
