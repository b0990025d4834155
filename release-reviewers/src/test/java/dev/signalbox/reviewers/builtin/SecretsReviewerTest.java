package dev.signalbox.reviewers.builtin;

import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static dev.signalbox.reviewers.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.reviewers.testing.Diffs;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Secrets in added lines: known key formats and high-entropy strings. */
class SecretsReviewerTest {
  private final SecretsReviewer reviewer =
      SecretsReviewer.create(REVIEWER, Clock.fixed(NOW, ZoneOffset.UTC));

  private Verdict review(String... lines) throws Exception {
    return reviewer.review(request(Diffs.insert("src/app/Config.java", 9, "// config", lines)));
  }

  @Test
  void knownKeyFormatsAreFoundWithTheirLine() throws Exception {
    // AWS's documented example key, a GitHub-shaped token, a Slack-shaped token, a key block
    Verdict verdict =
        review(
            "String id = \"AKIAIOSFODNN7EXAMPLE\";",
            "aws_secret_access_key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"",
            String.join("", "String gh = \"ghp_", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "\";"),
            String.join("", "String slack = \"xoxb-", "123456789012-abcdefABCDEF", "\";"),
            "-----BEGIN RSA PRIVATE KEY-----");

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.REJECT);
    assertThat(verdict.findings())
        .extracting(Finding::rule)
        .containsExactly(
            "secret-aws-access-key",
            "secret-aws-secret-key",
            "secret-github-token",
            "secret-slack-token",
            "secret-private-key");
    assertThat(verdict.findings())
        .extracting(f -> f.lines().orElseThrow())
        .containsExactly(
            LineRange.line(10),
            LineRange.line(11),
            LineRange.line(12),
            LineRange.line(13),
            LineRange.line(14));
    assertThat(verdict.findings())
        .allSatisfy(
            f -> {
              assertThat(f.path()).contains(RepoPath.of("src/app/Config.java"));
              assertThat(f.advice()).isEqualTo(Advice.FIX_NOW);
            });
  }

  @Test
  void messagesNeverRepeatTheSecret() throws Exception {
    Verdict verdict = review("String id = \"AKIAIOSFODNN7EXAMPLE\";");

    assertThat(verdict.findings().get(0).message())
        .doesNotContain("AKIAIOSFODNN7EXAMPLE")
        .contains("AKIA…");
  }

  @Test
  void aHighEntropyStringIsFoundAndRejectedWhenNamedLikeASecret() throws Exception {
    Verdict named = review("api_key = \"Zx8qL2vT9mWc4RbN7yHf3KpJ6sDg1QaE\"");
    Verdict anonymous = review("String blob = \"Zx8qL2vT9mWc4RbN7yHf3KpJ6sDg1QaE\";");

    assertThat(named.outcome()).isEqualTo(VerdictOutcome.REJECT);
    assertThat(named.findings()).extracting(Finding::rule).containsExactly("secret-high-entropy");
    assertThat(anonymous.outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(anonymous.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.advice()).isEqualTo(Advice.MAY_DEFER));
  }

  @Test
  void ordinaryCodeDigestsAndLockfilesPass() throws Exception {
    Verdict code =
        review(
            "private static final String PACKAGE = \"dev.signalbox.reviewers.builtin\";",
            "String commit = \"9fceb02d0ae598e95dc970b74767f19372d61af8\";",
            "String sha = \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\";",
            "return computeTheTotalAmountForTheCustomer(order);");
    Verdict lockfile =
        reviewer.review(
            request(
                Diffs.newFile(
                    "package-lock.json",
                    "\"integrity\": \"sha512-Zx8qL2vT9mWc4RbN7yHf3KpJ6sDg1QaEZx8qL2vT9mWc4Rb==\"")));

    assertThat(code.outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(code.findings()).isEmpty();
    assertThat(lockfile.findings()).isEmpty();
  }

  @Test
  void removedLinesAreNotReviewed() throws Exception {
    String diff =
        """
        diff --git a/a.env b/a.env
        --- a/a.env
        +++ b/a.env
        @@ -1,1 +0,0 @@
        -AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
        """;

    assertThat(reviewer.review(request(diff)).findings()).isEmpty();
  }
}
