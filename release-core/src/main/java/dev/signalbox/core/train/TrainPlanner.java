package dev.signalbox.core.train;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.spi.VersionControl;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/**
 * Composes release trains from candidate changes, departs them, and bisects a train that failed.
 *
 * <p>{@link #plan} boards only what the policy ships at the train's departure, dependencies first
 * (within and across repositories), in merge groups whose cars touch no overlapping path; changes
 * whose merges conflict never board together (the lower-priority one, then the younger, waits,
 * naming the other: emergency changes have a fast lane); each car's revert is checked on the
 * train's final tree; ship-together waves board whole or not at all; caps hold; everything else is
 * carried over with its reasons. With no version control the planner plans from paths alone: no
 * merge is simulated and no revert checked ({@code NOT_CHECKED} on the car).
 *
 * <p>Immutable and thread-safe if the policy and the version control are.
 */
public final class TrainPlanner {
  private final ReleasePolicy policy;
  private final Optional<VersionControl> vcs;

  private TrainPlanner(ReleasePolicy policy, Optional<VersionControl> vcs) {
    this.policy = policy;
    this.vcs = vcs;
  }

  /**
   * A planner deciding with {@code policy} and, when present, simulating merges and reverts with
   * {@code vcs}.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  public static TrainPlanner create(ReleasePolicy policy, Optional<VersionControl> vcs) {
    Checks.present(TrainPlanner.class, "policy", policy);
    Checks.optional(TrainPlanner.class, "vcs", vcs);
    return new TrainPlanner(policy, vcs);
  }

  /**
   * Plans the train {@code spec} describes from {@code candidates}, deciding each at the train's
   * departure in {@code context} (its instant is replaced by the departure). Each decision sees the
   * context's evidence that names its change (check runs by its head), and as satisfied those of
   * its dependencies that have shipped (the context says which), land on a train ahead, or board an
   * earlier merge group of this train.
   *
   * <p>Equal inputs give equal plans, whatever the order of {@code candidates}.
   *
   * @throws DependencyCycleException if candidates depend on each other in a cycle, naming it
   * @throws dev.signalbox.core.InvalidValueException if an argument is null or a change appears
   *     twice among the candidates
   * @throws dev.signalbox.core.spi.VersionControlException if the version control fails
   */
  public TrainPlan plan(
      TrainSpec spec, Collection<ChangeRequest> candidates, ReleaseContext context) {
    Checks.present(TrainPlanner.class, "spec", spec);
    Checks.present(TrainPlanner.class, "candidates", candidates);
    Checks.present(TrainPlanner.class, "context", context);
    return new Boarding(policy, vcs.orElse(null), spec, candidates, context).plan();
  }

  /**
   * Departs {@code plan}'s train onto its branch, or resumes a departure that stopped: the intent
   * entry (the plan) in {@code ledger} first; then for each merge group in order, a check that
   * {@code calendar} holds none of its cars by a window the plan did not pass, its merge commits
   * ({@link VersionControl#writeMerge}), the branch moved by compare-and-swap, and the ledger
   * entries of its cars; then the entries of the carryovers and of the departure.
   *
   * <p>Idempotent and resumable: run again after a crash at any point, it finishes without writing
   * anything twice — a group whose cars are in the branch's history is merged, an entry equal to
   * one the ledger holds for the train is written. A hold that appears mid-flight (a freeze
   * declared after planning) stops before the first group it holds; the groups left are reported
   * pending, with the holds, and nothing merged is undone; run again once it lifts.
   *
   * @return what the departure did
   * @throws DepartureException if the branch was moved by someone else (naming the commit expected
   *     and the one found), a train ahead has not departed, or the ledger holds another plan for
   *     this train
   * @throws dev.signalbox.core.spi.MergeConflictException if a group no longer merges
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  public Departure depart(
      TrainPlan plan, VersionControl vcs, Ledger ledger, ReleaseCalendar calendar, Clock clock) {
    Checks.present(TrainPlanner.class, "plan", plan);
    Checks.present(TrainPlanner.class, "vcs", vcs);
    Checks.present(TrainPlanner.class, "ledger", ledger);
    Checks.present(TrainPlanner.class, "calendar", calendar);
    Checks.present(TrainPlanner.class, "clock", clock);
    return new Departing(plan, vcs, ledger, calendar, clock).depart();
  }

  /**
   * A bisection of {@code failed}'s cars, in merge order, to find which of them broke its
   * verification.
   *
   * @throws dev.signalbox.core.InvalidValueException if the train is null or has no car
   */
  public Bisection bisect(Train failed) {
    Checks.present(TrainPlanner.class, "failed", failed);
    return Bisection.of(failed.cars());
  }
}
