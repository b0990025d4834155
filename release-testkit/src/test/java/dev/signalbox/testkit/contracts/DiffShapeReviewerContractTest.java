package dev.signalbox.testkit.contracts;

import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** The reviewer contract, kept by a small reviewer that reads the shape of the diff. */
class DiffShapeReviewerContractTest extends ReviewerContract {
  @Override
  protected Reviewer reviewer() {
    return new DiffShapeReviewer();
  }

  @Override
  protected Optional<Reviewer> slowReviewer() {
    CountDownLatch never = new CountDownLatch(1);
    return Optional.of(
        new DiffShapeReviewer() {
          @Override
          public Verdict review(ReviewRequest request) throws Exception {
            never.await(); // answers interruption by throwing
            return super.review(request);
          }
        });
  }

  @Override
  protected Optional<Reviewer> failingReviewer() {
    return Optional.of(
        new DiffShapeReviewer() {
          @Override
          public Verdict review(ReviewRequest request) {
            throw ReviewFailure.permanent("exit status 3", null);
          }
        });
  }
}
