package dev.signalbox.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.Wave;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.train.Caps;
import dev.signalbox.core.train.TrainPlan;
import dev.signalbox.core.train.TrainPlanner;
import dev.signalbox.testkit.generators.TrainScenarios;
import dev.signalbox.testkit.generators.TrainScenarios.TrainScenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's invariants 9 and 13 for trains, and issue 8's properties of the planner, over
 * generated trains planned with the default policy and no version control (merge conflicts through
 * a real repository are tested in release-git).
 */
class TrainInvariantsPropertyTest {
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  private static final TrainPlanner PLANNER = TrainPlanner.create(POLICY, Optional.empty());
  private static final int EXAMPLES = 120;

  /** The value of {@code key}, which the test knows is there. */
  private static <K, V> V at(Map<K, V> map, K key) {
    return Objects.requireNonNull(map.get(key), () -> "no entry for " + key);
  }

  private static TrainPlan plan(TrainScenario scenario) {
    return PLANNER.plan(scenario.spec(), scenario.candidates(), scenario.context());
  }

  private static Map<ChangeRef, Integer> groups(TrainPlan plan) {
    Map<ChangeRef, Integer> groupOf = new HashMap<>();
    List<MergeGroup> groups = plan.train().groups();
    for (int g = 0; g < groups.size(); g++) {
      for (Car car : groups.get(g).cars()) {
        groupOf.put(car.change(), g);
      }
    }
    return groupOf;
  }

  private static Map<ChangeRef, ChangeRequest> byRef(TrainScenario scenario) {
    Map<ChangeRef, ChangeRequest> byRef = new HashMap<>();
    scenario.candidates().forEach(c -> byRef.put(c.ref(), c));
    return byRef;
  }

