package dev.signalbox.core.train;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.Target;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.model.Wave;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.policy.VerifiedOverride;
import dev.signalbox.core.spi.MergeConflict;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.MergeStep;
import dev.signalbox.core.spi.TreeRef;
import dev.signalbox.core.spi.VersionControl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One planning of one train: the candidates in landing order, then rounds of boarding until nothing
 * new is held. Not thread-safe; used once.
 *
 * <p>A round boards greedily in landing order — dependencies first, then by priority — asking the
 * policy about each change with the dependencies satisfied so far, applying the caps and placing
 * each car in the first merge group after every group it overlaps or depends on. The round's train
 * is then checked as a whole: a ship-together wave boarded in part, a merge that conflicts (through
 * the version control, in landing order, so the lower-priority change is the one that stays
 * behind), a revert that does not apply on the final tree. Each finding holds a change for the next
 * round, naming what holds it; a hold whose cause went away (the change it conflicted with no
 * longer boards, the wave member it waited for now boards) is released. Holds only grow after a
 * bounded number of rounds, so planning ends.
 */
final class Boarding {
  /** Landing priority: the emergency fast lane, then criticality, security fixes, age, id. */
  static final Comparator<ChangeRequest> PRIORITY = Boarding::comparePriority;

  /** {@link #PRIORITY}, written out: it is asked n log n times per plan, allocating nothing. */
  private static int comparePriority(ChangeRequest a, ChangeRequest b) {
    int c =
        Boolean.compare(
            a.changeClass() != ChangeClass.EMERGENCY, b.changeClass() != ChangeClass.EMERGENCY);
    if (c == 0) {
      c = b.criticality().compareTo(a.criticality());
    }
    if (c == 0) {
      c = Boolean.compare(!a.securityFix(), !b.securityFix());
    }
    if (c == 0) {
      c = a.proposedAt().compareTo(b.proposedAt());
    }
    if (c == 0) { // as ChangeRef orders: repository, then change id
      c = a.repository().compareTo(b.repository());
    }
    if (c == 0) {
      c = a.id().value().compareTo(b.id().value());
    }
    return c;
  }

  /**
   * The revert check of a car whose rollback plan is a revert when none was made: no version
   * control to check it with, or no final tree of the train to check it on.
   */
  private static final RevertCheck NOT_CHECKED = RevertCheck.notChecked();

  /** The revert check of a car whose rollback plan is not a revert. */
  private static final RevertCheck NOT_APPLICABLE =
      new RevertCheck(RevertStatus.NOT_APPLICABLE, List.of());

  private final ReleasePolicy policy;
  private final @Nullable VersionControl vcs;
  private final TrainSpec spec;
  private final ReleaseContext context;

  /** The candidates in landing order. */
  private final Candidate[] order;

  /** Each candidate's index in {@link #order}. */
  private final Map<ChangeRef, Integer> indexOf;

  private final PathIndex paths = new PathIndex();
  private final Map<ChangeRef, List<Reason>> outside = new HashMap<>();
  private final Set<ChangeRef> landedAhead = new HashSet<>();
  private final List<Revision> headsAhead = new ArrayList<>();
  private final List<Car> carsAhead = new ArrayList<>();
  private final Map<ChangeRef, TrainId> aheadOn = new HashMap<>();
  private final List<Wave> shipTogether;
  private final Set<SensitiveKind> irreversible;
  private final Map<DecisionKey, Decision> decided = new HashMap<>();
  private final EvidenceByChange evidence;

  private record DecisionKey(ChangeRef change, Set<ChangeRef> satisfied) {}

  private enum HoldKind {
    CONFLICT,
    WAVE,
    REVERT
  }

  /** Why a change is held out of the next rounds, and what would release it. */
  private record Held(List<Reason> reasons, @Nullable ChangeRef blocker, HoldKind kind) {}

