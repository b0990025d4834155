package dev.signalbox.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-written expectations checked against both the oracle and the calendar, so that the examples
 * test the oracle as much as the implementation.
 */
final class HandChecks {
  static final Target ANY =
      new Target(
          Set.of("api"),
          Set.of(),
          Optional.of("production"),
          ChangeClass.NORMAL,
          Criticality.ROUTINE,
          false);

  private final CalendarDefinition definition;
  private final ReleaseCalendar calendar;

  HandChecks(CalendarDefinition definition) {
    this.definition = definition;
    this.calendar = ReleaseCalendar.of(definition);
  }

  static HandChecks freeze(Schedule schedule) {
    return new HandChecks(
        ReleaseCalendar.builder().freeze(freezeWindow("freeze", schedule)).build().definition());
  }

  static FreezeWindow freezeWindow(String id, Schedule schedule) {
    return new FreezeWindow(
        id, Scope.everything(), schedule, FreezeLevel.ALL, "alice", "by hand", Optional.empty());
  }

  static MergeWindow mergeWindow(String id, Schedule schedule) {
    return new MergeWindow(id, Scope.everything(), schedule, "bob", "by hand", Optional.empty());
  }

  ReleaseCalendar calendar() {
    return calendar;
  }

  private MinuteOracle oracle(Instant from, Instant to) {
    return MinuteOracle.of(
        definition, from.minus(Duration.ofDays(20)), to.plus(Duration.ofDays(20)));
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  static WindowOccurrence period(WindowKind kind, String id, String start, String end) {
    return new WindowOccurrence(kind, id, at(start), Optional.of(at(end)));
  }

  /** The periods in {@code [from, to)}, by hand, agree with the oracle's and the calendar's. */
  HandChecks periods(String from, String to, WindowOccurrence... expected) {
    Instant f = at(from);
    Instant t = at(to);
    MinuteOracle oracle = oracle(f, t);
    List<WindowOccurrence> fromOracle = new ArrayList<>();
    for (MinuteOracle.Period p : oracle.between(oracle.range.clamp(f), oracle.range.clamp(t))) {
      fromOracle.add(
          new WindowOccurrence(p.kind(), p.windowId(), p.start().orElse(Instant.MIN), p.end()));
    }
    fromOracle.sort(
        java.util.Comparator.comparing(WindowOccurrence::start)
            .thenComparing(WindowOccurrence::kind)
            .thenComparing(WindowOccurrence::windowId));
    assertThat(fromOracle).as("oracle's periods in [%s, %s)", from, to).containsExactly(expected);
    assertThat(calendar.between(f, t))
        .as("calendar's periods in [%s, %s)", from, to)
        .containsExactly(expected);
    return this;
  }

  /** At {@code instant}, the target is open, by hand, by the oracle and by the calendar. */
  HandChecks open(String instant) {
    Instant t = at(instant);
    MinuteOracle oracle = oracle(t, t);
    assertThat(oracle.holds(ANY, oracle.range.clamp(t))).as("oracle holds at %s", t).isEmpty();
    assertThat(calendar.holds(ANY, t)).as("calendar holds at %s", t).isEmpty();
    assertThat(calendar.isOpen(ANY, t)).as("calendar isOpen at %s", t).isTrue();
    return this;
  }

  /**
   * At {@code instant}, the only freeze holds the target from {@code since} to {@code until}, by
   * hand, by the oracle and by the calendar; the next opening is {@code until}.
   */
  HandChecks frozen(String instant, String since, String until) {
    Instant t = at(instant);
    MinuteOracle oracle = oracle(t, t);
    FreezeWindow window = definition.freezes().get(0);
    assertThat(oracle.holds(ANY, oracle.range.clamp(t)))
        .as("oracle holds at %s", t)
        .containsExactly(
            new MinuteOracle.Frozen(window, Optional.of(at(since)), Optional.of(at(until))));
    assertThat(calendar.holds(ANY, t))
        .as("calendar holds at %s", t)
        .containsExactly(new Hold.Frozen(window, at(since), Optional.of(at(until))));
    assertThat(calendar.isOpen(ANY, t)).as("calendar isOpen at %s", t).isFalse();
    assertThat(calendar.nextOpen(ANY, t)).as("calendar nextOpen at %s", t).contains(at(until));
    return this;
  }

  /** From {@code instant}, the target is next held at {@code close}, by oracle and calendar. */
  HandChecks nextClose(String instant, String close) {
    Instant t = at(instant);
    MinuteOracle oracle = oracle(t, at(close));
    int i = oracle.range.clamp(t);
    assertThat(oracle.nextSet(oracle.held(ANY), i))
        .as("oracle nextClose at %s", t)
        .contains(at(close));
    assertThat(calendar.nextClose(ANY, t)).as("calendar nextClose at %s", t).contains(at(close));
    return this;
  }

  /** From {@code instant}, the target is next open at {@code open}, by oracle and calendar. */
  HandChecks nextOpen(String instant, String open) {
    Instant t = at(instant);
    MinuteOracle oracle = oracle(t, at(open));
    int i = oracle.range.clamp(t);
    assertThat(oracle.nextClear(oracle.held(ANY), i))
        .as("oracle nextOpen at %s", t)
        .contains(at(open));
    assertThat(calendar.nextOpen(ANY, t)).as("calendar nextOpen at %s", t).contains(at(open));
    return this;
  }
}
