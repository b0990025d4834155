package dev.signalbox.core.calendar;

import java.time.Instant;

/**
 * The instants at which one schedule is in force, as intervals found on demand.
 *
 * <p>Implementations are immutable and thread-safe.
 */
interface Timeline {

  /**
   * Hands {@code sink} intervals whose union, within {@code [from, to)}, is exactly the part of
   * {@code [from, to)} in which the schedule is in force. The intervals may overlap, come in any
   * order and reach beyond {@code [from, to)}; each is non-empty, and {@link Instant#MAX} ends one
   * that never ends.
   */
  void occurrences(Instant from, Instant to, Sink sink);

  /** Receives intervals {@code [start, end)}. */
  @FunctionalInterface
  interface Sink {
    void accept(Instant start, Instant end);
  }
}
