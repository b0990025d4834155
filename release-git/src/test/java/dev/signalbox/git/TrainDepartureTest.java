package dev.signalbox.git;

import static dev.signalbox.git.TrainFixture.CLOCK;
import static dev.signalbox.git.TrainFixture.MAIN;
import static dev.signalbox.git.TrainFixture.NOW;
import static dev.signalbox.git.TrainFixture.lenientPolicy;
import static dev.signalbox.git.TrainFixture.lines;
import static dev.signalbox.git.TrainFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerQuery;
import dev.signalbox.core.ledger.LedgerStore;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.TreeRef;
import dev.signalbox.core.spi.VersionControl;
import dev.signalbox.core.train.Departure;
import dev.signalbox.core.train.DepartureException;
import dev.signalbox.core.train.TrainPlan;
import dev.signalbox.core.train.TrainPlanner;
import dev.signalbox.core.train.TrainSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning with merge simulation and revert checks, and departing, on real repositories with the
 * file ledger: conflicts, reverts, idempotent and resumable departure, a moved branch, two teams'
 * trains on one branch, and a freeze declared mid-flight.
 */
class TrainDepartureTest {
  private static final Ed25519Signer SIGNER = Ed25519Signer.generate();

  @TempDir Path directory;

  private static Ledger ledger(LedgerStore store) {
    return Ledger.builder(store).clock(CLOCK).checkpoints(SIGNER, "signalbox.dev/test").open();
  }

  private static List<LedgerEvent> events(Ledger ledger) {
    try (Stream<LedgerEntry> entries = ledger.read(LedgerQuery.all())) {
      return entries.map(LedgerEntry::event).toList();
    }
  }

  private static TrainPlan planFour(TrainFixture f, List<ChangeRequest> changes) {
    return f.planFour(changes);
  }

  private static List<ChangeRequest> fourChanges(TrainFixture f) {
    return f.fourChanges();
  }

  @Test
  void conflictingChangesNeverBoardTogetherAndTheYoungerWaits() {
    try (TrainFixture f = TrainFixture.create(directory.resolve("repo"))) {
      List<ChangeRequest> changes = fourChanges(f);
      TrainPlan plan = planFour(f, changes);
      assertThat(plan.train().groups()).hasSize(2);
      assertThat(plan.train().groups().get(0).cars())
          .extracting(Car::change)
          .containsExactlyInAnyOrder(changes.get(0).ref(), changes.get(1).ref());
      assertThat(plan.train().groups().get(1).cars())
          .extracting(Car::change)
          .containsExactly(changes.get(3).ref());
      Reason reason = plan.carryover(changes.get(2).ref()).orElseThrow().reasons().get(0);
      assertThat(reason.rule()).isEqualTo("merge-conflict");
      assertThat(reason.evidence())
          .containsEntry("with", "acme/shop#1")
          .containsEntry("paths", "a.txt");
      assertThat(plan.train().cars())
          .extracting(car -> car.revertCheck().status())
          .containsOnly(RevertStatus.CLEAN);
    }
  }

  @Test
  void aRevertThatDoesNotApplyOnTheFinalTreeWaitsWithItsEvidence() {
    try (TrainFixture f = TrainFixture.create(directory.resolve("repo"))) {
      ChangeRequest first = f.change("1", "x.txt", lines("y", "omega"), "web", 60);
      Map<String, String> afterFirst = new TreeMap<>(f.baseFiles);
      afterFirst.put("x.txt", lines("y", "omega"));
      ChangeRequest onTop =
          f
              .change("2", first.head(), afterFirst, "x.txt", lines("z", "omega"), "web", 50)
              .toBuilder()
              .dependsOn(List.of(first.ref()))
              .build();
      ChangeRequest apart = f.change("3", "b.txt", lines("BETA", "omega"), "web", 40);
      TrainPlan plan =
          TrainPlanner.create(lenientPolicy(), Optional.of(f.vcs))
              .plan(spec("t1", f.base), List.of(first, onTop, apart), ReleaseContext.at(NOW));
      assertThat(plan.train().cars()).extracting(Car::change).containsExactly(apart.ref());
      Reason revert = plan.carryover(first.ref()).orElseThrow().reasons().get(0);
      assertThat(revert.rule()).isEqualTo("revert-check");
      assertThat(revert.evidence()).containsEntry("paths", "x.txt");
      assertThat(plan.carryover(onTop.ref()).orElseThrow().reasons())
          .extracting(Reason::rule)
          .contains("dependencies");
    }
  }

