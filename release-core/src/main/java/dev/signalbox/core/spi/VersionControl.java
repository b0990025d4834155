package dev.signalbox.core.spi;

import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.Revision;
import java.util.List;
import java.util.Optional;

/**
 * A repository as Signalbox needs it: what a change touches, what it means, whether changes merge
 * and revert, and — only where a method says it writes — merge commits, ref updates and tags.
 *
 * <p>Reading methods never change the repository: no ref, index or work tree is touched and no
 * object is written. Simulated merges live in memory: the trees they produce can be named in later
 * calls on the same instance ({@link #checkRevert}) without being written. The writing methods are
 * {@link #writeMerge}, {@link #compareAndSetRef} and {@link #tag}.
 *
 * <p>Implementations are thread-safe. Every method throws {@link UnknownRevisionException} when a
 * revision, tree or ref it is given does not exist, {@link VersionControlException} when the
 * repository cannot be read or written, and {@link IllegalArgumentException} for a null argument or
 * a size bound below the minimum; expected outcomes (a conflict, a lost race) are values. {@code
 * release-testkit}'s {@code VersionControlContract} is the contract every implementation passes.
 */
public interface VersionControl {
  /** The smallest size bound {@link #diff} and {@link #snapshot} accept, in bytes. */
  int MIN_SIZE_BOUND = 256;

  /**
   * The files changed from {@code base} to {@code head}, like {@code git diff --find-renames
   * --numstat base head} lists them: renames detected (how similar a rename must be is the
   * implementation's to score, at git's 50%), binary files flagged, lines added and removed
   * counted.
   */
  ChangeSet changes(Revision base, Revision head);

  /**
   * The files changed on {@code head} since it left {@code target}: {@link #changes} from their
   * merge base, as {@code git diff target...head} lists them.
   *
   * @throws VersionControlException if the two have no common history
   */
  default ChangeSet changesSinceMergeBase(Revision target, Revision head) {
    Revision base =
        mergeBase(target, head)
            .orElseThrow(
                () ->
                    new VersionControlException(
                        target.abbreviated() + " and " + head.abbreviated() + " share no history"));
    return changes(base, head);
  }

  /**
   * The best common ancestor of {@code a} and {@code b}, or empty if they share no history; where
   * there are several (a criss-cross history), one of them.
   */
  Optional<Revision> mergeBase(Revision a, Revision b);

  /**
   * The unified diff from {@code base} to {@code head} with renames detected, at most {@code
   * maxBytes} bytes of UTF-8; a diff cut short ends with a line saying so.
   *
   * @param maxBytes the bound, at least {@link #MIN_SIZE_BOUND}
   */
  String diff(Revision base, Revision head, int maxBytes);

  /**
   * What a reviewer reads of the change from {@code base} to {@code head}: its diff and the touched
   * files at head, together at most {@code maxBytes} bytes. The diff comes first; then each file,
   * in path order, whole if it fits in what is left, else left out.
   *
   * @param maxBytes the bound, at least {@link #MIN_SIZE_BOUND}
   */
  ChangeSnapshot snapshot(Revision base, Revision head, int maxBytes);

  /**
   * The content digest of the change from {@code base} to {@code head}: what {@code git diff
   * --no-renames --full-index base head | git patch-id --verbatim} prints (binary files counted by
   * their blob ids, as git 2.40 and later do). Hunk line numbers are left out and files are summed
   * in any order, whitespace counts: a trivial rebase keeps the digest, any edit to the diff
   * changes it.
   */
  ContentDigest contentDigest(Revision base, Revision head);

  /** The tree of {@code commit}. */
  TreeRef tree(Revision commit);

  /**
   * Merges {@code changesInOrder} onto {@code base} in memory, each onto the tree the steps before
   * it left, without writing anything. A merge called clean has exactly the tree {@code git merge}
   * would write; a conflicting step is left out of the train and reports its conflicts. Where
   * renames or several merge bases are involved the simulation may report a conservative conflict
   * ({@link ConflictKind#isConservative()}) that a real merge might resolve.
   */
  MergeSimulation simulate(Revision base, List<Revision> changesInOrder);

  /**
   * Whether reverting the change from {@code base} to {@code head} applies cleanly onto {@code
   * onto}, such as a simulated train's {@linkplain MergeSimulation#finalTree() final tree}: a
   * three-way merge of {@code onto} and {@code base} over {@code head}.
   *
   * @param onto a tree of this repository, or one a simulation on this instance produced
   */
  RevertCheck checkRevert(Revision base, Revision head, TreeRef onto);

  /**
   * Writes the merge commit of {@code change} onto {@code onto} (parents {@code onto}, then {@code
   * change}), with the merged tree and every object it needs; moves no ref. Its tree is the tree a
   * simulation of the same merge reports.
   *
   * @throws MergeConflictException if the change does not merge cleanly
   */
  Revision writeMerge(Revision onto, Revision change, String message);

  /** The commit the ref {@code name} (such as {@code refs/heads/main}) points at, if it exists. */
  Optional<Revision> ref(String name);

  /**
   * Points the ref {@code name} at {@code next} if it now points at {@code expected} (or does not
   * exist, when {@code expected} is empty), atomically. If it already points at {@code next}
   * nothing is written, so a retried update succeeds.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid ref name under {@code refs/}
   */
  RefUpdate compareAndSetRef(String name, Optional<Revision> expected, Revision next);

  /**
   * Creates the annotated tag {@code refs/tags/name} on {@code target}, as for a departed train. A
   * tag of that name already on {@code target} is left as it is ({@link
   * RefUpdate#ALREADY_AT_TARGET}); one on another commit is never moved ({@link
   * RefUpdate#LOST_RACE}).
   *
   * @throws IllegalArgumentException if {@code name} is not a valid tag name
   */
  RefUpdate tag(String name, Revision target, String message);

  /** The content of the file at {@code path} in {@code at}, if there is a file there. */
  Optional<Blob> read(Revision at, RepoPath path);
}
