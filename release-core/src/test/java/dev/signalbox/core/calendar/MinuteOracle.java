package dev.signalbox.core.calendar;

import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A brute-force release calendar over a bounded range of UTC minutes: every window's minutes in
 * force as a bitmap (see {@link OracleSchedules}), and the calendar's answers read off those
 * bitmaps. Written independently of {@link ReleaseCalendar}'s implementation; it uses only the
 * model types and {@link Scope#appliesTo}.
 *
 * <p>What the oracle cannot see (a period that begins before its range or ends after it) it reports
 * as unknown ({@link Optional#empty()} in {@link Bound}), and the tests then only check that the
 * implementation's answer lies beyond the range.
 */
final class MinuteOracle {
  final OracleSchedules.Range range;
  final List<FreezeWindow> freezes;
  final List<BitSet> freezeBits;
  final List<MergeWindow> merges;
  final List<BitSet> mergeBits;
  final List<Group> groups;

  /** Merge windows with equal scopes: open when any of them is. */
  record Group(Scope scope, List<MergeWindow> windows, BitSet open) {}

  /** What holds a target at a minute, as the oracle sees it. */
  sealed interface Expected {}

  /** A freeze's period: start and end, empty when beyond the oracle's range. */
  record Frozen(FreezeWindow window, Optional<Instant> since, Optional<Instant> until)
      implements Expected {}

  /** A closed group, and its next opening (empty when beyond the oracle's range). */
  record Closed(Scope scope, List<MergeWindow> windows, Optional<Instant> until)
      implements Expected {}

  /** One united period of a window (start/end empty when beyond the oracle's range). */
  record Period(WindowKind kind, String windowId, Optional<Instant> start, Optional<Instant> end) {}

  MinuteOracle(
      List<FreezeWindow> freezes,
      List<MergeWindow> merges,
      List<HolidayCalendar> holidays,
      Instant from,
      Instant to) {
    this.range = OracleSchedules.Range.of(from, to);
    Map<String, HolidayCalendar> byName = new HashMap<>();
    for (HolidayCalendar calendar : holidays) {
      byName.put(calendar.name(), calendar);
    }
    this.freezes = List.copyOf(freezes);
    this.merges = List.copyOf(merges);
    List<BitSet> f = new ArrayList<>();
    for (FreezeWindow window : freezes) {
      f.add(OracleSchedules.inForce(window.schedule(), byName, range));
    }
    this.freezeBits = f;
    List<BitSet> m = new ArrayList<>();
    for (MergeWindow window : merges) {
      m.add(OracleSchedules.inForce(window.schedule(), byName, range));
    }
    this.mergeBits = m;
    Map<Scope, List<Integer>> byScope = new LinkedHashMap<>();
    for (int i = 0; i < merges.size(); i++) {
      byScope.computeIfAbsent(merges.get(i).scope(), s -> new ArrayList<>()).add(i);
    }
    List<Group> g = new ArrayList<>();
    byScope.forEach(
        (scope, indexes) -> {
          BitSet open = new BitSet(range.size());
          List<MergeWindow> windows = new ArrayList<>();
          for (int i : indexes) {
            open.or(mergeBits.get(i));
            windows.add(merges.get(i));
          }
          g.add(new Group(scope, List.copyOf(windows), open));
        });
    this.groups = g;
  }

  static MinuteOracle of(CalendarDefinition definition, Instant from, Instant to) {
    return new MinuteOracle(
        definition.freezes(), definition.mergeWindows(), definition.holidays(), from, to);
  }

  /** Whether {@code freeze}, when in force, holds {@code target}. */
  static boolean freezeHolds(FreezeWindow freeze, Target target) {
    if (!freeze.scope().appliesTo(target)) {
      return false;
    }
    return freeze.level() == FreezeLevel.ALL
        || !(target.criticality() == Criticality.P0 || target.securityFix());
  }

  /** The minutes at which {@code target} is held by something. */
  BitSet held(Target target) {
    BitSet held = new BitSet(range.size());
    for (int i = 0; i < freezes.size(); i++) {
      if (freezeHolds(freezes.get(i), target)) {
        held.or(freezeBits.get(i));
      }
    }
    for (Group group : groups) {
      if (group.scope().appliesTo(target)) {
        BitSet closed = new BitSet(range.size());
        closed.set(0, range.size());
        closed.andNot(group.open());
        held.or(closed);
      }
    }
    return held;
  }

  /** What holds {@code target} at minute {@code i}: freezes in order, then closed groups. */
  List<Expected> holds(Target target, int i) {
    List<Expected> holds = new ArrayList<>();
    for (int w = 0; w < freezes.size(); w++) {
      BitSet bits = freezeBits.get(w);
      if (freezeHolds(freezes.get(w), target) && bits.get(i)) {
        holds.add(new Frozen(freezes.get(w), runStart(bits, i), runEnd(bits, i)));
      }
    }
    for (Group group : groups) {
      if (group.scope().appliesTo(target) && !group.open().get(i)) {
        int next = group.open().nextSetBit(i);
        Optional<Instant> until =
            next < 0 || next >= range.size() ? Optional.empty() : Optional.of(range.instant(next));
        holds.add(new Closed(group.scope(), group.windows(), until));
      }
    }
    return holds;
  }

  /** The start of the run of set bits containing {@code i}; empty when it reaches the start. */
  Optional<Instant> runStart(BitSet bits, int i) {
    int before = bits.previousClearBit(i);
    return before < 0 ? Optional.empty() : Optional.of(range.instant(before + 1));
  }

  /** The end of the run of set bits containing {@code i}; empty when it reaches the end. */
  Optional<Instant> runEnd(BitSet bits, int i) {
    int after = bits.nextClearBit(i);
    return after >= range.size() ? Optional.empty() : Optional.of(range.instant(after));
  }

  /** The first minute at or after {@code i} that is not set, or empty if none in range. */
  Optional<Instant> nextClear(BitSet bits, int i) {
    int next = bits.nextClearBit(i);
    return next >= range.size() ? Optional.empty() : Optional.of(range.instant(next));
  }

  /** The first minute at or after {@code i} that is set, or empty if none in range. */
  Optional<Instant> nextSet(BitSet bits, int i) {
    int next = bits.nextSetBit(i);
    return next < 0 || next >= range.size() ? Optional.empty() : Optional.of(range.instant(next));
  }

  /**
   * The united periods of every window that overlap {@code [from, to)} (minutes in range), ordered
   * by kind, window id and start.
   */
  List<Period> between(int from, int to) {
    List<Period> periods = new ArrayList<>();
    for (int w = 0; w < freezes.size(); w++) {
      periods(periods, WindowKind.FREEZE, freezes.get(w).id(), freezeBits.get(w), from, to);
    }
    for (int w = 0; w < merges.size(); w++) {
      periods(periods, WindowKind.MERGE, merges.get(w).id(), mergeBits.get(w), from, to);
    }
    return periods;
  }

  private void periods(
      List<Period> into, WindowKind kind, String id, BitSet bits, int from, int to) {
    int i = bits.get(from) ? from : bits.nextSetBit(from);
    while (i >= 0 && i < to) {
      into.add(new Period(kind, id, runStart(bits, i), runEnd(bits, i)));
      int end = bits.nextClearBit(i);
      if (end >= range.size()) {
        break;
      }
      i = bits.nextSetBit(end);
    }
  }

  /** Minutes at which some window or group of the calendar changes, within {@code [from, to)}. */
  List<Integer> changes(int from, int to) {
    BitSet points = new BitSet(range.size());
    List<BitSet> all = new ArrayList<>(freezeBits);
    all.addAll(mergeBits);
    for (BitSet bits : all) {
      for (int i = Math.max(from, 1); i < to; ) {
        int next = bits.get(i - 1) ? bits.nextClearBit(i - 1) : bits.nextSetBit(i - 1);
        if (next < 0 || next >= to) {
          break;
        }
        if (next >= from) {
          points.set(next);
        }
        i = next + 1;
      }
    }
    List<Integer> list = new ArrayList<>();
    points.stream().forEach(list::add);
    return list;
  }
}
