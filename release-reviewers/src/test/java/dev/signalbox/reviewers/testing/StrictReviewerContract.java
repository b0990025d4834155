package dev.signalbox.reviewers.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.testkit.contracts.ReviewerContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test kit's {@link ReviewerContract}, and what every reviewer of this module promises beyond
 * it, by the module's snapshot check: a review asked on an interrupted thread throws {@link
 * InterruptedException} (the kit also lets it return); a snapshot that holds no unified diff for a
 * change to files is refused as a <em>permanent</em> {@link ReviewFailure} (the kit lets it abstain
 * or reject); and a reviewer that would approve declines a snapshot that was cut short.
 */
public abstract class StrictReviewerContract extends ReviewerContract {
  private static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));

  /** For subclasses. */
  protected StrictReviewerContract() {}

  /**
   * Whether {@link #reviewer()} approves {@link #snapshot()} read whole, so that on the same
   * snapshot cut short it must decline; true by default. The contract checks the claim.
   */
  protected boolean approvesTheSample() {
    return true;
  }

  /**
   * Whether {@link #reviewer()}, approving {@link #snapshot()} read whole, rejects it cut short
   * rather than declining it (a size limit that counts the cut as too large); false by default.
   */
  protected boolean rejectsTheSampleCutShort() {
    return false;
  }

  @Test
  void aReviewAskedOnAnInterruptedThreadThrowsInterruptedException() {
    Reviewer reviewer = reviewer();
    ReviewRequest request = request(reviewer.surfaces().iterator().next(), DIGEST, snapshot());
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> reviewer.review(request)).isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aSnapshotWithoutADiffIsAPermanentFailure() {
    Reviewer reviewer = reviewer();
    List<ChangeSnapshot> undiffed =
        garbage().stream().filter(s -> !s.diff().startsWith("diff --git")).toList();
    assertThat(undiffed).isNotEmpty();
    for (ChangeSnapshot snapshot : undiffed) {
      ReviewRequest request = request(reviewer.surfaces().iterator().next(), DIGEST, snapshot);
      assertThatThrownBy(() -> reviewer.review(request))
          .as("reviewing %s", snapshot)
          .isInstanceOfSatisfying(
              ReviewFailure.class, f -> assertThat(f.isTransient()).as("transient").isFalse());
    }
  }

  @Test
  void anApprovalOfASnapshotCutShortIsDeclined() throws Exception {
    Reviewer reviewer = reviewer();
    ChangeSnapshot whole = snapshot();
    RiskSurface surface = reviewer.surfaces().iterator().next();
    Verdict onWhole = reviewer.review(request(surface, DIGEST, whole));
    assertThat(onWhole.outcome() == VerdictOutcome.APPROVE)
        .as("approves the whole sample (%s), as approvesTheSample() says", onWhole.outcome())
        .isEqualTo(approvesTheSample());
    ChangeSnapshot cutShort = new ChangeSnapshot(whole.diff(), whole.touchedFilesAtHead(), true);
    ReviewRequest request = request(surface, DIGEST, cutShort);

    Verdict verdict = reviewer.review(request);

    assertThat(verdict.outcome()).isNotEqualTo(VerdictOutcome.APPROVE);
    if (approvesTheSample() && rejectsTheSampleCutShort()) {
      assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.REJECT);
    } else if (approvesTheSample()) {
      assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.ABSTAIN);
      assertThat(verdict.abstention().orElseThrow().cause()).isEqualTo(AbstainCause.DECLINED);
      assertThat(verdict.contentDigest()).isEqualTo(DIGEST);
      assertThat(verdict.reviewer()).isEqualTo(reviewer.identity());
    }
  }
}
