package dev.signalbox.core.spi;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Revision;
import java.util.List;

/**
 * The result of merging an ordered list of changes onto a base, each step onto the tree the steps
 * before it left, as a merge queue or Zuul's speculative gating does. A conflicting step is left
 * out: the next step merges onto the tree from before it.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param base the commit the train starts from
 * @param baseTree the tree of {@code base}
 * @param steps one per change, in the order the changes were given
 */
public record MergeSimulation(Revision base, TreeRef baseTree, List<MergeStep> steps) {
  /**
   * Checks and copies the fields.
   *
   * @throws dev.signalbox.core.InvalidValueException if a field or a step is null
   */
  public MergeSimulation {
    Checks.present(MergeSimulation.class, "base", base);
    Checks.present(MergeSimulation.class, "baseTree", baseTree);
    steps = Checks.list(MergeSimulation.class, "steps", steps);
  }

  /** Whether every step merged cleanly. */
  public boolean isClean() {
    return steps.stream().allMatch(MergeStep::isClean);
  }

  /** The tree after the last clean step, or the base tree if no step was clean. */
  public TreeRef finalTree() {
    TreeRef tree = baseTree;
    for (MergeStep step : steps) {
      if (step instanceof MergeStep.Clean clean) {
        tree = clean.tree();
      }
    }
    return tree;
  }

  /** The steps that conflicted, in train order. */
  public List<MergeStep.Conflicting> conflicting() {
    return steps.stream()
        .filter(MergeStep.Conflicting.class::isInstance)
        .map(MergeStep.Conflicting.class::cast)
        .toList();
  }
}
