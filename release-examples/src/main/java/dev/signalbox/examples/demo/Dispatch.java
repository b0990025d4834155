package dev.signalbox.examples.demo;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.WaveId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One change as an engineer dispatched it to an agent, and what the agent did and says it did: its
 * edits, the files and tests it claims, and the tests CI ran.
 *
 * @param id the change's number in the repository
 * @param title a one-line title
 * @param producer the agent that writes it
 * @param owner the engineer accountable for it
 * @param wave the wave it was dispatched in, if any
 * @param edits the agent's edits, by path
 * @param claimedFiles the files the agent says it wrote
 * @param tests the tests the agent says it added and ran (CI reports running them)
 * @param scope where the change was declared to work
 * @param changeClass how it is approved
 * @param criticality how urgent it is
 * @param rollback how to undo it
 * @param dependsOn changes that must land first
 */
record Dispatch(
    String id,
    String title,
    Agent producer,
    Human owner,
    Optional<WaveId> wave,
    Map<String, String> edits,
    Set<String> claimedFiles,
    Set<String> tests,
    Scope scope,
    ChangeClass changeClass,
    Criticality criticality,
    RollbackPlan rollback,
    Set<ChangeRef> dependsOn) {

  /** Copies the collections. */
  Dispatch {
    edits = Map.copyOf(edits);
    claimedFiles = Set.copyOf(claimedFiles);
    tests = Set.copyOf(tests);
    dependsOn = Set.copyOf(dependsOn);
  }

  /** A routine change in {@code wave}, claiming every file it edits, reverted by a revert. */
  static Dispatch routine(
      String id,
      String title,
      Agent producer,
      Human owner,
      String wave,
      Map<String, String> edits,
      Set<String> tests,
      String... scope) {
    return new Dispatch(
        id,
        title,
        producer,
        owner,
        Optional.of(WaveId.of(wave)),
        edits,
        edits.keySet(),
        tests,
        Scope.ofPaths(scope),
        ChangeClass.NORMAL,
        Criticality.ROUTINE,
        RollbackPlan.revert(),
        Set.of());
  }

  /** This dispatch with another rollback plan. */
  Dispatch withRollback(RollbackPlan plan) {
    return new Dispatch(
        id,
        title,
        producer,
        owner,
        wave,
        edits,
        claimedFiles,
        tests,
        scope,
        changeClass,
        criticality,
        plan,
        dependsOn);
  }

  /** This dispatch depending on {@code changes}. */
  Dispatch dependingOn(List<ChangeRef> changes) {
    return new Dispatch(
        id,
        title,
        producer,
        owner,
        wave,
        edits,
        claimedFiles,
        tests,
        scope,
        changeClass,
        criticality,
        rollback,
        Set.copyOf(changes));
  }

  /** This dispatch with only {@code files} claimed. */
  Dispatch claiming(Set<String> files) {
    return new Dispatch(
        id,
        title,
        producer,
        owner,
        wave,
        edits,
        files,
        tests,
        scope,
        changeClass,
        criticality,
        rollback,
        dependsOn);
  }

  /** This dispatch as an emergency of {@code criticality}, outside any wave. */
  Dispatch asEmergency(Criticality urgency) {
    return new Dispatch(
        id,
        title,
        producer,
        owner,
        Optional.empty(),
        edits,
        claimedFiles,
        tests,
        scope,
        ChangeClass.EMERGENCY,
        urgency,
        rollback,
        dependsOn);
  }

  /** The change's reference in the service's repository. */
  ChangeRef ref() {
    return ChangeRef.of(Service.REPOSITORY, id);
  }
}