  @Test
  void departsOnceEvenWhenRunTwice() {
    try (TrainFixture f = TrainFixture.create(directory.resolve("repo"));
        Ledger ledger = ledger(Ledger.fileStore(directory.resolve("ledger")))) {
      List<ChangeRequest> changes = fourChanges(f);
      TrainPlan plan = planFour(f, changes);
      TrainPlanner planner = TrainPlanner.create(lenientPolicy(), Optional.of(f.vcs));
      Departure departure = planner.depart(plan, f.vcs, ledger, ReleaseCalendar.empty(), CLOCK);
      assertThat(departure.departed()).isTrue();
      assertThat(departure.merged()).isEqualTo(2);
      assertThat(f.vcs.ref(MAIN)).contains(departure.head());
      MergeSimulation simulated =
          f.vcs.simulate(f.base, plan.train().cars().stream().map(Car::head).toList());
      assertThat(f.vcs.tree(departure.head())).isEqualTo(simulated.finalTree());
      for (Car car : plan.train().cars()) {
        assertThat(f.vcs.mergeBase(departure.head(), car.head())).contains(car.head());
      }
      List<LedgerEvent> events = events(ledger);
      assertThat(events).hasSize(1 + 3 + 1 + 1);
      assertThat(events.get(0)).isEqualTo(new LedgerEvent.TrainPlanned(plan.train()));
      assertThat(events.get(4)).isInstanceOf(LedgerEvent.ChangeDeferred.class);
      assertThat(events.get(5))
          .isEqualTo(new LedgerEvent.TrainDeparted(TrainId.of("t1"), departure.head()));

      Departure again = planner.depart(plan, f.vcs, ledger, ReleaseCalendar.empty(), CLOCK);
      assertThat(again).isEqualTo(departure);
      assertThat(events(ledger)).isEqualTo(events);
    }
  }

  @Test
  void aBranchMovedBySomeoneElseIsRefusedNamingBothCommits() {
    try (TrainFixture f = TrainFixture.create(directory.resolve("repo"));
        Ledger ledger = ledger(Ledger.fileStore(directory.resolve("ledger")))) {
      TrainPlan plan = planFour(f, fourChanges(f));
      Revision elsewhere = f.repository.commitText(List.of(f.base), Map.of("c.txt", "c\n"));
      f.vcs.compareAndSetRef(MAIN, Optional.of(f.base), elsewhere);
      assertThatThrownBy(
              () ->
                  TrainPlanner.create(lenientPolicy(), Optional.of(f.vcs))
                      .depart(plan, f.vcs, ledger, ReleaseCalendar.empty(), CLOCK))
          .isInstanceOf(DepartureException.class)
          .hasMessageContaining(f.base.commit())
          .hasMessageContaining(elsewhere.commit());
      assertThat(f.vcs.ref(MAIN)).contains(elsewhere);
    }
  }

