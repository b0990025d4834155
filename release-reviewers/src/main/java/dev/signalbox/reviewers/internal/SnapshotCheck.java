package dev.signalbox.reviewers.internal;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import java.util.Set;

/**
 * The rule every reviewer in this module — static, child process, HTTP — applies to what it is
 * asked to read, before it reviews and after: a request for a surface it does not cover, or whose
 * snapshot holds no unified diff although the change changes files (prose, noise, an empty diff),
 * is refused as a {@linkplain ReviewFailure#permanent permanent failure} before any work is done;
 * and an approval of a snapshot that was cut short is turned into a declined abstention, since no
 * reviewer can vouch for what it did not read (a rejection on what it read stands).
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
   *     or its snapshot holds no unified diff for a change to files
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
    return diff;
  }

  /**
   * {@code verdict} as it may stand for {@code request}: unchanged, unless it approves a snapshot
   * that was cut short, which becomes an abstention {@link AbstainCause#DECLINED DECLINED} by the
   * same reviewer, at the same instant, saying why.
   */
  public static Verdict settle(ReviewRequest request, Verdict verdict) {
    if (verdict.outcome() != VerdictOutcome.APPROVE || !request.snapshot().truncated()) {
      return verdict;
    }
    return Verdict.abstain(
        verdict.change(),
        verdict.reviewer(),
        verdict.surface(),
        verdict.contentDigest(),
        verdict.issuedAt(),
        AbstainCause.DECLINED,
        "the snapshot was cut short; "
            + verdict.reviewer().id()
            + " approves only a diff it read whole");
  }
}
