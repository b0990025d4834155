package dev.signalbox.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.Wave;
import dev.signalbox.core.model.WaveId;
import dev.signalbox.core.policy.PolicyDefinition;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scenarios of planning one train, with a policy that needs no review evidence. */
class TrainPlannerTest {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  static final Revision BASE = Revision.of("a".repeat(40));
  private static final AtomicInteger HEADS = new AtomicInteger();

  /** The default policy without the rules that need review evidence or acceptances. */
  static ReleasePolicy lenientPolicy() {
    PolicyDefinition d = ReleasePolicy.defaults().definition();
    return ReleasePolicy.loader()
        .load(
            new PolicyDefinition(
                "lenient",
                Set.of(
                    "review-quorum",
                    "fix-now",
                    "emergency",
                    "error-budget",
                    "acceptance-limits",
                    "evidence-freshness",
                    "separation-of-duties",
                    "approval-age"),
                d.rollback(),
                d.review(),
                d.emergency(),
                d.blastRadiusCaps(),
                d.roles(),
                d.custom()));
  }

  private final TrainPlanner planner = TrainPlanner.create(lenientPolicy(), Optional.empty());

  static ChangeRequest.Builder change(String repository, String id, String... paths) {
    List<FileChange> files = new ArrayList<>();
    for (String path : paths) {
      files.add(FileChange.modified(path, 2, 1));
    }
    int head = HEADS.incrementAndGet();
    return ChangeRequest.builder(ChangeId.of(id))
        .repository(repository)
        .title("Change " + id)
        .producer(new Agent("builder-1", "claude-sonnet", "claude", "op-alice"))
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(BASE, Revision.of(String.format("%040x", head)))
        .contentDigest(ContentDigest.of(String.format("%064x", head)))
        .changes(new ChangeSet(files))
        .blastRadius(BlastRadius.of(BlastLevel.LOW, "web"))
        .declaredScope(Scope.everything())
        .rollback(RollbackPlan.revert())
        .proposedAt(NOW.minus(Duration.ofHours(2)))
        .build()
        .toBuilder(); // each field may be set once more
  }

  static TrainSpec spec() {
    return TrainSpec.of(TrainId.of("t1"), Scope.everything(), NOW, "refs/heads/main", BASE);
  }

  private static ReleaseContext context() {
    return ReleaseContext.at(NOW);
  }

  @Test
  void dependenciesLandFirstWithinAndAcrossRepositories() {
    ChangeRequest platform = change("acme/platform", "1", "lib/Api.java").build();
    ChangeRequest shop =
        change("acme/shop", "2", "src/Cart.java").dependsOn(List.of(platform.ref())).build();
    ChangeRequest unrelated = change("acme/shop", "3", "src/Other.java").build();
    TrainPlan plan = planner.plan(spec(), List.of(shop, unrelated, platform), context());
    assertThat(plan.train().groups()).hasSize(2);
    assertThat(plan.train().groups().get(0).cars())
        .extracting(Car::change)
        .containsExactlyInAnyOrder(platform.ref(), unrelated.ref());
    assertThat(plan.train().groups().get(1).cars())
        .extracting(Car::change)
        .containsExactly(shop.ref());
    assertThat(plan.train().cars())
        .extracting(car -> car.revertCheck().status())
        .containsOnly(RevertStatus.NOT_CHECKED);
  }

  @Test
  void aDependencyThatDoesNotBoardCarriesItsDependentsOver() {
    ChangeRequest unsafe =
        change("acme/shop", "1", "src/A.java").declaredScope(Scope.ofPaths("docs/**")).build();
    ChangeRequest dependent =
        change("acme/shop", "2", "src/B.java").dependsOn(List.of(unsafe.ref())).build();
    TrainPlan plan = planner.plan(spec(), List.of(dependent, unsafe), context());
    assertThat(plan.train().cars()).isEmpty();
    assertThat(plan.carryover(unsafe.ref()).orElseThrow().reasons())
        .extracting(Reason::rule)
        .contains("scope-drift");
    assertThat(plan.carryover(dependent.ref()).orElseThrow().reasons())
        .extracting(Reason::message)
        .contains("depends on acme/shop#1, which does not board this train");
  }

