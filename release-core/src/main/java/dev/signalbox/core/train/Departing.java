package dev.signalbox.core.train;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerQuery;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.Target;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.spi.RefUpdate;
import dev.signalbox.core.spi.TreeRef;
import dev.signalbox.core.spi.VersionControl;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One run of a train's departure, resuming whatever an earlier run left: the intent entry, then per
 * merge group the calendar's holds, the merge commits, the ref's compare-and-swap and the entries
 * of its cars, then the carryovers' entries and the departure's.
 *
 * <p>Progress is read back from the two places it is written: a group is merged when every car's
 * head is in the branch's history, and an entry is written when the ledger holds an equal event for
 * the train. Before going on, the branch must be where the merges left it: at the planned base when
 * nothing is merged, else at a commit whose tree is the merged groups' tree; anything else is
 * someone else's move, and refused.
 */
final class Departing {
  private final TrainPlan plan;
  private final Train train;
  private final TrainSpec spec;
  private final VersionControl vcs;
  private final Ledger ledger;
  private final ReleaseCalendar calendar;
  private final Clock clock;
  private final Set<LedgerEvent> recorded = new HashSet<>();

  Departing(
      TrainPlan plan, VersionControl vcs, Ledger ledger, ReleaseCalendar calendar, Clock clock) {
    this.plan = plan;
    this.train = plan.train();
    this.spec = plan.spec();
    this.vcs = vcs;
    this.ledger = ledger;
    this.calendar = calendar;
    this.clock = clock;
  }

  Departure depart() {
    for (Train ahead : spec.ahead()) {
      try (Stream<LedgerEntry> entries = ledger.read(LedgerQuery.all().train(ahead.id()))) {
        if (entries.noneMatch(e -> e.event() instanceof LedgerEvent.TrainDeparted)) {
          throw new DepartureException(
              "train "
                  + ahead.id()
                  + " departs before train "
                  + train.id()
                  + " on "
                  + spec.targetRef()
                  + " and has not departed yet");
        }
      }
    }
    try (Stream<LedgerEntry> entries = ledger.read(LedgerQuery.all().train(train.id()))) {
      entries.forEach(entry -> recorded.add(entry.event()));
    }
    LedgerEvent intent = new LedgerEvent.TrainPlanned(train);
    for (LedgerEvent event : recorded) {
      if (event instanceof LedgerEvent.TrainPlanned planned && !planned.equals(intent)) {
        throw new DepartureException(
            "the ledger holds another plan for train "
                + train.id()
                + "; a train departs as it was first recorded");
      }
    }
    record(List.of(intent));

    List<MergeGroup> groups = train.groups();
    Optional<Revision> found = vcs.ref(spec.targetRef());
    int merged = 0;
    if (found.isPresent()) {
      while (merged < groups.size() && inHistory(found.get(), groups.get(merged))) {
        merged++;
      }
    }
    Revision current = checkWhereMergesLeft(found, merged);
    for (int g = 0; g < merged; g++) {
      recordShipped(groups.get(g));
    }
    for (int g = merged; g < groups.size(); g++) {
      MergeGroup group = groups.get(g);
      List<Hold> holds = newHolds(group, clock.instant());
      if (!holds.isEmpty()) {
        List<PendingGroup> pending = new ArrayList<>();
        pending.add(new PendingGroup(g, group, holds));
        for (int later = g + 1; later < groups.size(); later++) {
          pending.add(
              new PendingGroup(
                  later, groups.get(later), newHolds(groups.get(later), clock.instant())));
        }
        return new Departure(train.id(), TrainState.DEPARTING, current, g, pending);
      }
      Revision next = current;
      for (Car car : group.cars()) {
        next =
            vcs.writeMerge(next, car.head(), "Merge " + car.change() + " on train " + train.id());
      }
      RefUpdate update = vcs.compareAndSetRef(spec.targetRef(), Optional.of(current), next);
      if (update == RefUpdate.LOST_RACE) {
        throw moved(current, vcs.ref(spec.targetRef()));
      }
      recordShipped(group);
      current = next;
    }
    List<LedgerEvent> deferred = new ArrayList<>();
    for (Carryover carryover : train.carriedOver()) {
      deferred.add(
          new LedgerEvent.ChangeDeferred(carryover.change(), train.id(), carryover.reasons()));
    }
    record(deferred);
    if (recorded.stream().noneMatch(e -> e instanceof LedgerEvent.TrainDeparted)) {
      record(List.of(new LedgerEvent.TrainDeparted(train.id(), current)));
    }
    return new Departure(train.id(), TrainState.DEPARTED, current, groups.size(), List.of());
  }

