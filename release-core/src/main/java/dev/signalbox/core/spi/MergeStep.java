package dev.signalbox.core.spi;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Revision;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of merging one change of a train onto the tree the previous steps left.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public sealed interface MergeStep {
  /** The change merged in this step. */
  Revision change();

  /** Whether the change merged cleanly. */
  default boolean isClean() {
    return this instanceof Clean;
  }

  /**
   * The change merged cleanly, giving {@code tree}.
   *
   * @param change the change merged
   * @param tree the tree after the merge, exactly the tree {@code git merge} would write
   */
  record Clean(Revision change, TreeRef tree) implements MergeStep {
    /**
     * Checks the fields.
     *
     * @throws dev.signalbox.core.InvalidValueException if a field is null
     */
    public Clean {
      Checks.present(Clean.class, "change", change);
      Checks.present(Clean.class, "tree", tree);
    }
  }

  /**
   * The change conflicts with the tree; the tree stays as it was and the next step merges onto it.
   *
   * @param change the change that conflicts
   * @param conflicts where and why, at least one, in path order
   */
  record Conflicting(Revision change, List<MergeConflict> conflicts) implements MergeStep {
    /**
     * Checks the fields and sorts the conflicts by path, then kind.
     *
     * @throws dev.signalbox.core.InvalidValueException if a field or conflict is null, or there is
     *     no conflict
     */
    public Conflicting {
      Checks.present(Conflicting.class, "change", change);
      conflicts =
          Checks.nonEmptyList(Conflicting.class, "conflicts", conflicts).stream()
              .sorted(Comparator.comparing(MergeConflict::path).thenComparing(MergeConflict::kind))
              .distinct()
              .collect(Collectors.toUnmodifiableList());
    }

    /** Whether every conflict is conservative: a real merge may still succeed. */
    public boolean needsRealMerge() {
      return conflicts.stream().allMatch(conflict -> conflict.kind().isConservative());
    }
  }
}
