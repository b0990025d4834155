package dev.signalbox.core.calendar;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The freeze and merge windows of a release, and the queries that tell whether a change may ship at
 * an instant: {@link #holds}, {@link #nextOpen}, {@link #nextClose} and {@link #between}.
 *
 * <p>The semantics are those of the {@linkplain dev.signalbox.core.calendar package}: half-open
 * intervals, overlapping windows united, recurring windows at local times in their zones (a local
 * time in a DST gap moves forward by the gap, one in an overlap takes the earlier offset), freeze
 * levels by criticality, and merge windows per scope. Whether a window concerns a change is decided
 * by {@link Scope#appliesTo(Target)}.
 *
 * <p>Searches forward in time ({@link #nextOpen}, {@link #nextClose} and the {@code until} of a
 * {@link Hold}) look at most {@link #SEARCH_HORIZON} ahead and answer "unknown" (empty) beyond it.
 * A cron schedule looks back at most eight years for its latest start and end.
 *
 * <p>Immutable and thread-safe. Occurrences are computed on demand, a few weeks at a time, and
 * remembered per window, so repeated queries around the same instants cost a binary search per
 * window.
 */
public final class ReleaseCalendar {
  /** How far ahead the forward searches look: five years of 366 days. */
  public static final Duration SEARCH_HORIZON = Duration.ofDays(5 * 366);

  private static final ReleaseCalendar EMPTY =
      new ReleaseCalendar(new CalendarDefinition(List.of(), List.of(), List.of()));

  private final CalendarDefinition definition;
  private final List<Freeze> freezes;
  private final List<MergeScope> mergeScopes;
  private final List<WindowTimeline> mergeTimelines;

  private ReleaseCalendar(CalendarDefinition definition) {
    this.definition = definition;
    Map<String, HolidayCalendar> holidays = holidaysByName(definition);
    checkIds(definition);
    ImmutableList.Builder<Freeze> compiledFreezes = ImmutableList.builder();
    for (int i = 0; i < definition.freezes().size(); i++) {
      FreezeWindow window = definition.freezes().get(i);
      compiledFreezes.add(
          new Freeze(
              window,
              WindowTimeline.of(
                  Timelines.compile(window.schedule(), holidays, "freezes[" + i + "].schedule"))));
    }
    this.freezes = compiledFreezes.build();
    Map<Scope, List<Integer>> byScope = new LinkedHashMap<>();
    ImmutableList.Builder<WindowTimeline> merges = ImmutableList.builder();
    for (int i = 0; i < definition.mergeWindows().size(); i++) {
      MergeWindow window = definition.mergeWindows().get(i);
      merges.add(
          WindowTimeline.of(
              Timelines.compile(window.schedule(), holidays, "mergeWindows[" + i + "].schedule")));
      byScope.computeIfAbsent(window.scope(), scope -> new ArrayList<>()).add(i);
    }
    this.mergeTimelines = merges.build();
    ImmutableList.Builder<MergeScope> scopes = ImmutableList.builder();
    byScope.forEach(
        (scope, indexes) ->
            scopes.add(
                new MergeScope(
                    scope,
                    indexes.stream()
                        .map(definition.mergeWindows()::get)
                        .collect(ImmutableList.toImmutableList()),
                    indexes.stream()
                        .map(mergeTimelines::get)
                        .collect(ImmutableList.toImmutableList()))));
    this.mergeScopes = scopes.build();
  }

  /** The calendar with no windows: every change is open at every instant. */
  public static ReleaseCalendar empty() {
    return EMPTY;
  }

  /**
   * The calendar of {@code definition}'s windows.
   *
   * @throws InvalidValueException if two windows share an id, two holiday calendars a name, or a
   *     schedule names a holiday calendar that the definition does not have
   */
  public static ReleaseCalendar of(CalendarDefinition definition) {
    Checks.present(ReleaseCalendar.class, "definition", definition);
    return new ReleaseCalendar(definition);
  }

  /** A builder of calendars, empty to begin with. */
  public static Builder builder() {
    return new Builder();
  }

  /** The windows and holiday calendars this calendar evaluates, as given. */
  public CalendarDefinition definition() {
    return definition;
  }

  /**
   * What holds {@code target} at {@code at}: every freeze in force that holds it, then every scope
   * applying to it whose merge windows are all closed, each with its reason; empty when the target
   * is open.
   */
  public List<Hold> holds(Target target, Instant at) {
    Checks.present(ReleaseCalendar.class, "target", target);
    Checks.instant(ReleaseCalendar.class, "at", at);
    List<Hold> holds = List.of(); // most queries find the target open: allocate only for a hold
    for (int i = 0; i < freezes.size(); i++) {
      Freeze freeze = freezes.get(i);
      // time first: most windows are not in force, and that is cheaper to tell than the scope
      WindowTimeline.@Nullable Span span = freeze.timeline.covering(at);
      if (span != null && freeze.holds(target)) {
        Instant horizon = horizon(at);
        Instant since = freeze.timeline.periodStart(span, at.minus(SEARCH_HORIZON));
        Instant until = freeze.timeline.periodEnd(span, horizon);
        holds = holds.isEmpty() ? new ArrayList<>(2) : holds;
        holds.add(new Hold.Frozen(freeze.window, since, known(until, horizon)));
      }
    }
    for (int i = 0; i < mergeScopes.size(); i++) {
      MergeScope scope = mergeScopes.get(i);
      if (!scope.open(at) && scope.scope.appliesTo(target)) {
        Instant horizon = horizon(at);
        holds = holds.isEmpty() ? new ArrayList<>(1) : holds;
        holds.add(
            new Hold.MergeWindowClosed(
                scope.scope, scope.windows, Optional.ofNullable(scope.nextOpening(at, horizon))));
      }
    }
    return holds.isEmpty() ? List.of() : List.copyOf(holds);
  }

  /** Whether nothing holds {@code target} at {@code at}: {@link #holds} would be empty. */
  public boolean isOpen(Target target, Instant at) {
    Checks.present(ReleaseCalendar.class, "target", target);
    Checks.instant(ReleaseCalendar.class, "at", at);
    return heldUntil(target, at) == null;
  }

  /**
   * The first instant at or after {@code at} at which nothing holds {@code target}: {@code at}
   * itself when it is open then; empty when the target stays held beyond the {@linkplain
   * #SEARCH_HORIZON search horizon} (or until a freeze is lifted).
   */
  public Optional<Instant> nextOpen(Target target, Instant at) {
    Checks.present(ReleaseCalendar.class, "target", target);
    Checks.instant(ReleaseCalendar.class, "at", at);
    Instant horizon = horizon(at);
    Instant candidate = at;
    while (true) {
      @Nullable Instant later = heldUntil(target, candidate);
      if (later == null) {
        return Optional.of(candidate);
      }
      if (!later.isBefore(horizon)) {
        return Optional.empty();
      }
      candidate = later;
    }
  }

  /**
   * The first instant at or after {@code at} at which something holds {@code target}: {@code at}
   * itself when it is held then; empty when the target stays open beyond the {@linkplain
   * #SEARCH_HORIZON search horizon}.
   */
  public Optional<Instant> nextClose(Target target, Instant at) {
    Checks.present(ReleaseCalendar.class, "target", target);
    Checks.instant(ReleaseCalendar.class, "at", at);
    Instant horizon = horizon(at);
    Instant first = horizon;
    for (Freeze freeze : freezes) {
      if (freeze.holds(target)) {
        if (freeze.timeline.covering(at) != null) {
          return Optional.of(at);
        }
        @Nullable Instant start = freeze.timeline.nextStart(at, first);
        if (start != null) {
          first = start;
        }
      }
    }
    for (MergeScope scope : mergeScopes) {
      if (scope.scope.appliesTo(target)) {
        @Nullable Instant closes = scope.nextClosing(at, first);
        if (closes != null) {
          if (closes.equals(at)) {
            return Optional.of(at);
          }
          first = closes;
        }
      }
    }
    return known(first, horizon);
  }

  /**
   * The periods of every window that overlap {@code [from, to)}, ordered by start, then kind, then
   * window id; each period unites its window's overlapping occurrences and is not clipped to the
   * interval.
   *
   * @throws InvalidValueException if {@code to} is not after {@code from}, or the interval is
   *     longer than the {@linkplain #SEARCH_HORIZON search horizon}
   */
  public List<WindowOccurrence> between(Instant from, Instant to) {
    Checks.instant(ReleaseCalendar.class, "from", from);
    Checks.instant(ReleaseCalendar.class, "to", to);
    if (!to.isAfter(from)) {
      throw new InvalidValueException(
          ReleaseCalendar.class, "to", "must be after from (" + from + ")", to);
    }
    if (Duration.between(from, to).compareTo(SEARCH_HORIZON) > 0) {
      throw new InvalidValueException(
          ReleaseCalendar.class,
          "to",
          "must be within " + SEARCH_HORIZON.toDays() + " days of from (" + from + ")",
          to);
    }
    List<WindowOccurrence> occurrences = new ArrayList<>();
    for (Freeze freeze : freezes) {
      freeze.timeline.periods(
          from,
          to,
          from.minus(SEARCH_HORIZON),
          horizon(to),
          (start, end) ->
              occurrences.add(
                  new WindowOccurrence(WindowKind.FREEZE, freeze.window.id(), start, finite(end))));
    }
    for (int i = 0; i < mergeTimelines.size(); i++) {
      String id = definition.mergeWindows().get(i).id();
      mergeTimelines
          .get(i)
          .periods(
              from,
              to,
              from.minus(SEARCH_HORIZON),
              horizon(to),
              (start, end) ->
                  occurrences.add(new WindowOccurrence(WindowKind.MERGE, id, start, finite(end))));
    }
    occurrences.sort(
        Comparator.comparing(WindowOccurrence::start)
            .thenComparing(WindowOccurrence::kind)
            .thenComparing(WindowOccurrence::windowId));
    return List.copyOf(occurrences);
  }

  /**
   * The instant to which {@code target} is held at {@code at} by the first hold found (the end of a
   * freeze's period, or a closed scope's next opening; {@link Instant#MAX} when unknown), or null
   * when nothing holds it.
   */
  private @Nullable Instant heldUntil(Target target, Instant at) {
    for (int i = 0; i < freezes.size(); i++) {
      Freeze freeze = freezes.get(i);
      WindowTimeline.@Nullable Span span = freeze.timeline.covering(at);
      if (span != null && freeze.holds(target)) {
        return span.end();
      }
    }
    for (int i = 0; i < mergeScopes.size(); i++) {
      MergeScope scope = mergeScopes.get(i);
      if (!scope.open(at) && scope.scope.appliesTo(target)) {
        @Nullable Instant opens = scope.nextOpening(at, horizon(at));
        return opens == null ? Instant.MAX : opens;
      }
    }
    return null;
  }

  private static Instant horizon(Instant at) {
    return at.plus(SEARCH_HORIZON);
  }

  private static Optional<Instant> known(Instant instant, Instant horizon) {
    return instant.isBefore(horizon) ? Optional.of(instant) : Optional.empty();
  }

  private static Optional<Instant> finite(Instant end) {
    return end.equals(Instant.MAX) ? Optional.empty() : Optional.of(end);
  }

  private static Map<String, HolidayCalendar> holidaysByName(CalendarDefinition definition) {
    Map<String, HolidayCalendar> byName = new HashMap<>();
    for (int i = 0; i < definition.holidays().size(); i++) {
      HolidayCalendar calendar = definition.holidays().get(i);
      if (byName.putIfAbsent(calendar.name(), calendar) != null) {
        throw new InvalidValueException(
            CalendarDefinition.class,
            "holidays[" + i + "].name",
            "repeats the name of another holiday calendar",
            calendar.name());
      }
    }
    return byName;
  }

  private static void checkIds(CalendarDefinition definition) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < definition.freezes().size(); i++) {
      String id = definition.freezes().get(i).id();
      if (!ids.add(id)) {
        throw new InvalidValueException(
            CalendarDefinition.class, "freezes[" + i + "].id", "repeats another window's id", id);
      }
    }
    for (int i = 0; i < definition.mergeWindows().size(); i++) {
      String id = definition.mergeWindows().get(i).id();
      if (!ids.add(id)) {
        throw new InvalidValueException(
            CalendarDefinition.class,
            "mergeWindows[" + i + "].id",
            "repeats another window's id",
            id);
      }
    }
  }

  /** A freeze window and its occurrences. */
  private record Freeze(FreezeWindow window, WindowTimeline timeline) {
    /** Whether the freeze, when in force, holds {@code target}. */
    boolean holds(Target target) {
      if (window.level() == FreezeLevel.NON_CRITICAL
          && (target.securityFix() || target.criticality() == Criticality.P0)) {
        return false;
      }
      return window.scope().appliesTo(target);
    }
  }

  /** The merge windows that one scope declares, which unite. */
  private record MergeScope(
      Scope scope, List<MergeWindow> windows, List<WindowTimeline> timelines) {
    boolean open(Instant at) {
      for (WindowTimeline timeline : timelines) {
        if (timeline.covering(at) != null) {
          return true;
        }
      }
      return false;
    }

    /** The first opening after {@code at} (which is closed), before {@code limit}, or null. */
    @Nullable Instant nextOpening(Instant at, Instant limit) {
      Instant first = limit;
      for (WindowTimeline timeline : timelines) {
        @Nullable Instant start = timeline.nextStart(at, first);
        if (start != null) {
          first = start;
        }
      }
      return first.equals(limit) ? null : first;
    }

    /**
     * The first instant at or after {@code at} at which all the windows are closed, if before
     * {@code limit}; else null.
     */
    @Nullable Instant nextClosing(Instant at, Instant limit) {
      Instant closes = at;
      boolean moved = true;
      while (moved && closes.isBefore(limit)) {
        moved = false;
        for (WindowTimeline timeline : timelines) {
          if (!closes.isBefore(limit)) {
            break; // a window open until lifted, or open beyond the horizon
          }
          WindowTimeline.@Nullable Span span = timeline.covering(closes);
          if (span != null) {
            closes = span.end();
            moved = true;
          }
        }
      }
      return closes.isBefore(limit) ? closes : null;
    }
  }

  /**
   * A builder of {@link ReleaseCalendar}s: windows and holiday calendars are added in order. Not
   * thread-safe; the calendar it builds is.
   */
  public static final class Builder {
    private final List<FreezeWindow> freezes = new ArrayList<>();
    private final List<MergeWindow> mergeWindows = new ArrayList<>();
    private final List<HolidayCalendar> holidays = new ArrayList<>();

    private Builder() {}

    /** Adds a freeze window. */
    public Builder freeze(FreezeWindow window) {
      freezes.add(Checks.present(Builder.class, "freeze", window));
      return this;
    }

    /** Adds a merge window. */
    public Builder mergeWindow(MergeWindow window) {
      mergeWindows.add(Checks.present(Builder.class, "mergeWindow", window));
      return this;
    }

    /** Adds a holiday calendar that {@link Schedule.Holidays} and friends may name. */
    public Builder holidays(HolidayCalendar calendar) {
      holidays.add(Checks.present(Builder.class, "holidays", calendar));
      return this;
    }

    /**
     * The calendar of the windows added so far.
     *
     * @throws InvalidValueException as {@link ReleaseCalendar#of} does
     */
    public ReleaseCalendar build() {
      return of(new CalendarDefinition(freezes, mergeWindows, holidays));
    }
  }
}
