package dev.signalbox.testkit.generators;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
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
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.Wave;
import dev.signalbox.core.model.WaveId;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.train.Caps;
import dev.signalbox.core.train.TrainSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of whole train-planning scenarios — a train's spec, its candidates and the context
 * they are decided in — for property tests of a planner and of policies driving one.
 *
 * <p>The candidates share a small pool of paths (so merge groups and path overlaps are common, in
 * two repositories; now and then a file of the pool is renamed), depend on earlier candidates or on
 * changes elsewhere that may have shipped, come in waves that sometimes ship together, and carry
 * evidence that is usually complete for the {@linkplain ReleasePolicy#defaults() default policy},
 * so that many board and many do not. Caps and a freeze appear now and then. Dependencies never
 * form a cycle.
 */
public final class TrainScenarios {
  private static final List<String> COMPONENTS = List.of("auth", "billing", "web", "search");
  private static final List<String> REPOSITORIES = List.of("acme/shop", "acme/platform");
  private static final Human OWNER = Human.of("alice", "Alice", "engineer");

  private TrainScenarios() {}

  /**
   * A train to plan.
   *
   * @param spec the train's spec
   * @param candidates the candidates, in the order generated
   * @param context the context they are decided in, with every candidate's evidence
   */
  public record TrainScenario(
      TrainSpec spec, List<ChangeRequest> candidates, ReleaseContext context) {}

  /** Train scenarios for {@code policy}, whose required surfaces shape the evidence generated. */
  public static Gen<TrainScenario> trains(ReleasePolicy policy) {
    return in -> scenario(policy, in);
  }

  private static boolean chance(RandomnessSource in, int percent) {
    return Generate.range(1, 100).generate(in) <= percent;
  }

  private static <T> T pick(RandomnessSource in, List<T> values) {
    return values.get(Generate.range(0, values.size() - 1).generate(in));
  }

  private static TrainScenario scenario(ReleasePolicy policy, RandomnessSource in) {
    int count = Generate.range(0, 14).generate(in);
    List<ChangeRequest> changes = new ArrayList<>();
    Evidence evidence = Evidence.none();
    ChangeRef external = ChangeRef.of("acme/platform", "ext-1");
    List<ChangeRef> waveA = new ArrayList<>();
    List<ChangeRef> waveB = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ChangeRequest change = change(in, i, changes, external);
      changes.add(change);
      evidence = evidence.and(PolicyScenarios.approvals(policy, change, in, chance(in, 85)));
      if (change.changeClass() == ChangeClass.EMERGENCY && chance(in, 80)) {
        evidence = evidence.and(PolicyScenarios.acceptance(policy, change, 0.05));
      }
      int wave = Generate.range(0, 9).generate(in);
      if (wave == 0) {
        waveA.add(change.ref());
      } else if (wave == 1) {
        waveB.add(change.ref());
      }
    }
    List<Wave> waves = new ArrayList<>();
    if (!waveA.isEmpty()) {
      waves.add(wave("wave-a", waveA, chance(in, 70)));
    }
    if (!waveB.isEmpty()) {
      if (chance(in, 20)) {
        waveB.add(ChangeRef.of("acme/shop", "elsewhere-1")); // a member that is no candidate
      }
      waves.add(wave("wave-b", waveB, chance(in, 70)));
    }
    Caps caps = Caps.none();
    if (chance(in, 30)) {
      caps = caps.withMaxChanges(Generate.range(0, Math.max(0, count)).generate(in));
    }
    if (chance(in, 20)) {
      caps = caps.withMaxAcceptedRisk(Generate.range(0, 10).generate(in) / 10.0);
    }
    if (chance(in, 20)) {
      caps = caps.withMaxBlastRadius(pick(in, List.of(BlastLevel.values())));
    }
    if (chance(in, 20)) {
      caps = caps.withMaxIrreversible(Generate.range(0, 2).generate(in));
    }
    ReleaseCalendar calendar = ReleaseCalendar.empty();
    if (chance(in, 10)) {
      calendar =
          ReleaseCalendar.builder()
              .freeze(
                  new FreezeWindow(
                      "incident-7",
                      Scope.everything(),
                      new Schedule.UntilLifted(
                          PolicyScenarios.NOW.minus(Duration.ofHours(1)), ZoneId.of("UTC")),
                      FreezeLevel.NON_CRITICAL,
                      "rita",
                      "incident in progress",
                      Optional.of("INC-7")))
              .build();
    }
    Set<ChangeRef> shipped = chance(in, 50) ? Set.of(external) : Set.of();
    ReleaseContext context =
        new ReleaseContext(PolicyScenarios.NOW, calendar, evidence, List.of(), shipped);
    TrainSpec spec =
        TrainSpec.of(
                TrainId.of("train-1"),
                chance(in, 85) ? Scope.everything() : Scope.ofComponents("auth", "billing", "web"),
                PolicyScenarios.NOW.plus(Duration.ofMinutes(30)),
                "refs/heads/main",
                Revision.of("a".repeat(40)))
            .withCaps(caps)
            .withWaves(waves);
    return new TrainScenario(spec, List.copyOf(changes), context);
  }

  private static Wave wave(String id, List<ChangeRef> members, boolean shipTogether) {
    return new Wave(
        WaveId.of(id),
        "alice",
        PolicyScenarios.NOW.minus(Duration.ofHours(3)),
        new LinkedHashSet<>(members),
        shipTogether);
  }

  private static ChangeRequest change(
      RandomnessSource in, int index, List<ChangeRequest> earlier, ChangeRef external) {
    String component = pick(in, COMPONENTS);
    Set<String> paths = new LinkedHashSet<>();
    int files = Generate.range(1, 3).generate(in);
    for (int i = 0; i < files; i++) {
      paths.add("src/" + component + "/File" + Generate.range(0, 4).generate(in) + ".java");
    }
    if (chance(in, 5)) {
      paths.add("src/" + component); // a file where others have a directory: paths overlap
    }
    List<FileChange> fileChanges = new ArrayList<>();
    for (String path : paths) {
      fileChanges.add(FileChange.modified(path, 3, 1));
    }
    if (chance(in, 12)) {
      // a file of the pool moved, maybe to another component: the old path overlaps the files
      // others modify there, and the new one the files others move there
      String from = "src/" + component + "/File" + Generate.range(0, 4).generate(in) + ".java";
      String to = "src/" + pick(in, COMPONENTS) + "/Moved" + Generate.range(0, 1).generate(in);
      if (!paths.contains(from)) {
        fileChanges.add(FileChange.renamed(from, to + ".java", 2, 2));
      }
    }
    Set<SensitiveKind> kinds = EnumSet.noneOf(SensitiveKind.class);
    boolean migration = chance(in, 12);
    if (migration) {
      kinds.add(SensitiveKind.SCHEMA_MIGRATION);
      fileChanges.add(FileChange.added("src/" + component + "/db/V" + index + "__change.sql", 4));
    }
    ChangeClass changeClass =
        pick(
            in,
            List.of(
                ChangeClass.NORMAL,
                ChangeClass.NORMAL,
                ChangeClass.NORMAL,
                ChangeClass.STANDARD,
                ChangeClass.EMERGENCY));
    BlastLevel level =
        changeClass == ChangeClass.STANDARD
            ? BlastLevel.LOW
            : pick(
                in, List.of(BlastLevel.LOW, BlastLevel.MEDIUM, BlastLevel.MEDIUM, BlastLevel.HIGH));
    ChangeRequest.Builder builder =
        ChangeRequest.builder(ChangeId.of("c" + index))
            .repository(chance(in, 80) ? REPOSITORIES.get(0) : REPOSITORIES.get(1))
            .title("Change " + index + " to " + component)
            .producer(PolicyScenarios.producer())
            .owner(OWNER)
            .revisions(Revision.of("a".repeat(40)), Revision.of(String.format("%040x", index + 1)))
            .contentDigest(ContentDigest.of(String.format("%064x", index + 1)))
            .changes(new ChangeSet(fileChanges))
            .blastRadius(
                new BlastRadius(level, Set.of(component), Set.of("@acme/" + component), kinds))
            .declaredScope(Scope.ofPaths("src/**"))
            .changeClass(changeClass)
            .criticality(
                pick(
                    in,
                    List.of(
                        Criticality.ROUTINE,
                        Criticality.ROUTINE,
                        Criticality.HIGH,
                        Criticality.P0)))
            .securityFix(chance(in, 10))
            .proposedAt(
                PolicyScenarios.NOW.minus(Duration.ofMinutes(Generate.range(30, 600).generate(in))))
            .rollback(
                migration
                    ? RollbackPlan.of(RollbackKind.MIGRATION_DOWN, "run the down migration")
                    : RollbackPlan.revert());
    if (chance(in, 40)) {
      builder.risk(
          new ChangeRisk(
              Generate.range(0, 30).generate(in) / 100.0,
              50,
              -2,
              -2,
              List.of(),
              "risk-model",
              "1"));
    }
    List<ChangeRef> dependencies = new ArrayList<>();
    if (!earlier.isEmpty() && chance(in, 25)) {
      dependencies.add(pick(in, earlier).ref());
    }
    if (chance(in, 8)) {
      dependencies.add(external);
    }
    if (!dependencies.isEmpty()) {
      builder.dependsOn(dependencies);
    }
    return builder.build();
  }

  /** The agent that produced every generated change. */
  public static Agent producer() {
    return PolicyScenarios.producer();
  }
}
