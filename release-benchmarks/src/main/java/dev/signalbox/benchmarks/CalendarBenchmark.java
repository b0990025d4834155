package dev.signalbox.benchmarks;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.DateRange;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the calendar's queries cost with 10, 100 and 1,000 windows: {@code frozen} (the {@link
 * ReleaseCalendar#holds} query the policy makes for every decision) and {@code nextOpen} (its
 * earliest retry for a held change).
 *
 * <p>The windows are a realistic mix spread over 40 components, several zones and every schedule
 * kind: weekend cron freezes, RFC 5545 recurrences, one-off and incident freezes, holiday freezes,
 * path-scoped freezes, and compact merge windows that skip holidays. A third of them concern the
 * target. The queries cycle through 64 instants spread over a month, so no answer can be memoised,
 * while the calendar's per-window chunks are warm, as they are in a running service.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarBenchmark {
  private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Asia/Kolkata"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("UTC"));

  /** How many windows the calendar has. */
  @Param({"10", "100", "1000"})
  public int windows = 100;

  private ReleaseCalendar calendar = ReleaseCalendar.empty();
  private Target target = target();
  private Instant[] instants = new Instant[64];
  private int next;

  /** Creates the benchmark's state; JMH calls it, then {@link #setUp()}. */
  public CalendarBenchmark() {}

  /** Builds the calendar and the instants to query. */
  @Setup
  public void setUp() {
    calendar = calendar(windows);
    target = target();
    instants = new Instant[64];
    for (int i = 0; i < instants.length; i++) {
      // 64 instants over a month, at odd minutes so that they fall in and out of windows
      instants[i] = START.plus(Duration.ofMinutes(i * 673L + 17));
    }
  }

  /** What holds the target at the next instant of the cycle. */
  @Benchmark
  public List<Hold> frozen() {
    return calendar.holds(target, instant());
  }

  /** When the target is next open from the next instant of the cycle. */
  @Benchmark
  public Optional<Instant> nextOpen() {
    return calendar.nextOpen(target, instant());
  }

  private Instant instant() {
    Instant at = instants[next];
    next = (next + 1) & (instants.length - 1);
    return at;
  }

  /** A routine change to two components, touching 20 files. */
  static Target target() {
    Set<RepoPath> paths = new LinkedHashSet<>();
    for (int i = 0; i < 20; i++) {
      paths.add(RepoPath.of((i % 2 == 0 ? "services/c3/" : "services/c7/") + "File" + i + ".java"));
    }
    return new Target(
        Set.of("c3", "c7"),
        paths,
        Optional.of("production"),
        ChangeClass.NORMAL,
        Criticality.ROUTINE,
        false);
  }

  /** A calendar of {@code count} windows, as the class describes. */
  static ReleaseCalendar calendar(int count) {
    ReleaseCalendar.Builder builder =
        ReleaseCalendar.builder()
            .holidays(
                new HolidayCalendar(
                    "company",
                    Set.of(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-25")),
                    List.of(
                        new DateRange(
                            LocalDate.parse("2026-12-28"), LocalDate.parse("2026-12-31")))));
    for (int i = 0; i < count; i++) {
      ZoneId zone = ZONES.get(i % ZONES.size());
      // every third window concerns the target's components c3 and c7; the others, 38 more
      String component = i % 3 == 0 ? (i % 2 == 0 ? "c3" : "c7") : "c" + (10 + i % 38);
      Scope scope = Scope.ofComponents(component);
      String id = "w" + i;
      switch (i % 8) {
        case 0, 4 ->
            builder.mergeWindow(
                new MergeWindow(
                    id,
                    scope,
                    new Schedule.ExceptHolidays(
                        new Schedule.Compact("Mon-Fri 08:00-18:00[" + zone.getId() + "]"),
                        "company",
                        zone),
                    "alice",
                    "reviewers are around",
                    Optional.empty()));
        case 1 ->
            builder.freeze(freeze(id, scope, new Schedule.Cron("0 23 * * 5", "0 7 * * 1", zone)));
        case 2 ->
            builder.freeze(
                freeze(
                    id,
                    scope,
                    new Schedule.Recurrence(
                        LocalDateTime.parse("2026-01-01T16:00"),
                        zone,
                        "FREQ=MONTHLY;BYDAY=-1FR",
                        Duration.ofHours(64),
                        Set.of())));
        case 3 ->
            builder.freeze(
                freeze(
                    id,
                    scope,
                    new Schedule.OneOff(
                        START.plus(Duration.ofDays(i % 30)),
                        START.plus(Duration.ofDays(i % 30)).plus(Duration.ofHours(6)),
                        zone)));
        case 5 ->
            builder.freeze(
                freeze(
                    id,
                    new Scope(
                        Set.of(), Set.of(new PathGlob("db/migrations/**")), Set.of(), Set.of()),
                    new Schedule.Compact("Mon-Fri 12:00-14:00[" + zone.getId() + "]")));
        case 6 -> builder.freeze(freeze(id, scope, new Schedule.Holidays("company", zone)));
        default ->
            builder.freeze(
                freeze(
                    id,
                    scope,
                    new Schedule.Recurrence(
                        LocalDateTime.parse("2026-01-05T02:00"),
                        zone,
                        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;BYHOUR=2,3",
                        Duration.ofMinutes(45),
                        Set.of())));
      }
    }
    return builder.build();
  }

  private static FreezeWindow freeze(String id, Scope scope, Schedule schedule) {
    return new FreezeWindow(
        id, scope, schedule, FreezeLevel.NON_CRITICAL, "alice", "quiet period", Optional.empty());
  }

  /** The windows' ids, for tests. */
  static List<String> ids(ReleaseCalendar calendar) {
    List<String> ids = new ArrayList<>();
    calendar.definition().freezes().forEach(w -> ids.add(w.id()));
    calendar.definition().mergeWindows().forEach(w -> ids.add(w.id()));
    return ids;
  }
}