  @Test
  void aFreezeDeclaredMidFlightHoldsTheGroupsNotYetMergedUntilItLifts() {
    try (TrainFixture f = TrainFixture.create(directory.resolve("repo"));
        Ledger ledger = ledger(Ledger.fileStore(directory.resolve("ledger")))) {
      List<ChangeRequest> changes = fourChanges(f);
      TrainPlan plan = planFour(f, changes);
      FreezeWindow freeze =
          new FreezeWindow(
              "search-incident",
              Scope.ofComponents("search"),
              new Schedule.UntilLifted(NOW.minus(Duration.ofMinutes(5)), ZoneId.of("UTC")),
              FreezeLevel.ALL,
              "rita",
              "search is down",
              Optional.of("INC-9"));
      ReleaseCalendar frozen = ReleaseCalendar.builder().freeze(freeze).build();
      TrainPlanner planner = TrainPlanner.create(lenientPolicy(), Optional.of(f.vcs));

      Departure held = planner.depart(plan, f.vcs, ledger, frozen, CLOCK);
      assertThat(held.state()).isEqualTo(TrainState.DEPARTING);
      assertThat(held.merged()).isEqualTo(1);
      assertThat(held.pending())
          .singleElement()
          .satisfies(
              pending -> {
                assertThat(pending.index()).isEqualTo(1);
                assertThat(pending.holds())
                    .singleElement()
                    .isInstanceOfSatisfying(
                        Hold.Frozen.class, hold -> assertThat(hold.window()).isEqualTo(freeze));
              });
      assertThat(f.vcs.ref(MAIN)).contains(held.head());
      assertThat(f.vcs.mergeBase(held.head(), changes.get(0).head()))
          .contains(changes.get(0).head());
      assertThat(f.vcs.mergeBase(held.head(), changes.get(3).head()))
          .isNotEqualTo(Optional.of(changes.get(3).head()));
      assertThat(events(ledger))
          .noneMatch(
              e ->
                  e instanceof LedgerEvent.TrainDeparted
                      || e instanceof LedgerEvent.ChangeDeferred);

      Departure lifted = planner.depart(plan, f.vcs, ledger, ReleaseCalendar.empty(), CLOCK);
      assertThat(lifted.departed()).isTrue();
      assertThat(f.vcs.mergeBase(lifted.head(), held.head())).contains(held.head());
      assertThat(events(ledger).stream().filter(LedgerEvent.ChangeShipped.class::isInstance))
          .hasSize(3);
    }
  }

  @Test
  void twoTeamsTrainsOnOneBranchAreSequenced() {
    try (TrainFixture f = TrainFixture.create(directory.resolve("repo"));
        Ledger ledger = ledger(Ledger.fileStore(directory.resolve("ledger")))) {
      ChangeRequest web = f.change("1", "a.txt", lines("ALPHA", "omega"), "web", 60);
      ChangeRequest search = f.change("2", "a.txt", lines("alpha", "OMEGA"), "search", 50);
      ChangeRequest clash = f.change("3", "a.txt", lines("Alpha?", "omega"), "search", 40);
      TrainPlanner planner = TrainPlanner.create(lenientPolicy(), Optional.of(f.vcs));
      TrainPlan first =
          planner.plan(
              TrainSpec.of(TrainId.of("web"), Scope.ofComponents("web"), NOW, MAIN, f.base),
              List.of(web, search, clash),
              ReleaseContext.at(NOW));
      assertThat(first.train().cars()).extracting(Car::change).containsExactly(web.ref());
      TrainPlan second =
          planner.plan(
              TrainSpec.of(TrainId.of("search"), Scope.ofComponents("search"), NOW, MAIN, f.base)
                  .withAhead(List.of(first.train())),
              List.of(web, search, clash),
              ReleaseContext.at(NOW));
      assertThat(second.train().cars()).extracting(Car::change).containsExactly(search.ref());
      assertThat(second.carryover(web.ref()).orElseThrow().reasons())
          .extracting(Reason::rule)
          .containsExactly("train-ahead");
      assertThat(second.carryover(clash.ref()).orElseThrow().reasons().get(0).message())
          .isEqualTo("conflicts with acme/shop#1 on train web, which departs first, at a.txt");

      assertThatThrownBy(
              () -> planner.depart(second, f.vcs, ledger, ReleaseCalendar.empty(), CLOCK))
          .isInstanceOf(DepartureException.class)
          .hasMessageContaining("train web departs before train search");
      Departure web1 = planner.depart(first, f.vcs, ledger, ReleaseCalendar.empty(), CLOCK);
      Departure search1 = planner.depart(second, f.vcs, ledger, ReleaseCalendar.empty(), CLOCK);
      assertThat(search1.departed()).isTrue();
      assertThat(f.vcs.mergeBase(search1.head(), web1.head())).contains(web1.head());
      TreeRef both = f.vcs.simulate(f.base, List.of(web.head(), search.head())).finalTree();
      assertThat(f.vcs.tree(search1.head())).isEqualTo(both);
    }
  }

