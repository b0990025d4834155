package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.testing.Fixtures;
import dev.signalbox.testkit.contracts.ReviewerContract;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;

/** Every built-in static reviewer passes the test kit's {@link ReviewerContract}. */
class BuiltInReviewersContractTest {
  private static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

  @Nested
  class Secrets extends ReviewerContract {
    @Override
    protected Reviewer reviewer() {
      return SecretsReviewer.create(Fixtures.REVIEWER, CLOCK);
    }
  }

  @Nested
  class Dependencies extends ReviewerContract {
    @Override
    protected Reviewer reviewer() {
      return DependencyReviewer.create(Fixtures.REVIEWER, CLOCK);
    }
  }

  @Nested
  class MissingTests extends ReviewerContract {
    @Override
    protected Reviewer reviewer() {
      return MissingTestsReviewer.create(Fixtures.REVIEWER, CLOCK);
    }
  }

  @Nested
  class Size extends ReviewerContract {
    @Override
    protected Reviewer reviewer() {
      return SizeReviewer.create(Fixtures.REVIEWER, CLOCK, SizeLimits.defaults());
    }
  }

  @Nested
  class PromptInjection extends ReviewerContract {
    @Override
    protected Reviewer reviewer() {
      return PromptInjectionGuard.create(Fixtures.REVIEWER, CLOCK);
    }
  }
}