  /** Whether every car of {@code group} is in the history of {@code commit}. */
  private boolean inHistory(Revision commit, MergeGroup group) {
    for (Car car : group.cars()) {
      if (!vcs.mergeBase(commit, car.head()).equals(Optional.of(car.head()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The branch's commit, if it is where this departure's merges left it after {@code merged}
   * groups: the planned base when nothing of this train (or a train ahead) is merged, otherwise a
   * commit whose tree is the tree of those merges.
   */
  private Revision checkWhereMergesLeft(Optional<Revision> found, int merged) {
    if (found.isEmpty()) {
      throw new DepartureException(
          spec.targetRef()
              + " does not exist; train "
              + train.id()
              + " was planned onto "
              + spec.base().commit());
    }
    Revision actual = found.get();
    if (merged == 0 && spec.ahead().isEmpty()) {
      if (!actual.equals(spec.base())) {
        throw moved(spec.base(), found);
      }
      return actual;
    }
    List<Revision> heads = new ArrayList<>(spec.carsAhead().stream().map(Car::head).toList());
    for (int g = 0; g < merged; g++) {
      train.groups().get(g).cars().forEach(car -> heads.add(car.head()));
    }
    TreeRef expected = vcs.simulate(spec.base(), heads).finalTree();
    if (!vcs.tree(actual).equals(expected)) {
      throw new DepartureException(
          spec.targetRef()
              + " was moved by someone else: train "
              + train.id()
              + " expected "
              + spec.base().commit()
              + " with "
              + heads.size()
              + " merges (tree "
              + expected.id()
              + ") but found "
              + actual.commit()
              + " (tree "
              + vcs.tree(actual).id()
              + ")");
    }
    return actual;
  }

  private DepartureException moved(Revision expected, Optional<Revision> actual) {
    return new DepartureException(
        spec.targetRef()
            + " was moved by someone else: train "
            + train.id()
            + " expected it at "
            + expected.commit()
            + " but found "
            + actual.map(Revision::commit).orElse("no commit (the ref is gone)"));
  }

  /** The holds on {@code group}'s cars at {@code at} that the plan did not already pass. */
  private List<Hold> newHolds(MergeGroup group, Instant at) {
    List<Hold> holds = new ArrayList<>();
    for (Car car : group.cars()) {
      Target target = plan.targets().get(car.change());
      if (target == null) {
        continue; // the plan's constructor makes sure every car has one
      }
      Set<String> waived = plan.waived().getOrDefault(car.change(), Set.of());
      for (Hold hold : calendar.holds(target, at)) {
        if (!waived.containsAll(Boarding.windowIds(List.of(hold))) && !holds.contains(hold)) {
          holds.add(hold);
        }
      }
    }
    return holds;
  }

  private void recordShipped(MergeGroup group) {
    List<LedgerEvent> shipped = new ArrayList<>();
    for (Car car : group.cars()) {
      shipped.add(
          new LedgerEvent.ChangeShipped(car.change(), car.head(), car.contentDigest(), train.id()));
    }
    record(shipped);
  }

  /** Appends the events the ledger does not hold yet, in order, as one batch. */
  private void record(List<LedgerEvent> events) {
    List<LedgerEvent> missing = new ArrayList<>();
    for (LedgerEvent event : events) {
      if (!recorded.contains(event)) {
        missing.add(event);
      }
    }
    if (!missing.isEmpty()) {
      ledger.appendAll(missing);
      recorded.addAll(missing);
    }
  }
}
