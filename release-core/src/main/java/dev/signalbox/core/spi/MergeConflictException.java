package dev.signalbox.core.spi;

import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link VersionControl#writeMerge} when the change does not merge cleanly, so no commit
 * can be written; it carries the conflicts. (A simulation reports conflicts as data instead.)
 */
public class MergeConflictException extends VersionControlException {
  private static final long serialVersionUID = 1L;

  // plain serialisable fields, so that the conflicts travel with the exception
  private final String change;
  private final ArrayList<String> paths = new ArrayList<>();
  private final ArrayList<ConflictKind> kinds = new ArrayList<>();

  /** Creates an exception for the conflicting {@code step} of merging onto {@code onto}. */
  public MergeConflictException(Revision onto, MergeStep.Conflicting step) {
    super(
        "cannot merge "
            + step.change().abbreviated()
            + " onto "
            + onto.abbreviated()
            + ": "
            + step.conflicts().stream()
                .map(MergeConflict::toString)
                .collect(Collectors.joining(", ")));
    this.change = step.change().commit();
    for (MergeConflict conflict : step.conflicts()) {
      paths.add(conflict.path().value());
      kinds.add(conflict.kind());
    }
  }

  /** The change that did not merge. */
  public Revision change() {
    return Revision.of(change);
  }

  /** Where and why it conflicts, in path order. */
  public List<MergeConflict> conflicts() {
    List<MergeConflict> conflicts = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      conflicts.add(new MergeConflict(RepoPath.of(paths.get(i)), kinds.get(i)));
    }
    return List.copyOf(conflicts);
  }
}