  @Test
  void aCycleIsAnErrorNamingIt() {
    ChangeRef a = ChangeRef.of("acme/shop", "a");
    ChangeRef b = ChangeRef.of("acme/shop", "b");
    ChangeRef c = ChangeRef.of("acme/platform", "c");
    List<ChangeRequest> candidates =
        List.of(
            change("acme/shop", "a", "x").dependsOn(List.of(b)).build(),
            change("acme/shop", "b", "y").dependsOn(List.of(c)).build(),
            change("acme/platform", "c", "z").dependsOn(List.of(a)).build(),
            change("acme/shop", "d", "w").build());
    assertThatThrownBy(() -> planner.plan(spec(), candidates, context()))
        .isInstanceOf(DependencyCycleException.class)
        .hasMessage(
            "changes depend on each other in a cycle: acme/platform#c -> acme/shop#a ->"
                + " acme/shop#b -> acme/platform#c");
  }

  @Test
  void aRepeatedCandidateIsRefusedByName() {
    ChangeRequest one = change("acme/shop", "1", "a").build();
    assertThatThrownBy(() -> planner.plan(spec(), List.of(one, one), context()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("candidates[1]")
        .hasMessageContaining("acme/shop#1");
  }

  @Test
  void theEmergencyLaneBoardsFirstWhenTheTrainIsFull() {
    ChangeRequest old =
        change("acme/shop", "1", "a").proposedAt(NOW.minus(Duration.ofDays(3))).build();
    ChangeRequest p0 = change("acme/shop", "2", "b").criticality(Criticality.P0).build();
    ChangeRequest emergency =
        change("acme/shop", "3", "c").changeClass(ChangeClass.EMERGENCY).build();
    TrainPlan plan =
        planner.plan(
            spec().withCaps(Caps.none().withMaxChanges(2)), List.of(old, p0, emergency), context());
    assertThat(plan.train().cars())
        .extracting(Car::change)
        .containsExactlyInAnyOrder(emergency.ref(), p0.ref());
    assertThat(plan.carryover(old.ref()).orElseThrow().reasons())
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.rule()).isEqualTo("train-cap");
              assertThat(reason.evidence()).containsEntry("cap", "max-changes");
            });
  }

  @Test
  void aChangeThatBringsTheAcceptedRiskExactlyToTheCapBoards() {
    // 0.1 + 0.2 is 0.30000000000000004 in doubles: the cap must not refuse what is exactly on it
    ChangeRequest first =
        change("acme/shop", "1", "a")
            .proposedAt(NOW.minus(Duration.ofDays(2)))
            .risk(new ChangeRisk(0.1, 50, -2.2, -2.2, List.of(), "model", "1"))
            .build();
    ChangeRequest second =
        change("acme/shop", "2", "b")
            .proposedAt(NOW.minus(Duration.ofDays(1)))
            .risk(new ChangeRisk(0.2, 50, -1.4, -1.4, List.of(), "model", "1"))
            .build();
    ChangeRequest over =
        change("acme/shop", "3", "c")
            .risk(new ChangeRisk(0.01, 50, -4.6, -4.6, List.of(), "model", "1"))
            .build();
    TrainPlan plan =
        planner.plan(
            spec().withCaps(Caps.none().withMaxAcceptedRisk(0.3)),
            List.of(first, second, over),
            context());
    assertThat(plan.train().cars())
        .extracting(Car::change)
        .containsExactlyInAnyOrder(first.ref(), second.ref());
    assertThat(plan.carryover(over.ref()).orElseThrow().reasons())
        .singleElement()
        .satisfies(
            reason -> assertThat(reason.evidence()).containsEntry("cap", "max-accepted-risk"));
  }

  @Test
  void overlappingPathsGoToLaterGroupsAndDirectoriesOverlapTheirFiles() {
    ChangeRequest first = change("acme/shop", "1", "src/web/App.java").build();
    ChangeRequest second =
        change("acme/shop", "2", "src/web/App.java", "README.md")
            .proposedAt(NOW.minus(Duration.ofHours(1)))
            .build();
    ChangeRequest directory =
        change("acme/shop", "3", "src/web").proposedAt(NOW.minus(Duration.ofMinutes(30))).build();
    ChangeRequest elsewhere = change("acme/platform", "4", "src/web/App.java").build();
    TrainPlan plan = planner.plan(spec(), List.of(directory, second, first, elsewhere), context());
    assertThat(plan.train().groups()).hasSize(3);
    assertThat(plan.train().groups().get(0).cars())
        .extracting(Car::change)
        .containsExactlyInAnyOrder(first.ref(), elsewhere.ref());
    assertThat(plan.train().groups().get(1).cars())
        .extracting(Car::change)
        .containsExactly(second.ref());
    assertThat(plan.train().groups().get(2).cars())
        .extracting(Car::change)
        .containsExactly(directory.ref());
  }

  @Test
  void aShipTogetherWaveBoardsWholeOrNotAtAll() {
    ChangeRequest ready = change("acme/shop", "1", "a").wave(WaveId.of("w")).build();
    ChangeRequest drifting =
        change("acme/shop", "2", "b")
            .wave(WaveId.of("w"))
            .declaredScope(Scope.ofPaths("docs/**"))
            .build();
    Wave wave = new Wave(WaveId.of("w"), "alice", NOW, Set.of(ready.ref(), drifting.ref()), true);
    TrainPlan together =
        planner.plan(spec().withWaves(List.of(wave)), List.of(ready, drifting), context());
    assertThat(together.train().cars()).isEmpty();
    assertThat(together.carryover(ready.ref()).orElseThrow().reasons())
        .extracting(Reason::rule)
        .containsExactly("wave");
    Wave carByCar =
        new Wave(WaveId.of("w"), "alice", NOW, Set.of(ready.ref(), drifting.ref()), false);
    TrainPlan separately =
        planner.plan(spec().withWaves(List.of(carByCar)), List.of(ready, drifting), context());
    assertThat(separately.train().cars()).extracting(Car::change).containsExactly(ready.ref());
  }

  @Test
  void aFreezeHoldsRoutineChangesAndLetsP0Through() {
    ReleaseCalendar frozen =
        ReleaseCalendar.builder()
            .freeze(
                new FreezeWindow(
                    "incident-1",
                    Scope.everything(),
                    new Schedule.UntilLifted(NOW.minus(Duration.ofHours(1)), ZoneId.of("UTC")),
                    FreezeLevel.NON_CRITICAL,
                    "rita",
                    "incident in progress",
                    Optional.of("INC-1")))
            .build();
    ChangeRequest routine = change("acme/shop", "1", "a").build();
    ChangeRequest p0 = change("acme/shop", "2", "b").criticality(Criticality.P0).build();
    TrainPlan plan = planner.plan(spec(), List.of(routine, p0), context().withCalendar(frozen));
    assertThat(plan.train().cars()).extracting(Car::change).containsExactly(p0.ref());
    assertThat(plan.carryover(routine.ref()).orElseThrow().reasons())
        .extracting(Reason::rule)
        .contains("freeze");
  }

  @Test
  void aTrainAheadOnTheSameBranchKeepsItsCarsAndLandsItsDependencies() {
    ChangeRequest first = change("acme/shop", "1", "a").build();
    TrainPlan ahead =
        planner.plan(
            TrainSpec.of(TrainId.of("team-a"), Scope.everything(), NOW, "refs/heads/main", BASE),
            List.of(first),
            context());
    ChangeRequest second = change("acme/shop", "2", "a").dependsOn(List.of(first.ref())).build();
    TrainPlan plan =
        planner.plan(spec().withAhead(List.of(ahead.train())), List.of(first, second), context());
    assertThat(plan.train().cars()).extracting(Car::change).containsExactly(second.ref());
    assertThat(plan.carryover(first.ref()).orElseThrow().reasons())
        .extracting(Reason::rule)
        .containsExactly("train-ahead");
  }

  @Test
  void aChangeOutsideTheTrainsScopeWaits() {
    ChangeRequest billing =
        change("acme/shop", "1", "src/billing/Invoice.java")
            .blastRadius(BlastRadius.of(BlastLevel.LOW, "billing"))
            .build();
    TrainPlan plan =
        planner.plan(
            TrainSpec.of(
                TrainId.of("web"), Scope.ofComponents("web"), NOW, "refs/heads/main", BASE),
            List.of(billing),
            context());
    assertThat(plan.carryover(billing.ref()).orElseThrow().reasons())
        .extracting(Reason::rule)
        .containsExactly("train-scope");
  }
}
