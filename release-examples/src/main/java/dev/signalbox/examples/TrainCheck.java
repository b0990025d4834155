package dev.signalbox.examples;

import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.MergeStep;
import dev.signalbox.git.BlastRadiusRules;
import dev.signalbox.git.GitVersionControl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What release-git tells a release manager about a train before it departs: each change's files,
 * content digest and blast radius, whether the changes merge onto the base one after the other, and
 * whether each one's revert still applies on the train's final tree. Nothing is written to the
 * repository.
 *
 * <p>Every build runs it through {@code TrainCheckTest} on a repository made with git.
 */
public final class TrainCheck {
  private TrainCheck() {}

  /**
   * Reports on the train of {@code changes} (branch heads off {@code base}) in {@code repository}.
   */
  public static void run(Path repository, Revision base, List<Revision> changes, PrintStream out) {
    try (GitVersionControl git = GitVersionControl.open(repository)) {
      for (Revision change : changes) {
        ChangeSet files = git.changesSinceMergeBase(base, change);
        ContentDigest digest = git.contentDigest(git.mergeBase(base, change).orElseThrow(), change);
        BlastRadius radius = git.blastRadius(base, change, BlastRadiusRules.defaults());
        out.printf(
            "%s: %d files, +%d -%d, digest %s, blast radius %s %s%n",
            change.abbreviated(),
            files.files().size(),
            files.linesAdded(),
            files.linesRemoved(),
            digest.value().substring(0, 12),
            radius.level(),
            radius.sensitiveKinds());
      }
      MergeSimulation train = git.simulate(base, changes);
      for (MergeStep step : train.steps()) {
        out.println(
            step instanceof MergeStep.Conflicting conflicting
                ? step.change().abbreviated() + " conflicts: " + conflicting.conflicts()
                : step.change().abbreviated() + " merges cleanly");
      }
      for (MergeStep step : train.steps()) {
        if (step.isClean()) {
          RevertCheck revert = git.checkRevert(base, step.change(), train.finalTree());
          out.println(
              step.change().abbreviated() + " reverts on the final tree: " + revert.status());
        }
      }
    }
  }
}
