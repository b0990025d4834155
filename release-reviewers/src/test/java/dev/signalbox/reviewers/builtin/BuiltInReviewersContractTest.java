package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.testing.Fixtures;
import dev.signalbox.reviewers.testing.StrictReviewerContract;
import dev.signalbox.testkit.contracts.ReviewerContract;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;

/**
 * Every built-in static reviewer passes the test kit's {@link ReviewerContract}, and the module's
 * stricter {@link StrictReviewerContract}.
 */
class BuiltInReviewersContractTest {
  private static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

  @Nested
  class Secrets extends StrictReviewerContract {
    @Override
    protected Reviewer reviewer() {
      return SecretsReviewer.create(Fixtures.REVIEWER, CLOCK);
    }
  }

  @Nested
  class Dependencies extends StrictReviewerContract {
    @Override
    protected Reviewer reviewer() {
      return DependencyReviewer.create(Fixtures.REVIEWER, CLOCK);
    }
  }

  @Nested
  class MissingTests extends StrictReviewerContract {
    @Override
    protected boolean approvesTheSample() {
      return false; // it rejects production code changed without a test
    }

    @Override
    protected Reviewer reviewer() {
      return MissingTestsReviewer.create(Fixtures.REVIEWER, CLOCK);
    }
  }

  @Nested
  class Size extends StrictReviewerContract {
    @Override
    protected boolean rejectsTheSampleCutShort() {
      return true; // a snapshot cut short is itself too large to review
    }

    @Override
    protected Reviewer reviewer() {
      return SizeReviewer.create(Fixtures.REVIEWER, CLOCK, SizeLimits.defaults());
    }
  }

  @Nested
  class PromptInjection extends StrictReviewerContract {
    @Override
    protected Reviewer reviewer() {
      return PromptInjectionGuard.create(Fixtures.REVIEWER, CLOCK);
    }
  }
}
