package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The reviewer contract catches reviewers that break it, each in the test about what it breaks. */
class ReviewerContractSelfTest {

  /** A contract over a reviewer that answers {@code answer(request)} whatever it is asked. */
  private static ReviewerContract contract(Function<ReviewRequest, Verdict> answer) {
    return new ReviewerContract() {
      @Override
      protected Reviewer reviewer() {
        return new DiffShapeReviewer() {
          @Override
          public Verdict review(ReviewRequest request) {
            return answer.apply(request);
          }
        };
      }
    };
  }

  private static Verdict verdict(
      ReviewRequest request, Agent reviewer, VerdictOutcome outcome, ContentDigest digest) {
    return new Verdict(
        request.change().ref(),
        reviewer,
        request.surface(),
        outcome,
        Optional.empty(),
        List.of(),
        digest,
        request.change().proposedAt());
  }

  @Test
  void aReviewerThatApprovesEverythingFailsOnGarbage() {
    ReviewerContract contract =
        contract(
            r -> verdict(r, DiffShapeReviewer.IDENTITY, VerdictOutcome.APPROVE, r.contentDigest()));
    contract.itsVerdictNamesItselfAndTheRequestOnEverySurfaceItCovers(); // bound, so this passes
    assertThatThrownBy(contract::neverApprovesGarbage)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("outcome on garbage[0]");
  }

  @Test
  void aReviewerThatSignsAnotherNameFails() {
    Agent other = new Agent("someone-else", "m", "f", "op");
    ReviewerContract contract =
        contract(r -> verdict(r, other, VerdictOutcome.REJECT, r.contentDigest()));
    assertThatThrownBy(contract::itsVerdictNamesItselfAndTheRequestOnEverySurfaceItCovers)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("verdict.reviewer");
  }

  @Test
  void aReviewerThatKeepsItsFirstAnswerFailsOnTheNextDigest() {
    AtomicBoolean first = new AtomicBoolean(true);
    ContentDigest[] kept = new ContentDigest[1];
    ReviewerContract contract =
        contract(
            r -> {
              if (first.getAndSet(false)) {
                kept[0] = r.contentDigest();
              }
              return verdict(r, DiffShapeReviewer.IDENTITY, VerdictOutcome.REJECT, kept[0]);
            });
    assertThatThrownBy(contract::itsVerdictFollowsTheContentDigestOfEachRequest)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("verdict.contentDigest");
  }

  @Test
  void aReviewerThatIgnoresInterruptionFails() {
    AtomicBoolean release = new AtomicBoolean();
    ReviewerContract contract =
        new ReviewerContract() {
          @Override
          protected Reviewer reviewer() {
            return new DiffShapeReviewer() {
              @Override
              public Verdict review(ReviewRequest request) throws Exception {
                while (!release.get()) {
                  Thread.onSpinWait(); // deaf to interruption
                }
                return super.review(request);
              }
            };
          }

          @Override
          protected Duration cancellationBound() {
            return Duration.ofMillis(100);
          }
        };
    try {
      assertThatThrownBy(contract::answersInterruptionPromptly)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("still running");
    } finally {
      release.set(true);
    }
  }

  @Test
  void aReviewerThatThrowsUnclassifiedFailuresFails() {
    ReviewerContract contract =
        new ReviewerContract() {
          @Override
          protected Reviewer reviewer() {
            return new DiffShapeReviewer();
          }

          @Override
          protected Optional<Reviewer> failingReviewer() {
            return Optional.of(
                new DiffShapeReviewer() {
                  @Override
                  public Verdict review(ReviewRequest request) {
                    throw new IllegalStateException("exit status 3");
                  }
                });
          }
        };
    assertThatThrownBy(contract::classifiesItsFailures)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not a ReviewFailure");
  }
}
