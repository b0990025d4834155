package dev.signalbox.core.spi;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import java.util.Set;

/**
 * A reviewer agent: given one change and one risk surface, it reads the change and answers with a
 * verdict. Implemented by adapters (a child process, a model behind HTTP, a static check); the
 * review board decides whom to ask, runs them in parallel and normalises what they answer.
 *
 * <p>An implementation only reviews: it does not retry (the board does, within its deadline), and
 * it does not count (the policy does). It answers {@linkplain Thread#interrupt() interruption}
 * promptly by throwing — the board cancels stragglers that way — and classifies its failures by
 * throwing {@link ReviewFailure}: {@linkplain ReviewFailure#isTransient() transient} when asking
 * again may help (a rate limit, a 5xx, a lost connection), permanent otherwise. Any other exception
 * is taken as permanent. Whatever it returns or throws, a verdict that is malformed, for another
 * content digest or from someone other than {@link #identity()} never counts as an approval.
 *
 * <p>Implementations must be safe to call from several threads at once.
 */
public interface Reviewer {

  /** The agent this reviewer is; its verdicts must name it. */
  Agent identity();

  /** The risk surfaces this reviewer can review; the board asks it about no other. */
  Set<RiskSurface> surfaces();

  /**
   * Reviews the change of {@code request} on its one surface.
   *
   * @return a verdict naming {@link #identity()}, {@code request}'s change, surface and content
   *     digest
   * @throws ReviewFailure when the review could not be done, classified as transient or not
   * @throws InterruptedException when the board cancelled the review
   * @throws Exception for anything else, taken as a permanent failure
   */
  Verdict review(ReviewRequest request) throws Exception;
}