  /** Whether two changes touch an overlapping path, compared the slow way. */
  private static boolean overlap(ChangeRequest a, ChangeRequest b) {
    if (!a.repository().equals(b.repository())) {
      return false;
    }
    for (String p : paths(a)) {
      for (String q : paths(b)) {
        if (p.equals(q) || p.startsWith(q + "/") || q.startsWith(p + "/")) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> paths(ChangeRequest change) {
    List<String> paths = new ArrayList<>();
    for (FileChange file : change.changes().files()) {
      paths.add(file.path().value());
      file.oldPath().ifPresent(old -> paths.add(old.value()));
    }
    return paths;
  }

  @Test
  void nothingIsLostAndEveryCarryoverExplainsItself() {
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(
            scenario -> {
              TrainPlan plan = plan(scenario);
              Set<ChangeRef> seen = new HashSet<>();
              plan.train().cars().forEach(car -> assertThat(seen.add(car.change())).isTrue());
              for (Carryover carryover : plan.train().carriedOver()) {
                assertThat(seen.add(carryover.change())).isTrue();
                assertThat(carryover.reasons()).isNotEmpty();
              }
              assertThat(seen)
                  .containsExactlyInAnyOrderElementsOf(
                      scenario.candidates().stream().map(ChangeRequest::ref).toList());
            });
  }

  @Test
  void onlyWhatThePolicyShipsBoards() {
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(
            scenario -> {
              TrainPlan plan = plan(scenario);
              for (Car car : plan.train().cars()) {
                assertThat(at(plan.decisions(), car.change()).ships()).isTrue();
              }
            });
  }

  @Test
  void everyDependencyLandsFirst() {
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(
            scenario -> {
              TrainPlan plan = plan(scenario);
              Map<ChangeRef, Integer> groupOf = groups(plan);
              Map<ChangeRef, ChangeRequest> byRef = byRef(scenario);
              for (Car car : plan.train().cars()) {
                for (ChangeRef dependency : at(byRef, car.change()).dependsOn()) {
                  boolean shipped = scenario.context().satisfied().contains(dependency);
                  Integer group = groupOf.get(dependency);
                  assertThat(shipped || (group != null && group < at(groupOf, car.change())))
                      .as("%s depends on %s", car.change(), dependency)
                      .isTrue();
                }
              }
            });
  }

  @Test
  void noTwoCarsOfAGroupTouchAnOverlappingPath() {
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(
            scenario -> {
              TrainPlan plan = plan(scenario);
              Map<ChangeRef, ChangeRequest> byRef = byRef(scenario);
              for (MergeGroup group : plan.train().groups()) {
                List<Car> cars = group.cars();
                for (int i = 0; i < cars.size(); i++) {
                  for (int j = i + 1; j < cars.size(); j++) {
                    assertThat(
                            overlap(
                                at(byRef, cars.get(i).change()), at(byRef, cars.get(j).change())))
                        .as("%s and %s", cars.get(i).change(), cars.get(j).change())
                        .isFalse();
                  }
                }
              }
            });
  }

  @Test
  void noCarHasAGroupOfItsOwnWithoutCause() {
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(scenario -> noCarHasAGroupOfItsOwnWithoutCause(scenario, plan(scenario)));
  }

  /** Each car after the first group overlaps or depends on a car of the group just before it. */
  private static void noCarHasAGroupOfItsOwnWithoutCause(TrainScenario scenario, TrainPlan plan) {
    Map<ChangeRef, ChangeRequest> byRef = byRef(scenario);
    List<MergeGroup> groups = plan.train().groups();
    for (int g = 1; g < groups.size(); g++) {
      for (Car car : groups.get(g).cars()) {
        ChangeRequest change = at(byRef, car.change());
        boolean caused =
            groups.get(g - 1).cars().stream()
                .map(before -> at(byRef, before.change()))
                .anyMatch(
                    before -> overlap(before, change) || change.dependsOn().contains(before.ref()));
        assertThat(caused)
            .as("%s is in group %s with nothing in group %s before it", car.change(), g, g - 1)
            .isTrue();
      }
    }
  }

  @Test
  void aShipTogetherWaveIsNeverSplit() {
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(
            scenario -> {
              TrainPlan plan = plan(scenario);
              Set<ChangeRef> boarded = groups(plan).keySet();
              for (Wave wave : scenario.spec().waves()) {
                if (wave.shipTogether()) {
                  long on = wave.changes().stream().filter(boarded::contains).count();
                  assertThat(on).as("wave %s", wave.id()).isIn(0L, (long) wave.changes().size());
                }
              }
            });
  }

  @Test
  void capsHold() {
    Set<SensitiveKind> irreversible = POLICY.definition().rollback().irreversible();
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(
            scenario -> {
              TrainPlan plan = plan(scenario);
              Caps caps = scenario.spec().caps();
              Map<ChangeRef, ChangeRequest> byRef = byRef(scenario);
              List<ChangeRequest> cars =
                  plan.train().cars().stream().map(car -> at(byRef, car.change())).toList();
              assertThat(cars.size()).isLessThanOrEqualTo(caps.maxChanges());
              double risk =
                  cars.stream()
                      .mapToDouble(c -> c.risk().map(r -> r.probability()).orElse(0.0))
                      .sum();
              assertThat(risk).isLessThanOrEqualTo(caps.maxAcceptedRisk() + 1e-9);
              cars.forEach(
                  c ->
                      assertThat(c.blastRadius().level())
                          .isLessThanOrEqualTo(caps.maxBlastRadius()));
              long irreversibleCars =
                  cars.stream()
                      .filter(
                          c ->
                              c.blastRadius().sensitiveKinds().stream()
                                  .anyMatch(irreversible::contains))
                      .count();
              assertThat(irreversibleCars).isLessThanOrEqualTo(caps.maxIrreversible());
            });
  }

  @Test
  void theSameCandidatesInAnyOrderGiveTheSamePlan() {
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(
            scenario -> {
              TrainPlan plan = plan(scenario);
              List<ChangeRequest> reversed = new ArrayList<>(scenario.candidates());
              Collections.reverse(reversed);
              assertThat(PLANNER.plan(scenario.spec(), reversed, scenario.context()))
                  .isEqualTo(plan);
              List<ChangeRequest> rotated = new ArrayList<>(scenario.candidates());
              Collections.rotate(rotated, rotated.size() / 2 + 1);
              assertThat(PLANNER.plan(scenario.spec(), rotated, scenario.context()))
                  .isEqualTo(plan);
            });
  }

  /**
   * Invariant 13 for trains: a change the policy ships is carried over only for a cause that the
   * plan shows — a dependency that did not land first, a wave member that did not board, a cap the
   * train reached, the train's scope.
   */
  @Test
  void everyChangeThePolicyShipsBoardsUnlessTheTrainHoldsSomethingAgainstIt() {
    Set<SensitiveKind> irreversible = POLICY.definition().rollback().irreversible();
    AtomicInteger candidates = new AtomicInteger();
    AtomicInteger boarded = new AtomicInteger();
    AtomicInteger grouped = new AtomicInteger();
    Examples.per(EXAMPLES)
        .forAll(TrainScenarios.trains(POLICY))
        .checkAssert(
            scenario -> {
              TrainPlan plan = plan(scenario);
              candidates.addAndGet(scenario.candidates().size());
              boarded.addAndGet(plan.train().cars().size());
              grouped.addAndGet(plan.train().groups().size());
              everyChangeThePolicyShipsBoardsUnlessHeld(scenario, plan, irreversible);
            });
    // the generators board a good share, in fewer groups than cars: a planner that carries
    // everything over, or gives every car its own group, fails here
    assertThat(boarded.get()).isGreaterThan(candidates.get() / 5);
    assertThat(grouped.get()).isLessThan(boarded.get());
  }

  /**
   * A change the policy ships is carried over only for a cause that {@code plan} shows; the policy
   * decided on every candidate but those the train left out unasked (on a train ahead, or outside
   * its scope), so that a decision lost does not pass for one that did not ship.
   */
  private static void everyChangeThePolicyShipsBoardsUnlessHeld(
      TrainScenario scenario, TrainPlan plan, Set<SensitiveKind> irreversible) {
    Set<ChangeRef> unasked = new HashSet<>();
    for (Carryover carryover : plan.train().carriedOver()) {
      if (carryover.reasons().stream()
          .allMatch(r -> r.rule().equals("train-ahead") || r.rule().equals("train-scope"))) {
        unasked.add(carryover.change());
      }
    }
    for (ChangeRequest candidate : scenario.candidates()) {
      if (!unasked.contains(candidate.ref())) {
        assertThat(plan.decisions())
            .as("the policy's decision on %s", candidate.ref())
            .containsKey(candidate.ref());
      }
    }
    Map<ChangeRef, ChangeRequest> byRef = byRef(scenario);
    Map<ChangeRef, Integer> groupOf = groups(plan);
    Caps caps = scenario.spec().caps();
    List<ChangeRequest> cars =
        plan.train().cars().stream().map(car -> at(byRef, car.change())).toList();
    for (Carryover carryover : plan.train().carriedOver()) {
      Decision decision = plan.decisions().get(carryover.change());
      if (decision == null || !decision.ships()) {
        continue;
      }
      ChangeRequest change = at(byRef, carryover.change());
      boolean justified = false;
      for (Reason reason : carryover.reasons()) {
        switch (reason.rule()) {
          case "dependencies" -> {
            ChangeRef dependency = dependency(change, reason);
            justified |=
                !groupOf.containsKey(dependency)
                    && !scenario.context().satisfied().contains(dependency);
          }
          case "wave" -> justified |= !groupOf.containsKey(waveMember(reason));
          case "train-cap" -> justified |= capReached(reason, change, cars, caps, irreversible);
          case "train-scope" -> justified |= !scenario.spec().scope().appliesTo(change.target());
          default -> {}
        }
      }
      assertThat(justified)
          .as("%s ships but was carried over with %s", change.ref(), carryover.reasons())
          .isTrue();
    }
  }

  /**
   * The liveness properties are not vacuous: a planner that carries every candidate over (with a
   * reason of its own) fails the property that every change the policy ships boards.
   */
  @Test
  void aPlannerThatCarriesEverythingOverFailsTheLivenessProperty() {
    Set<SensitiveKind> irreversible = POLICY.definition().rollback().irreversible();
    assertThatThrownBy(
            () ->
                Examples.per(EXAMPLES)
                    .forAll(TrainScenarios.trains(POLICY))
                    .checkAssert(
                        scenario ->
                            everyChangeThePolicyShipsBoardsUnlessHeld(
                                scenario, carryingEverythingOver(plan(scenario)), irreversible)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ships but was carried over");
  }

  /**
   * The liveness properties are not vacuous: a planner that gives every car a merge group of its
   * own, in landing order (which keeps every safety property), fails the property that no car has a
   * group of its own without cause.
   */
  @Test
  void aPlannerThatGivesEveryCarItsOwnGroupFailsTheLivenessProperty() {
    assertThatThrownBy(
            () ->
                Examples.per(EXAMPLES)
                    .forAll(TrainScenarios.trains(POLICY))
                    .checkAssert(
                        scenario ->
                            noCarHasAGroupOfItsOwnWithoutCause(
                                scenario, oneGroupPerCar(plan(scenario)))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("with nothing in group");
  }

  /**
   * The property is not vacuous about decisions: a planner that loses the policy's decision on the
   * changes it carries over (which then pass for changes that did not ship) fails it.
   */
  @Test
  void aPlannerThatLosesTheDecisionsOnWhatItCarriesOverFailsTheLivenessProperty() {
    Set<SensitiveKind> irreversible = POLICY.definition().rollback().irreversible();
    assertThatThrownBy(
            () ->
                Examples.per(EXAMPLES)
                    .forAll(TrainScenarios.trains(POLICY))
                    .checkAssert(
                        scenario ->
                            everyChangeThePolicyShipsBoardsUnlessHeld(
                                scenario, losingCarryoverDecisions(plan(scenario)), irreversible)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the policy's decision on");
  }

  /** {@code plan} without the decisions on the changes it carries over. */
  private static TrainPlan losingCarryoverDecisions(TrainPlan plan) {
    Map<ChangeRef, Decision> decisions = new HashMap<>(plan.decisions());
    plan.train().carriedOver().forEach(carryover -> decisions.remove(carryover.change()));
    return new TrainPlan(plan.spec(), plan.train(), decisions, plan.targets(), plan.waived());
  }

  /** What a planner that carries every candidate over would plan instead of {@code plan}. */
  private static TrainPlan carryingEverythingOver(TrainPlan plan) {
    Train train = plan.train();
    List<Carryover> carried = new ArrayList<>(train.carriedOver());
    for (Car car : train.cars()) {
      carried.add(
          new Carryover(
              car.change(),
              List.of(new Reason("next-train", "waits for the next train", Map.of()))));
    }
    return new TrainPlan(
        plan.spec(),
        new Train(train.id(), train.scope(), train.departure(), train.state(), List.of(), carried),
        plan.decisions(),
        Map.of(),
        Map.of());
  }

  /** {@code plan} with each car in a merge group of its own, in the same order. */
  private static TrainPlan oneGroupPerCar(TrainPlan plan) {
    Train train = plan.train();
    List<MergeGroup> groups =
        train.cars().stream().map(car -> new MergeGroup(List.of(car))).toList();
    return new TrainPlan(
        plan.spec(),
        new Train(
            train.id(),
            train.scope(),
            train.departure(),
            train.state(),
            groups,
            train.carriedOver()),
        plan.decisions(),
        plan.targets(),
        plan.waived());
  }

  private static ChangeRef dependency(ChangeRequest change, Reason reason) {
    String named = at(reason.evidence(), "dependency");
    return change.dependsOn().stream()
        .filter(d -> d.toString().equals(named))
        .findFirst()
        .orElseThrow(() -> new AssertionError("reason names no dependency: " + reason));
  }

  private static ChangeRef waveMember(Reason reason) {
    String named = at(reason.evidence(), "waiting-for");
    int hash = named.indexOf('#');
    return ChangeRef.of(named.substring(0, hash), named.substring(hash + 1));
  }

  private static boolean capReached(
      Reason reason,
      ChangeRequest change,
      List<ChangeRequest> cars,
      Caps caps,
      Set<SensitiveKind> irreversible) {
    return switch (at(reason.evidence(), "cap")) {
      case "max-blast-radius" -> change.blastRadius().level().compareTo(caps.maxBlastRadius()) > 0;
      case "max-changes" -> cars.size() == caps.maxChanges();
      case "max-accepted-risk" -> {
        double risk =
            cars.stream().mapToDouble(c -> c.risk().map(r -> r.probability()).orElse(0.0)).sum();
        // the planner refuses only a sum over the cap by more than rounding, so this sum (in
        // another order) is over the cap itself
        yield risk + change.risk().map(r -> r.probability()).orElse(0.0) > caps.maxAcceptedRisk();
      }
      case "max-irreversible" ->
          change.blastRadius().sensitiveKinds().stream().anyMatch(irreversible::contains)
              && cars.stream()
                      .filter(
                          c ->
                              c.blastRadius().sensitiveKinds().stream()
                                  .anyMatch(irreversible::contains))
                      .count()
                  == caps.maxIrreversible();
      default -> false;
    };
  }
}
