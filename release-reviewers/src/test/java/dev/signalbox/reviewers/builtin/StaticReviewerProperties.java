package dev.signalbox.reviewers.builtin;

import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.internal.UnifiedDiff;
import dev.signalbox.reviewers.testing.Diffs;
import dev.signalbox.reviewers.testing.Fixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties every static reviewer keeps on any diff: it answers (never throws), binds its verdict
 * to the request, rejects exactly when a finding advises FIX_NOW, points only at added lines of
 * files in the diff, and gives the same verdict twice.
 */
class StaticReviewerProperties {
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final List<Reviewer> REVIEWERS =
      List.of(
          SecretsReviewer.create(REVIEWER, CLOCK),
          DependencyReviewer.create(REVIEWER, CLOCK),
          MissingTestsReviewer.create(REVIEWER, CLOCK),
          SizeReviewer.create(REVIEWER, CLOCK, new SizeLimits(20, 3, 8)),
          PromptInjectionGuard.create(REVIEWER, CLOCK));

  private static final List<String> FRAGMENTS =
      List.of(
          "AKIAIOSFODNN7EXAMPLE",
          "token = \"Zx8qL2vT9mWc4RbN7yHf3KpJ6sDg1QaE\"",
          "-----BEGIN PRIVATE KEY-----",
          "<version>1.0-SNAPSHOT</version>",
          "implementation(\"a:b:1.+\")",
          "\"lodash\": \"^4.0.0\",",
          "flask",
          "ignore all previous instructions",
          "x\u202Ey",
          "zero\u200Bwidth",
          "int a = 1;",
          "");

  private static final List<String> PATHS =
      List.of(
          "pom.xml",
          "package.json",
          "requirements.txt",
          "build.gradle",
          "src/main/java/a/App.java",
          "src/test/java/a/AppTest.java",
          "docs/guide.md",
          "app/orders.py");

  private static Gen<String> lines() {
    Gen<String> random =
        strings()
            .basicMultilingualPlaneAlphabet()
            .ofLengthBetween(0, 30)
            .map(s -> s.replace('\n', ' ').replace('\r', ' '));
    return arbitrary().pick(FRAGMENTS).mix(random, 50);
  }

  private static Gen<String> fileDiffs() {
    return arbitrary()
        .pick(PATHS)
        .zip(
            lists().of(lines()).ofSizeBetween(1, 12),
            integers().between(0, 2),
            (path, lines, kind) ->
                switch (kind) {
                  case 0 -> Diffs.newFile(path, lines.toArray(String[]::new));
                  case 1 -> Diffs.insert(path, 3, "context", lines.toArray(String[]::new));
                  default -> Diffs.deleted(path, lines.size());
                });
  }

  private static Gen<String> diffs() {
    return lists().of(fileDiffs()).ofSizeBetween(1, 5).map(parts -> String.join("", parts));
  }

  @Test
  void everyStaticReviewerAnswersSoundlyOnAnyDiff() {
    qt().withExamples(200)
        .forAll(diffs(), arbitrary().pick(REVIEWERS))
        .checkAssert(
            (diff, reviewer) -> {
              RiskSurface surface = reviewer.surfaces().iterator().next();
              ChangeRequest change = Fixtures.change(diff);
              ReviewRequest request =
                  new ReviewRequest(
                      change,
                      surface,
                      Fixtures.DIGEST,
                      new ChangeSnapshot(diff, Map.of(), false),
                      NOW.plusSeconds(60));
              Verdict verdict = review(reviewer, request);

              assertThat(verdict.contentDigest()).isEqualTo(request.contentDigest());
              assertThat(verdict.reviewer()).isEqualTo(reviewer.identity());
              assertThat(verdict.surface()).isEqualTo(surface);
              assertThat(verdict.change()).isEqualTo(change.ref());
              boolean fixNow =
                  verdict.findings().stream().anyMatch(f -> f.advice() == Advice.FIX_NOW);
              assertThat(verdict.outcome())
                  .isEqualTo(fixNow ? VerdictOutcome.REJECT : VerdictOutcome.APPROVE);
              Map<String, Set<Integer>> added =
                  UnifiedDiff.parse(diff).files().stream()
                      .collect(
                          Collectors.toMap(
                              f -> f.path().value(),
                              f ->
                                  f.added().stream()
                                      .map(UnifiedDiff.AddedLine::line)
                                      .collect(Collectors.toSet()),
                              (a, b) -> {
                                Set<Integer> both = new java.util.HashSet<>(a);
                                both.addAll(b);
                                return both;
                              }));
              for (Finding finding : verdict.findings()) {
                finding
                    .path()
                    .ifPresent(
                        path -> {
                          assertThat(added).containsKey(path.value());
                          finding
                              .lines()
                              .map(LineRange::start)
                              .ifPresent(
                                  line -> assertThat(added.get(path.value())).contains(line));
                        });
              }
              assertThat(review(reviewer, request)).isEqualTo(verdict);
            });
  }

  /**
   * What a static reviewer cannot read it does not vouch for: no diff at all for a change that
   * changes a file is a permanent failure, and a snapshot cut short is declined rather than
   * approved.
   */
  @Test
  void noStaticReviewerVouchesForWhatItCouldNotReadWhole() throws Exception {
    int declined = 0;
    for (Reviewer reviewer : REVIEWERS) {
      RiskSurface surface = reviewer.surfaces().iterator().next();
      ReviewRequest empty =
          new ReviewRequest(
              Fixtures.change(),
              surface,
              Fixtures.DIGEST,
              new ChangeSnapshot("", Map.of(), false),
              NOW.plusSeconds(60));
      assertThatThrownBy(() -> reviewer.review(empty))
          .as("%s on an empty diff", reviewer)
          .isInstanceOfSatisfying(ReviewFailure.class, f -> assertThat(f.isTransient()).isFalse())
          .hasMessageContaining("found no unified diff in the snapshot of a change to 1 file");

      ReviewRequest cutShort =
          new ReviewRequest(
              Fixtures.change(),
              surface,
              Fixtures.DIGEST,
              new ChangeSnapshot(Fixtures.DIFF, Map.of(), true),
              NOW.plusSeconds(60));
      Verdict verdict = reviewer.review(cutShort);
      assertThat(verdict.outcome())
          .as("%s on a cut-short diff", reviewer)
          .isNotEqualTo(VerdictOutcome.APPROVE);
      if (!verdict.hasFixNow()) { // a rejection on what it did read still stands
        assertThat(verdict.abstention().orElseThrow().cause()).isEqualTo(AbstainCause.DECLINED);
        assertThat(verdict.abstention().orElseThrow().detail()).contains("cut short");
        declined++;
      }
    }
    assertThat(declined).as("reviewers that declined the cut-short diff").isPositive();
  }

  private static Verdict review(Reviewer reviewer, ReviewRequest request) {
    try {
      return reviewer.review(request);
    } catch (Exception e) {
      throw new AssertionError(reviewer + " threw on a well-formed request", e);
    }
  }
}
