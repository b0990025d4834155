package dev.signalbox.core.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * One window's periods in force — its occurrences united — computed a chunk of time at a time and
 * remembered in a small direct-mapped cache, so that queries near one another cost a binary search.
 *
 * <p>Within a chunk, the spans are the united occurrences that intersect the chunk, not clipped to
 * it; a period that runs on past a span's end (into another chunk's view) is followed by {@link
 * #periodEnd} and {@link #periodStart}. Thread-safe: chunks are immutable, and two threads that
 * compute the same chunk compute equal ones.
 */
final class WindowTimeline {
  /** The length of a chunk: 32 days. */
  private static final long CHUNK_SECONDS = 32L * 24 * 60 * 60;

  private static final int SLOTS = 8;

  private final Timeline timeline;
  private final AtomicReferenceArray<Chunk> chunks = new AtomicReferenceArray<>(SLOTS);

  private WindowTimeline(Timeline timeline) {
    this.timeline = timeline;
  }

  static WindowTimeline of(Timeline timeline) {
    return new WindowTimeline(timeline);
  }

  /** An interval {@code [start, end)}; {@link Instant#MAX} ends one that never ends. */
  record Span(Instant start, Instant end) {}

  /** The span in force at {@code at}, or null when the window is not in force then. */
  @Nullable Span covering(Instant at) {
    Chunk chunk = chunk(index(at));
    int i = chunk.lastStartingAtOrBefore(at);
    return i >= 0 && chunk.ends[i].isAfter(at) ? new Span(chunk.starts[i], chunk.ends[i]) : null;
  }

  /** The end of the period that {@code span} belongs to, or {@code limit} if it is later. */
  Instant periodEnd(Span span, Instant limit) {
    Instant end = span.end();
    while (end.isBefore(limit)) {
      @Nullable Span next = covering(end);
      if (next == null) {
        return end;
      }
      end = next.end();
    }
    return limit;
  }

  /** The start of the period that {@code span} belongs to, or {@code limit} if it is earlier. */
  Instant periodStart(Span span, Instant limit) {
    Instant start = span.start();
    while (start.isAfter(limit)) {
      @Nullable Span previous = covering(start.minusNanos(1));
      if (previous == null || !previous.start().isBefore(start)) {
        return start;
      }
      start = previous.start();
    }
    return limit;
  }

  /** The first start of a span after {@code after} and before {@code limit}, or null. */
  @Nullable Instant nextStart(Instant after, Instant limit) {
    for (long k = index(after); !chunkStart(k).isAfter(limit); k++) {
      Chunk chunk = chunk(k);
      int i = chunk.lastStartingAtOrBefore(after) + 1;
      if (i < chunk.starts.length) {
        Instant start = chunk.starts[i];
        return start.isBefore(limit) ? start : null;
      }
    }
    return null;
  }

  /**
   * Hands {@code sink} each period that overlaps {@code [from, to)}, in order, once; a period is
   * followed back to {@code earliest} and on to {@code latest} at most, and one that reaches {@code
   * latest} ends at {@link Instant#MAX}.
   */
  void periods(Instant from, Instant to, Instant earliest, Instant latest, Timeline.Sink sink) {
    Instant cursor = from;
    @Nullable Span first = covering(from);
    if (first != null) {
      Instant end = periodEnd(first, latest);
      sink.accept(periodStart(first, earliest), end.equals(latest) ? Instant.MAX : end);
      cursor = end;
    }
    while (cursor.isBefore(to)) {
      @Nullable Instant start = nextStart(cursor, to);
      if (start == null) {
        return;
      }
      @Nullable Span span = covering(start);
      if (span == null) {
        throw new AssertionError("no span at its own start " + start);
      }
      Instant end = periodEnd(span, latest);
      sink.accept(start, end.equals(latest) ? Instant.MAX : end);
      cursor = end;
    }
  }

  private static long index(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), CHUNK_SECONDS);
  }

  private static Instant chunkStart(long index) {
    return Instant.ofEpochSecond(index * CHUNK_SECONDS);
  }

  private Chunk chunk(long index) {
    int slot = (int) (index & (SLOTS - 1));
    @Nullable Chunk chunk = chunks.get(slot);
    if (chunk == null || chunk.index != index) {
      chunk = compute(index);
      chunks.set(slot, chunk);
    }
    return chunk;
  }

  private Chunk compute(long index) {
    List<Span> spans = new ArrayList<>();
    Instant chunkStart = chunkStart(index);
    Instant chunkEnd = chunkStart(index + 1);
    timeline.occurrences(
        chunkStart,
        chunkEnd,
        (start, end) -> {
          // A timeline may hand intervals outside the chunk; one that starts after the chunk ends
          // would be united without the earlier intervals it belongs with, so only those that
          // intersect the chunk are kept (all of those are handed, by the Timeline contract).
          if (start.isBefore(end) && start.isBefore(chunkEnd) && end.isAfter(chunkStart)) {
            spans.add(new Span(start, end));
          }
        });
    spans.sort(Comparator.comparing(Span::start));
    List<Instant> starts = new ArrayList<>(spans.size());
    List<Instant> ends = new ArrayList<>(spans.size());
    for (Span span : spans) {
      int last = ends.size() - 1;
      if (last >= 0 && !span.start().isAfter(ends.get(last))) {
        if (span.end().isAfter(ends.get(last))) {
          ends.set(last, span.end());
        }
      } else {
        starts.add(span.start());
        ends.add(span.end());
      }
    }
    return new Chunk(index, starts.toArray(new Instant[0]), ends.toArray(new Instant[0]));
  }

  /** The united spans that intersect one chunk, ordered, disjoint and not adjacent. */
  private static final class Chunk {
    final long index;
    final Instant[] starts;
    final Instant[] ends;

    Chunk(long index, Instant[] starts, Instant[] ends) {
      this.index = index;
      this.starts = starts;
      this.ends = ends;
    }

    /** The index of the last span starting at or before {@code at}, or -1. */
    int lastStartingAtOrBefore(Instant at) {
      int found = Arrays.binarySearch(starts, at);
      return found >= 0 ? found : -found - 2;
    }
  }
}