  Boarding(
      ReleasePolicy policy,
      @Nullable VersionControl vcs,
      TrainSpec spec,
      Collection<ChangeRequest> candidates,
      ReleaseContext context) {
    this.policy = policy;
    this.vcs = vcs;
    this.spec = spec;
    this.context = context.withNow(spec.departure());
    List<ChangeRequest> landing = landingOrder(candidates);
    this.order = new Candidate[landing.size()];
    this.indexOf = new HashMap<>(landing.size() * 2);
    for (int i = 0; i < order.length; i++) {
      order[i] = new Candidate(i, landing.get(i));
      indexOf.put(order[i].ref, i);
    }
    this.shipTogether =
        spec.waves().stream()
            .filter(Wave::shipTogether)
            .sorted(Comparator.comparing(w -> w.id().value()))
            .toList();
    this.irreversible = policy.definition().rollback().irreversible();
    this.evidence = new EvidenceByChange(context.evidence());
    for (Train train : spec.ahead()) {
      for (Car car : train.cars()) {
        aheadOn.putIfAbsent(car.change(), train.id());
        landedAhead.add(car.change());
        headsAhead.add(car.head());
        carsAhead.add(car);
      }
    }
    boolean everything = spec.scope().isEverything();
    for (Candidate candidate : order) {
      ChangeRef ref = candidate.ref;
      TrainId onTrain = aheadOn.isEmpty() ? null : aheadOn.get(ref);
      if (onTrain != null) {
        outside.put(
            ref,
            List.of(
                new Reason(
                    "train-ahead",
                    "boards train " + onTrain + ", which departs before " + spec.id(),
                    Map.of("train", onTrain.value()))));
      } else if (!everything && !spec.scope().appliesTo(candidate.target())) {
        outside.put(
            ref,
            List.of(
                new Reason(
                    "train-scope",
                    "outside the scope of train " + spec.id(),
                    Map.of("train", spec.id().value()))));
      }
    }
  }

  /** Plans the train. */
  TrainPlan plan() {
    Map<ChangeRef, Held> held = new HashMap<>();
    int releasingRounds = 2 * order.length + 4;
    for (int round = 0; ; round++) {
      Round r = round(held);
      Map<ChangeRef, Held> found = new LinkedHashMap<>();
      waves(r, found);
      if (found.isEmpty() && vcs != null && !r.boarded.isEmpty()) {
        conflicts(vcs, r, found);
        if (found.isEmpty()) {
          reverts(vcs, r, found);
        }
      }
      boolean released = round < releasingRounds && held.values().removeIf(r::releases);
      if (found.isEmpty() && !released) {
        return r.plan();
      }
      held.putAll(found);
    }
  }

