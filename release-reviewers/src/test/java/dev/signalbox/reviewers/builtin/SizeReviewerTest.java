package dev.signalbox.reviewers.builtin;

import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static dev.signalbox.reviewers.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.reviewers.testing.Diffs;
import dev.signalbox.reviewers.testing.Fixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Size thresholds on lines and files, and snapshots cut short. */
class SizeReviewerTest {
  private final SizeReviewer reviewer =
      SizeReviewer.create(REVIEWER, Clock.fixed(NOW, ZoneOffset.UTC), new SizeLimits(10, 2, 6));

  private static String[] lines(int n) {
    return IntStream.range(0, n).mapToObj(i -> "line " + i).toArray(String[]::new);
  }

  private ReviewRequest quality(String diff, boolean truncated) {
    ChangeRequest change = Fixtures.change(diff);
    return new ReviewRequest(
        change,
        RiskSurface.CODE_QUALITY,
        Fixtures.DIGEST,
        new ChangeSnapshot(diff, Map.of(), truncated),
        NOW.plusSeconds(60));
  }

  @Test
  void aSmallChangePasses() throws Exception {
    Verdict verdict = reviewer.review(quality(Diffs.newFile("a.txt", lines(5)), false));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(verdict.findings()).isEmpty();
  }

  @Test
  void eachLimitPassedIsAFinding() throws Exception {
    String diff =
        Diffs.of(
            Diffs.newFile("a.txt", lines(3)),
            Diffs.insert("b.txt", 4, "ctx", lines(7)),
            Diffs.newFile("c.txt", lines(1)));

    Verdict verdict = reviewer.review(quality(diff, true));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.REJECT);
    assertThat(verdict.findings())
        .extracting(Finding::rule)
        .containsExactlyInAnyOrder("size-lines", "size-files", "size-truncated", "size-file-lines");
    Finding file =
        verdict.findings().stream()
            .filter(f -> f.rule().equals("size-file-lines"))
            .findFirst()
            .orElseThrow();
    assertThat(file.path()).contains(RepoPath.of("b.txt"));
    assertThat(file.lines()).contains(LineRange.line(5));
  }

  @Test
  void aSurfaceItDoesNotReviewIsAPermanentFailure() {
    assertThatThrownBy(() -> reviewer.review(request(Fixtures.DIFF)))
        .isInstanceOfSatisfying(ReviewFailure.class, f -> assertThat(f.isTransient()).isFalse())
        .hasMessageContaining("SECURITY");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new SizeLimits(0, 1, 1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("changedLines must be >= 1, was 0");
  }
}
