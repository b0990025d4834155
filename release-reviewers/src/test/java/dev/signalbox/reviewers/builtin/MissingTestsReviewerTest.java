package dev.signalbox.reviewers.builtin;

import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.reviewers.testing.Diffs;
import dev.signalbox.reviewers.testing.Fixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Production code changed without tests, by the conventions of several ecosystems. */
class MissingTestsReviewerTest {
  private final MissingTestsReviewer reviewer =
      MissingTestsReviewer.create(REVIEWER, Clock.fixed(NOW, ZoneOffset.UTC));

  private Verdict review(String diff) throws Exception {
    return reviewer.review(Fixtures.request(RiskSurface.TESTS, diff, NOW.plusSeconds(60)));
  }

  @Test
  void productionCodeWithoutAnyTestIsRejectedAtItsFirstAddedLine() throws Exception {
    Verdict verdict =
        review(
            Diffs.of(
                Diffs.insert("src/main/java/shop/Totals.java", 7, "}", "int tax() { return 0; }"),
                Diffs.newFile("billing/invoice.py", "def total():", "    return 0"),
                Diffs.newFile("README.md", "docs need no test")));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.REJECT);
    assertThat(verdict.findings())
        .extracting(f -> f.path().orElseThrow(), f -> f.lines().orElseThrow(), Finding::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                RepoPath.of("billing/invoice.py"), LineRange.line(1), "tests-missing"),
            org.assertj.core.groups.Tuple.tuple(
                RepoPath.of("src/main/java/shop/Totals.java"), LineRange.line(8), "tests-missing"));
  }

  @Test
  void matchingTestsPassAndUnmatchedOnesAreNoted() throws Exception {
    Verdict verdict =
        review(
            Diffs.of(
                Diffs.newFile("src/main/java/shop/Totals.java", "class Totals {}"),
                Diffs.newFile("src/test/java/shop/TotalsTest.java", "class TotalsTest {}"),
                Diffs.newFile("web/cart.ts", "export const cart = 1;"),
                Diffs.newFile("web/cart.test.ts", "test('cart', () => {});"),
                Diffs.newFile("pkg/store.go", "package pkg"),
                Diffs.newFile("pkg/store_test.go", "package pkg"),
                Diffs.newFile("app/orders.py", "x = 1"),
                Diffs.newFile("src/main/java/shop/Submit.java", "class Submit {}")));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(verdict.findings())
        .extracting(f -> f.path().orElseThrow().value(), Finding::advice)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app/orders.py", Advice.MAY_DEFER),
            org.assertj.core.groups.Tuple.tuple(
                "src/main/java/shop/Submit.java", Advice.MAY_DEFER));
  }

  @Test
  void deletionsAndNonCodeNeedNoTest() throws Exception {
    Verdict verdict =
        review(
            Diffs.of(
                Diffs.deleted("src/main/java/shop/Old.java", 3),
                Diffs.newFile("docs/guide.md", "text"),
                Diffs.newFile("config/app.yaml", "a: 1")));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(verdict.findings()).isEmpty();
  }

  @Test
  void testNamesFollowEachEcosystem() {
    assertThat(MissingTestsReviewer.isTest(RepoPath.of("src/test/java/a/B.java"))).isTrue();
    assertThat(MissingTestsReviewer.isTest(RepoPath.of("lib/FooIT.java"))).isTrue();
    assertThat(MissingTestsReviewer.isTest(RepoPath.of("test_orders.py"))).isTrue();
    assertThat(MissingTestsReviewer.isTest(RepoPath.of("web/__tests__/cart.js"))).isTrue();
    assertThat(MissingTestsReviewer.isTest(RepoPath.of("web/cart.spec.tsx"))).isTrue();
    assertThat(MissingTestsReviewer.isTest(RepoPath.of("src/main/java/a/Submit.java"))).isFalse();
    assertThat(MissingTestsReviewer.isProduction(RepoPath.of("src/main/java/a/Submit.java")))
        .isTrue();
    assertThat(MissingTestsReviewer.isProduction(RepoPath.of("README.md"))).isFalse();
  }
}