  /**
   * The candidates in landing order: every dependency first, otherwise by priority. Each change's
   * reference is made once, and the priority is compared once per pair sorted, as ranks after that.
   */
  private static List<ChangeRequest> landingOrder(Collection<ChangeRequest> candidates) {
    int n = candidates.size();
    ChangeRequest[] changes = new ChangeRequest[n];
    Map<ChangeRef, Integer> at = new HashMap<>(n * 2);
    int index = 0;
    for (ChangeRequest change : candidates) {
      if (change == null) {
        throw new InvalidValueException(
            TrainPlanner.class, "candidates[" + index + "]", "must not be null", null);
      }
      ChangeRef ref = change.ref();
      if (at.put(ref, index) != null) {
        throw new InvalidValueException(
            TrainPlanner.class, "candidates[" + index + "]", "repeats a change", ref);
      }
      changes[index++] = change;
    }
    Integer[] byPriority = new Integer[n];
    for (int i = 0; i < n; i++) {
      byPriority[i] = i;
    }
    Arrays.sort(byPriority, (i, j) -> PRIORITY.compare(changes[i], changes[j]));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[byPriority[r]] = r;
    }
    int[] waiting = new int[n];
    Map<Integer, List<Integer>> dependents = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (ChangeRef dependency : changes[i].dependsOn()) {
        Integer on = at.get(dependency);
        if (on != null) {
          waiting[i]++;
          dependents.computeIfAbsent(on, d -> new ArrayList<>()).add(i);
        }
      }
    }
    List<ChangeRequest> order = new ArrayList<>(n);
    if (dependents.isEmpty()) {
      for (Integer i : byPriority) {
        order.add(changes[i]);
      }
      return order;
    }
    PriorityQueue<Integer> ready =
        new PriorityQueue<>(Math.max(1, n), Comparator.comparingInt(i -> rank[i]));
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    while (!ready.isEmpty()) {
      int next = ready.poll();
      order.add(changes[next]);
      List<Integer> after = dependents.get(next);
      if (after != null) {
        for (int dependent : after) {
          if (--waiting[dependent] == 0) {
            ready.add(dependent);
          }
        }
      }
    }
    if (order.size() < n) {
      Map<ChangeRef, ChangeRequest> byRef = new HashMap<>(n * 2);
      Map<ChangeRef, Integer> stillWaiting = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        byRef.put(changes[i].ref(), changes[i]);
        stillWaiting.put(changes[i].ref(), waiting[i]);
      }
      throw new DependencyCycleException(cycle(byRef, stillWaiting));
    }
    return order;
  }

  /** A cycle among the changes still waiting: follow waiting dependencies until one repeats. */
  private static List<ChangeRef> cycle(
      Map<ChangeRef, ChangeRequest> byRef, Map<ChangeRef, Integer> waiting) {
    TreeSet<ChangeRef> stuck = new TreeSet<>();
    waiting.forEach(
        (ref, count) -> {
          if (count > 0) {
            stuck.add(ref);
          }
        });
    List<ChangeRef> path = new ArrayList<>();
    Map<ChangeRef, Integer> at = new HashMap<>();
    ChangeRef current = stuck.first();
    while (!at.containsKey(current)) {
      at.put(current, path.size());
      path.add(current);
      ChangeRef next = null;
      ChangeRequest change = Objects.requireNonNull(byRef.get(current));
      for (ChangeRef dependency : new TreeSet<>(change.dependsOn())) {
        if (stuck.contains(dependency)) {
          next = dependency;
          break;
        }
      }
      if (next == null) {
        throw new IllegalStateException("no waiting dependency of " + current);
      }
      current = next;
    }
    return List.copyOf(path.subList(at.getOrDefault(current, 0), path.size()));
  }

  private Decision decide(ChangeRequest change, Set<ChangeRef> satisfied) {
    return decided.computeIfAbsent(
        new DecisionKey(change.ref(), satisfied),
        key ->
            policy.decide(
                change,
                new ReleaseContext(
                    context.now(),
                    context.calendar(),
                    evidence.of(change),
                    context.budgets(),
                    satisfied)));
  }

  /** One greedy pass over the candidates in landing order, leaving out what {@code held} holds. */
  private Round round(Map<ChangeRef, Held> held) {
    Round r = new Round();
    paths.clear();
    Caps caps = spec.caps();
    double risk = 0;
    int irreversibleCount = 0;
    for (Candidate candidate : order) {
      ChangeRequest change = candidate.change;
      ChangeRef ref = candidate.ref;
      List<Reason> fixed = outside.isEmpty() ? null : outside.get(ref);
      if (fixed != null) {
        r.carried.put(ref, fixed);
        continue;
      }
      Set<ChangeRef> satisfied = Set.of();
      List<Reason> missing = List.of();
      int after = -1;
      for (ChangeRef dependency : change.dependsOn()) {
        int group = r.groupOf(dependency);
        if (group >= 0
            || context.satisfied().contains(dependency)
            || landedAhead.contains(dependency)) {
          if (satisfied.isEmpty()) {
            satisfied = new HashSet<>();
          }
          satisfied.add(dependency);
          after = Math.max(after, group);
        } else {
          if (missing.isEmpty()) {
            missing = new ArrayList<>();
          }
          missing.add(
              new Reason(
                  "dependencies",
                  "depends on "
                      + dependency
                      + (indexOf.containsKey(dependency)
                          ? ", which does not board this train"
                          : ", which has not shipped"),
                  Map.of("dependency", dependency.toString())));
        }
      }
      Decision decision = decide(change, satisfied.isEmpty() ? Set.of() : Set.copyOf(satisfied));
      r.decisions[candidate.index] = decision;
      if (!decision.ships()) {
        List<Reason> reasons = new ArrayList<>(decision.reasons());
        reasons.addAll(missing);
        r.carried.put(ref, reasons);
        continue;
      }
      if (!missing.isEmpty()) {
        r.carried.put(ref, missing);
        continue;
      }
      Held hold = held.isEmpty() ? null : held.get(ref);
      if (hold != null) {
        r.carried.put(ref, hold.reasons());
        continue;
      }
      double changeRisk = acceptedRisk(change);
      boolean isIrreversible = isIrreversible(change);
      Reason cap = null;
      if (change.blastRadius().level().compareTo(caps.maxBlastRadius()) > 0) {
        cap =
            cap(
                "max-blast-radius",
                "blast radius "
                    + change.blastRadius().level()
                    + " is above the train's cap "
                    + caps.maxBlastRadius(),
                caps.maxBlastRadius().toString());
      } else if (r.boarded.size() >= caps.maxChanges()) {
        cap =
            cap(
                "max-changes",
                "the train carries at most " + caps.maxChanges() + " changes",
                String.valueOf(caps.maxChanges()));
      } else if (risk + changeRisk > caps.maxAcceptedRisk() + RISK_ROUNDING) {
        cap =
            cap(
                "max-accepted-risk",
                "the train accepts at most "
                    + caps.maxAcceptedRisk()
                    + " total risk; it holds "
                    + risk
                    + " and this change adds "
                    + changeRisk,
                String.valueOf(caps.maxAcceptedRisk()));
      } else if (isIrreversible && irreversibleCount >= caps.maxIrreversible()) {
        cap =
            cap(
                "max-irreversible",
                "the train carries at most " + caps.maxIrreversible() + " irreversible changes",
                String.valueOf(caps.maxIrreversible()));
      }
      if (cap != null) {
        r.carried.put(ref, List.of(cap));
        continue;
      }
      int[] touched = candidate.paths();
      int group = Math.max(after, paths.lastGroup(touched)) + 1;
      paths.add(touched, group);
      r.groupOf[candidate.index] = group;
      r.boarded.add(candidate);
      risk += changeRisk;
      irreversibleCount += isIrreversible ? 1 : 0;
    }
    return r;
  }

  /**
   * How far a sum of accepted risks may exceed the cap by the rounding of doubles alone (0.1 + 0.2
   * is 0.30000000000000004): a change that brings the total exactly to the cap boards.
   */
  static final double RISK_ROUNDING = 1e-9;

  /** The risk a change adds to the train: its calibrated probability, or nothing if unscored. */
  private static double acceptedRisk(ChangeRequest change) {
    if (change.risk().isPresent()) {
      return change.risk().get().probability();
    }
    return 0;
  }

  private static Reason cap(String cap, String message, String limit) {
    return new Reason("train-cap", message, Map.of("cap", cap, "limit", limit));
  }

  private boolean isIrreversible(ChangeRequest change) {
    for (SensitiveKind kind : change.blastRadius().sensitiveKinds()) {
      if (irreversible.contains(kind)) {
        return true;
      }
    }
    return false;
  }

  /** Holds the boarded members of each ship-together wave that does not board whole. */
  private void waves(Round r, Map<ChangeRef, Held> found) {
    for (Wave wave : shipTogether) {
      List<ChangeRef> members = new ArrayList<>(new TreeSet<>(wave.changes()));
      ChangeRef missing = null;
      List<ChangeRef> boarded = new ArrayList<>();
      for (ChangeRef member : members) {
        if (r.boards(member)) {
          boarded.add(member);
        } else if (missing == null) {
          missing = member;
        }
      }
      if (missing != null && !boarded.isEmpty()) {
        Reason reason =
            new Reason(
                "wave",
                "wave "
                    + wave.id()
                    + " ships together and "
                    + missing
                    + (indexOf.containsKey(missing)
                        ? " does not board this train"
                        : " is not a candidate of this train"),
                Map.of("wave", wave.id().value(), "waiting-for", missing.toString()));
        for (ChangeRef member : boarded) {
          found.putIfAbsent(member, new Held(List.of(reason), missing, HoldKind.WAVE));
        }
      }
    }
  }

  /**
   * Simulates the train's merges in landing order after the trains ahead; each change that
   * conflicts is held, naming the boarded change before it that touches a conflicting path.
   */
  private void conflicts(VersionControl vcs, Round r, Map<ChangeRef, Held> found) {
    List<Revision> heads = new ArrayList<>(headsAhead);
    for (Candidate boarded : r.boarded) {
      heads.add(boarded.change.head());
    }
    MergeSimulation simulation = vcs.simulate(spec.base(), heads);
    List<MergeStep> steps = simulation.steps();
    Map<Integer, List<Integer>> touching = null;
    for (int i = 0; i < r.boarded.size(); i++) {
      MergeStep step = steps.get(headsAhead.size() + i);
      if (!(step instanceof MergeStep.Conflicting conflicting)) {
        continue;
      }
      if (touching == null) {
        touching = new HashMap<>();
        for (int j = 0; j < r.boarded.size(); j++) {
          for (int path : r.boarded.get(j).paths()) {
            touching.computeIfAbsent(path, p -> new ArrayList<>()).add(j);
          }
        }
      }
      ChangeRequest change = r.boarded.get(i).change;
      Set<String> where = new TreeSet<>();
      List<Integer> suspects = new ArrayList<>();
      for (MergeConflict conflict : conflicting.conflicts()) {
        where.add(conflict.path().value());
        int path = paths.find(change.repository(), conflict.path().value());
        for (int j : touching.getOrDefault(path, List.of())) {
          if (j < i && !found.containsKey(r.boarded.get(j).ref) && !suspects.contains(j)) {
            suspects.add(j);
          }
        }
      }
      suspects.sort(Comparator.reverseOrder()); // the nearest before it first
      String at = String.join(", ", where);
      Reason reason = null;
      ChangeRef blocker = null;
      if (conflictsAlone(vcs, List.of(change.head()))) {
        reason =
            new Reason(
                "merge-conflict",
                "does not merge onto " + spec.base().abbreviated() + " at " + at,
                Map.of("with", spec.base().commit(), "paths", at));
      }
      for (int k = 0; reason == null && k < suspects.size(); k++) {
        ChangeRequest other = r.boarded.get(suspects.get(k)).change;
        boolean last = k == suspects.size() - 1 && carsAhead.isEmpty();
        if (last || conflictsAlone(vcs, List.of(other.head(), change.head()))) {
          blocker = other.ref();
          reason =
              new Reason(
                  "merge-conflict",
                  "conflicts with " + blocker + ", which boards before it, at " + at,
                  Map.of("with", blocker.toString(), "paths", at));
        }
      }
      for (int k = carsAhead.size() - 1; reason == null && k >= 0; k--) {
        Car ahead = carsAhead.get(k);
        if (k == 0 || conflictsAlone(vcs, List.of(ahead.head(), change.head()))) {
          TrainId train = aheadOn.getOrDefault(ahead.change(), spec.id());
          reason =
              new Reason(
                  "merge-conflict",
                  "conflicts with "
                      + ahead.change()
                      + " on train "
                      + train
                      + ", which departs"
                      + " first, at "
                      + at,
                  Map.of("with", ahead.change().toString(), "train", train.value(), "paths", at));
        }
      }
      if (reason == null) {
        reason =
            new Reason(
                "merge-conflict",
                "does not merge onto the train before it at " + at,
                Map.of("paths", at));
      }
      found.put(change.ref(), new Held(List.of(reason), blocker, HoldKind.CONFLICT));
    }
    r.finalTree = simulation.finalTree();
  }

  /** Whether the last of {@code heads}, merged in order onto the base, conflicts. */
  private boolean conflictsAlone(VersionControl vcs, List<Revision> heads) {
    List<MergeStep> steps = vcs.simulate(spec.base(), heads).steps();
    return !steps.get(steps.size() - 1).isClean();
  }

  /** Checks each boarded revert on the final tree; a revert that does not apply is held. */
  private void reverts(VersionControl vcs, Round r, Map<ChangeRef, Held> found) {
    TreeRef tree = r.finalTree;
    if (tree == null) {
      return;
    }
    for (Candidate boarded : r.boarded) {
      ChangeRequest change = boarded.change;
      if (change.rollback().isEmpty() || change.rollback().get().kind() != RollbackKind.REVERT) {
        continue;
      }
      RevertCheck check = vcs.checkRevert(change.base(), change.head(), tree);
      if (check.status() == RevertStatus.CONFLICTS) {
        String paths =
            check.conflicts().stream().map(RepoPath::value).collect(Collectors.joining(", "));
        found.put(
            boarded.ref,
            new Held(
                List.of(
                    new Reason(
                        "revert-check",
                        "its rollback plan is a revert, and the revert does not apply on the"
                            + " train's final tree at "
                            + paths,
                        Map.of("paths", paths, "tree", tree.id()))),
                null,
                HoldKind.REVERT));
      } else {
        r.reverts.put(boarded.ref, check);
      }
    }
  }

  /** The ids of the windows among {@code holds}. */
  static Set<String> windowIds(List<Hold> holds) {
    Set<String> ids = new TreeSet<>();
    for (Hold hold : holds) {
      if (hold instanceof Hold.Frozen frozen) {
        ids.add(frozen.window().id());
      } else if (hold instanceof Hold.MergeWindowClosed closed) {
        closed.windows().forEach(window -> ids.add(window.id()));
      }
    }
    return ids;
  }

  /** A candidate in landing order, with what planning computes about it at most once. */
  private final class Candidate {
    final int index;
    final ChangeRequest change;
    final ChangeRef ref;
    private int @Nullable [] paths;
    private @Nullable Target target;

    Candidate(int index, ChangeRequest change) {
      this.index = index;
      this.change = change;
      this.ref = change.ref();
    }

    /** The ids of the paths it touches, interned on first use. */
    int[] paths() {
      int[] ids = paths;
      if (ids == null) {
        ids = Boarding.this.paths.intern(change);
        paths = ids;
      }
      return ids;
    }

    /** Its calendar target, built on first use. */
    Target target() {
      Target built = target;
      if (built == null) {
        built = change.target();
        target = built;
      }
      return built;
    }
  }

  /** What one round boarded and carried over. */
  private final class Round {
    final List<Candidate> boarded = new ArrayList<>();

    /** By landing index, the merge group of each boarded candidate; -1 for the others. */
    final int[] groupOf;

    final Map<ChangeRef, List<Reason>> carried = new HashMap<>();

    /** By landing index, the policy's decision, where it was asked. */
    final @Nullable Decision[] decisions;

    final Map<ChangeRef, RevertCheck> reverts = new HashMap<>();
    @Nullable TreeRef finalTree;

    Round() {
      groupOf = new int[order.length];
      Arrays.fill(groupOf, -1);
      decisions = new Decision[order.length];
    }

    /** The merge group {@code change} boards in this round, or -1 if it does not board. */
    int groupOf(ChangeRef change) {
      Integer index = indexOf.get(change);
      return index == null ? -1 : groupOf[index];
    }

    /** Whether {@code change} boards in this round. */
    boolean boards(ChangeRef change) {
      return groupOf(change) >= 0;
    }

    /** Whether the cause of {@code hold} went away in this round. */
    boolean releases(Held hold) {
      ChangeRef blocker = hold.blocker();
      if (blocker == null) {
        return false;
      }
      return switch (hold.kind()) {
        case CONFLICT -> !boards(blocker);
        case WAVE -> boards(blocker);
        case REVERT -> false;
      };
    }

    TrainPlan plan() {
      // groups are numbered from 0 without gaps: a car's group is at most one past the last so far
      List<List<Car>> groups = new ArrayList<>();
      Map<ChangeRef, Target> targets = new HashMap<>(boarded.size() * 2);
      Map<ChangeRef, Set<String>> waived = new HashMap<>();
      boolean calendarEmpty =
          context.calendar().definition().freezes().isEmpty()
              && context.calendar().definition().mergeWindows().isEmpty();
      for (Candidate candidate : boarded) {
        ChangeRequest change = candidate.change;
        RevertCheck check = reverts.isEmpty() ? null : reverts.get(candidate.ref);
        if (check == null) {
          boolean revert =
              change.rollback().isPresent()
                  && change.rollback().get().kind() == RollbackKind.REVERT;
          check = revert ? NOT_CHECKED : NOT_APPLICABLE;
        }
        int group = groupOf[candidate.index];
        while (groups.size() <= group) {
          groups.add(new ArrayList<>());
        }
        groups.get(group).add(new Car(candidate.ref, change.head(), change.contentDigest(), check));
        Target target = candidate.target();
        targets.put(candidate.ref, target);
        if (!calendarEmpty) {
          Set<String> ids = windowIds(context.calendar().holds(target, context.now()));
          if (!ids.isEmpty()) {
            waived.put(candidate.ref, ids);
          }
        }
      }
      Map<ChangeRef, Decision> decided = new LinkedHashMap<>(order.length * 2);
      for (Candidate candidate : order) {
        Decision decision = decisions[candidate.index];
        if (decision != null) {
          decided.put(candidate.ref, decision);
        }
      }
      List<MergeGroup> mergeGroups = new ArrayList<>(groups.size());
      groups.forEach(cars -> mergeGroups.add(new MergeGroup(cars)));
      List<Carryover> carryovers = new ArrayList<>(carried.size());
      new TreeMap<>(carried).forEach((ref, reasons) -> carryovers.add(new Carryover(ref, reasons)));
      Train train =
          new Train(
              spec.id(),
              spec.scope(),
              spec.departure(),
              TrainState.PLANNED,
              mergeGroups,
              carryovers);
      return new TrainPlan(spec, train, decided, targets, waived);
    }
  }

  /** The context's evidence split by the change it names, so each decision weighs its own. */
  private static final class EvidenceByChange {
    private final boolean empty;
    private final Map<ChangeRef, List<TrustedVerdict>> verdicts = new HashMap<>();
    private final Map<ChangeRef, List<VerifiedAcceptance>> acceptances = new HashMap<>();
    private final Map<ChangeRef, List<VerifiedOverride>> overrides = new HashMap<>();
    private final Map<Revision, List<CheckRun>> checks = new HashMap<>();

    EvidenceByChange(Evidence evidence) {
      for (TrustedVerdict verdict : evidence.verdicts()) {
        verdicts.computeIfAbsent(verdict.verdict().change(), c -> new ArrayList<>()).add(verdict);
      }
      for (VerifiedAcceptance acceptance : evidence.acceptances()) {
        acceptances
            .computeIfAbsent(acceptance.acceptance().change(), c -> new ArrayList<>())
            .add(acceptance);
      }
      for (VerifiedOverride override : evidence.overrides()) {
        overrides
            .computeIfAbsent(override.override().change(), c -> new ArrayList<>())
            .add(override);
      }
      for (CheckRun check : evidence.checks()) {
        checks.computeIfAbsent(check.commit(), c -> new ArrayList<>()).add(check);
      }
      this.empty =
          verdicts.isEmpty() && acceptances.isEmpty() && overrides.isEmpty() && checks.isEmpty();
    }

    Evidence of(ChangeRequest change) {
      if (empty) {
        return Evidence.none();
      }
      return Evidence.of(
          verdicts.getOrDefault(change.ref(), List.of()),
          acceptances.getOrDefault(change.ref(), List.of()),
          overrides.getOrDefault(change.ref(), List.of()),
          checks.getOrDefault(change.head(), List.of()),
          List.of());
    }
  }
}
