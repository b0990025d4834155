package dev.signalbox.examples;

import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.MergeStep;
import dev.signalbox.core.spi.RefUpdate;
import dev.signalbox.git.BlastRadiusRules;
import dev.signalbox.git.GitVersionControl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The README's release-git example, compiled and run by every build ({@code TrainCheckTest}): read
 * the first change of a train, simulate the train, check the change's revert, then merge it and
 * move {@code main} by compare-and-swap.
 */
public final class ShipFirstChange {
  private ShipFirstChange() {}

  /** Ships the first of {@code changes} onto {@code main} in {@code repository}. */
  public static RefUpdate run(
      Path repository, Revision main, List<Revision> changes, PrintStream out) {
    try (GitVersionControl git = GitVersionControl.open(repository)) {
      Revision first = changes.get(0);
      Revision base = git.mergeBase(main, first).orElseThrow();
      ChangeSet files = git.changes(base, first); // renames, binary files, line counts
      ContentDigest digest = git.contentDigest(base, first); // git patch-id --verbatim
      BlastRadius radius = git.blastRadius(base, first, BlastRadiusRules.defaults());

      MergeSimulation train = git.simulate(main, changes); // in memory: nothing is written
      for (MergeStep.Conflicting step : train.conflicting()) {
        out.println(step.change().abbreviated() + " conflicts: " + step.conflicts());
      }
      RevertCheck revert = git.checkRevert(base, first, train.finalTree());
      out.printf(
          "%d files, digest %s, blast radius %s, revert %s%n",
          files.files().size(), digest, radius.level(), revert.status());

      Revision merged = git.writeMerge(main, first, "Merge " + first.abbreviated()); // objects only
      return git.compareAndSetRef("refs/heads/main", Optional.of(main), merged);
    }
  }
}
