package dev.signalbox.reviewers.internal;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule every reviewer in this module — static, child process, HTTP — applies to what it is
 * asked to read, before it reviews and after. A request is refused as a {@linkplain
 * ReviewFailure#permanent permanent failure}, before any work is done, when it is for a surface the
 * reviewer does not cover, or when its snapshot is not a diff of the change: no unified diff
 * although the change changes files (prose, noise, an empty diff), a diff of a file the change does
 * not touch, or — unless the snapshot says it was cut short — a diff that leaves out a text file
 * the change changes. An approval of a snapshot that was cut short, by its own account or because
 * its diff ends inside a hunk, is turned into a declined abstention, since no reviewer can vouch
 * for what it did not read (a rejection on what it read stands).
 *
 * <p>Stateless; safe to use from several threads at once.
 */
public final class SnapshotCheck {
  private SnapshotCheck() {}

  /**
   * Admits {@code request} for review by {@code identity}, which covers {@code surfaces}, and
   * returns its diff as read.
   *
   * @throws InterruptedException if the calling thread was interrupted: the review was cancelled
   * @throws ReviewFailure permanent, if {@code request} names a surface outside {@code surfaces},
   *     or its snapshot is not a diff of its change: no unified diff for a change to files, a diff
   *     of a path the change does not touch (at base or at head), or, when the snapshot is not
   *     {@linkplain dev.signalbox.core.spi.ChangeSnapshot#truncated() truncated}, no diff of a text
   *     file the change changes
   */
  public static UnifiedDiff admit(ReviewRequest request, Set<RiskSurface> surfaces, Agent identity)
      throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("review cancelled");
    }
    if (!surfaces.contains(request.surface())) {
      throw ReviewFailure.permanent(
          identity.id() + " reviews " + surfaces + ", not " + request.surface(), null);
    }
    UnifiedDiff diff = UnifiedDiff.parse(request.snapshot().diff());
    int files = request.change().changes().files().size();
    if (files > 0 && diff.files().isEmpty()) {
      throw ReviewFailure.permanent(
          identity.id()
              + " found no unified diff in the snapshot of a change to "
              + files
              + (files == 1 ? " file" : " files")
              + "; there is nothing it could review",
          null);
    }
    Set<RepoPath> touched = request.change().changes().touchedPaths();
    Set<RepoPath> inDiff = new HashSet<>();
    for (UnifiedDiff.FileDiff file : diff.files()) {
      for (Optional<RepoPath> path : List.of(file.oldPath(), file.newPath())) {
        if (path.isPresent() && !touched.contains(path.get())) {
          throw ReviewFailure.permanent(
              identity.id()
                  + " was given a diff of "
                  + path.get().value()
                  + ", which change "
                  + request.change().id().value()
                  + " does not touch; it reviews only the change's own diff",
              null);
        }
        path.ifPresent(inDiff::add);
      }
    }
    if (!request.snapshot().truncated()) {
      for (FileChange file : request.change().changes().files()) {
        if (!file.binary() && !inDiff.contains(file.path())) {
          throw ReviewFailure.permanent(
              identity.id()
                  + " found no diff of "
                  + file.path().value()
                  + ", which change "
                  + request.change().id().value()
                  + " changes, in a snapshot not marked cut short; it reviews only a whole diff",
              null);
        }
      }
    }
    return diff;
  }

  /**
   * {@code verdict} as it may stand for {@code request}: unchanged, unless it approves a snapshot
   * that was cut short (marked {@linkplain dev.signalbox.core.spi.ChangeSnapshot#truncated()
   * truncated}, or whose diff ends inside a hunk), which becomes an abstention {@link
   * AbstainCause#DECLINED DECLINED} by the same reviewer, at the same instant, saying why.
   */
  public static Verdict settle(ReviewRequest request, Verdict verdict) {
    if (verdict.outcome() != VerdictOutcome.APPROVE) {
      return verdict;
    }
    String why;
    if (request.snapshot().truncated()) {
      why = "the snapshot was cut short; ";
    } else if (UnifiedDiff.parse(request.snapshot().diff()).cutShort()) {
      why = "the snapshot's diff was cut short inside a hunk; ";
    } else {
      return verdict;
    }
    return Verdict.abstain(
        verdict.change(),
        verdict.reviewer(),
        verdict.surface(),
        verdict.contentDigest(),
        verdict.issuedAt(),
        AbstainCause.DECLINED,
        why + verdict.reviewer().id() + " approves only a diff it read whole");
  }
}