  /**
   * A crash at each step of the departure — before the intent entry, each merge commit, each
   * compare-and-swap, each batch of entries — then a run with the ledger reopened ends with the
   * same branch and the same ledger as a departure that never stopped. (In-process: the steps are
   * refused by a counting {@link DepartureWrites} hook on the real repository and file store.)
   */
  @Test
  void resumingAfterACrashAtAnyStepEndsAsAnUninterruptedDeparture() {
    Revision expectedHead;
    List<LedgerEvent> expectedEvents;
    int steps;
    try (TrainFixture f = TrainFixture.create(directory.resolve("clean"))) {
      TrainPlan plan = planFour(f, fourChanges(f));
      Counting counting = new Counting(Integer.MAX_VALUE);
      VersionControl vcs = DepartureWrites.wrap(f.vcs, counting);
      try (Ledger ledger =
          ledger(
              DepartureWrites.wrap(
                  Ledger.fileStore(directory.resolve("clean-ledger")), counting))) {
        Departure departure =
            TrainPlanner.create(lenientPolicy(), Optional.of(vcs))
                .depart(plan, vcs, ledger, ReleaseCalendar.empty(), CLOCK);
        expectedHead = departure.head();
        expectedEvents = events(ledger);
      }
      steps = counting.count;
    }
    // intent, three merges, two swaps, two groups' entries, carryovers, departure
    assertThat(steps).isEqualTo(1 + 3 + 2 + 2 + 1 + 1);
    for (int crashAt = 0; crashAt < steps; crashAt++) {
      Path at = directory.resolve("crash-" + crashAt);
      try (TrainFixture f = TrainFixture.create(at.resolve("repo"))) {
        TrainPlan plan = planFour(f, fourChanges(f));
        Counting counting = new Counting(crashAt);
        VersionControl vcs = DepartureWrites.wrap(f.vcs, counting);
        try (Ledger ledger =
            ledger(DepartureWrites.wrap(Ledger.fileStore(at.resolve("ledger")), counting))) {
          int step = crashAt;
          assertThatThrownBy(
                  () ->
                      TrainPlanner.create(lenientPolicy(), Optional.of(vcs))
                          .depart(plan, vcs, ledger, ReleaseCalendar.empty(), CLOCK))
              .hasStackTraceContaining("crash at step " + step + " (");
        }
        try (Ledger ledger = ledger(Ledger.fileStore(at.resolve("ledger")))) {
          Departure resumed =
              TrainPlanner.create(lenientPolicy(), Optional.of(f.vcs))
                  .depart(plan, f.vcs, ledger, ReleaseCalendar.empty(), CLOCK);
          assertThat(resumed.head()).as("crash at step %s", crashAt).isEqualTo(expectedHead);
          assertThat(f.vcs.ref(MAIN)).contains(expectedHead);
          assertThat(events(ledger)).as("crash at step %s", crashAt).isEqualTo(expectedEvents);
        }
      }
    }
  }

  /** Counts the departure's writes and crashes at the one numbered {@code crashAt}. */
  private static final class Counting implements DepartureWrites.Hook {
    final int crashAt;
    int count;

    Counting(int crashAt) {
      this.crashAt = crashAt;
    }

    @Override
    public void before(String kind) {
      if (count == crashAt) {
        throw new IllegalStateException("crash at step " + crashAt + " (" + kind + ")");
      }
      count++;
    }
  }
}
