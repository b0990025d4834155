package dev.signalbox.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Compares a {@link ReleaseCalendar} with a {@link MinuteOracle} over the same windows. Where the
 * oracle cannot see (a period reaching beyond its range), only checks that the calendar's answer
 * lies beyond that range too.
 */
final class OracleAgreement {
  private final ReleaseCalendar calendar;
  private final MinuteOracle oracle;
  private final String context;

  OracleAgreement(ReleaseCalendar calendar, MinuteOracle oracle, String context) {
    this.calendar = calendar;
    this.oracle = oracle;
    this.context = context;
  }

  /**
   * Checks {@code holds}, {@code isOpen}, {@code nextOpen} and {@code nextClose} for {@code target}
   * at every minute of {@code [from, to)} where some window changes, the minute before each, and
   * every {@code stride}-th minute. Since {@code nextOpen} and {@code nextClose} are checked at
   * every change, this pins the calendar's answer at every minute of the range.
   */
  void agreeOn(Target target, Instant from, Instant to, int stride) {
    OracleSchedules.Range range = oracle.range;
    int first = range.clamp(from);
    int last = range.clamp(to);
    BitSet points = new BitSet(range.size());
    for (int change : oracle.changes(first, last)) {
      points.set(change);
      if (change - 1 >= first) {
        points.set(change - 1);
      }
    }
    for (int i = first; i < last; i += stride) {
      points.set(i);
    }
    BitSet held = oracle.held(target);
    for (int i = points.nextSetBit(first); i >= 0 && i < last; i = points.nextSetBit(i + 1)) {
      agreeAt(target, held, i);
    }
  }

  /** Checks every query for {@code target} at minute {@code i} of the oracle's range. */
  void agreeAt(Target target, BitSet held, int i) {
    Instant at = oracle.range.instant(i);
    Supplier<String> where = () -> context + "\n  target " + target + "\n  at " + at;
    List<Hold> actual = calendar.holds(target, at);
    List<MinuteOracle.Expected> expected = oracle.holds(target, i);
    check(held.get(i) == !expected.isEmpty(), () -> "oracle self-check" + where.get());
    agreeHolds(actual, expected, where);
    boolean open = calendar.isOpen(target, at);
    check(
        open == expected.isEmpty(),
        () -> "isOpen was " + open + " but expected holds " + expected + where.get());
    agreeLater(
        calendar.nextOpen(target, at), oracle.nextClear(held, i), () -> "nextOpen" + where.get());
    agreeLater(
        calendar.nextClose(target, at), oracle.nextSet(held, i), () -> "nextClose" + where.get());
  }

  private static void check(boolean ok, Supplier<String> message) {
    if (!ok) {
      throw new AssertionError(message.get());
    }
  }

  private void agreeHolds(
      List<Hold> actual, List<MinuteOracle.Expected> expected, Supplier<String> where) {
    Supplier<String> what =
        () -> "holds\n  expected " + expected + "\n  actual " + actual + where.get();
    check(actual.size() == expected.size(), what);
    for (int k = 0; k < expected.size(); k++) {
      MinuteOracle.Expected e = expected.get(k);
      Hold a = actual.get(k);
      if (e instanceof MinuteOracle.Frozen frozen) {
        check(a instanceof Hold.Frozen, what);
        Hold.Frozen f = (Hold.Frozen) a;
        check(f.window().equals(frozen.window()), what);
        agreeEarlier(f.since(), frozen.since(), () -> "since of " + what.get());
        agreeLater(f.until(), frozen.until(), () -> "until of " + what.get());
      } else if (e instanceof MinuteOracle.Closed closed) {
        check(a instanceof Hold.MergeWindowClosed, what);
        Hold.MergeWindowClosed c = (Hold.MergeWindowClosed) a;
        check(c.scope().equals(closed.scope()), what);
        check(c.windows().equals(closed.windows()), what);
        agreeLater(c.until(), closed.until(), () -> "until of " + what.get());
      }
    }
  }

  /** An instant the oracle found, or, when it found none, one at or beyond its range's end. */
  private void agreeLater(
      Optional<Instant> actual, Optional<Instant> expected, Supplier<String> what) {
    boolean ok =
        expected.isPresent()
            ? actual.equals(expected)
            : actual.isEmpty() || !actual.get().isBefore(oracle.range.end());
    check(
        ok,
        () ->
            what.get()
                + "\n  expected "
                + expected.map(Instant::toString).orElse("empty or >= " + oracle.range.end())
                + "\n  actual   "
                + actual);
  }

  /** A start the oracle found, or, when it begins before the oracle's range, one before it. */
  private void agreeEarlier(Instant actual, Optional<Instant> expected, Supplier<String> what) {
    boolean ok =
        expected.isPresent()
            ? actual.equals(expected.get())
            : !actual.isAfter(oracle.range.start());
    check(
        ok,
        () ->
            what.get()
                + "\n  expected "
                + expected.map(Instant::toString).orElse("<= " + oracle.range.start())
                + "\n  actual   "
                + actual);
  }

  /** Checks {@code between(from, to)} against the oracle's united periods. */
  void agreeBetween(Instant from, Instant to) {
    List<WindowOccurrence> actual = calendar.between(from, to);
    String what = "between(" + from + ", " + to + ")" + context;
    Comparator<WindowOccurrence> shown =
        Comparator.comparing(WindowOccurrence::start)
            .thenComparing(WindowOccurrence::kind)
            .thenComparing(WindowOccurrence::windowId);
    for (int k = 1; k < actual.size(); k++) {
      assertThat(shown.compare(actual.get(k - 1), actual.get(k)))
          .as("order of " + what + "\n  " + actual)
          .isNegative();
    }
    List<WindowOccurrence> byWindow = new ArrayList<>(actual);
    byWindow.sort(
        Comparator.comparing(WindowOccurrence::kind)
            .thenComparing(WindowOccurrence::windowId)
            .thenComparing(WindowOccurrence::start));
    List<MinuteOracle.Period> expected =
        new ArrayList<>(oracle.between(oracle.range.clamp(from), oracle.range.clamp(to)));
    expected.sort(
        Comparator.comparing(MinuteOracle.Period::kind)
            .thenComparing(MinuteOracle.Period::windowId));
    String full = what + "\n  expected " + expected + "\n  actual " + actual;
    assertThat(byWindow).as(full).hasSameSizeAs(expected);
    for (int k = 0; k < expected.size(); k++) {
      MinuteOracle.Period e = expected.get(k);
      WindowOccurrence a = byWindow.get(k);
      assertThat(a.kind()).as(full).isEqualTo(e.kind());
      assertThat(a.windowId()).as(full).isEqualTo(e.windowId());
      agreeEarlier(a.start(), e.start(), () -> "start in " + full);
      agreeLater(a.end(), e.end(), () -> "end in " + full);
    }
  }
}
