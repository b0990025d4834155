package dev.signalbox.core.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Claims held against a change set and its checks, mismatch by mismatch. */
class ClaimsReportTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Revision HEAD = Revision.of("b".repeat(40));
  private static final Revision OLD = Revision.of("d".repeat(40));

  private static final ChangeSet CHANGES =
      ChangeSet.of(
          FileChange.modified("src/cart/Cart.java", 5, 2),
          FileChange.added("src/test/java/com/acme/cart/CartTest.java", 40),
          FileChange.deleted("src/cart/OldCart.java", 30),
          FileChange.renamed("src/cart/Price.java", "src/cart/Money.java", 1, 1),
          FileChange.added("tests/test_api.py", 12));

  @Test
  void claimsEqualToRealityHold() {
    ChangeRequest change =
        change(
            claims(
                paths(
                    "src/cart/Cart.java",
                    "src/test/java/com/acme/cart/CartTest.java",
                    "src/cart/Money.java",
                    "tests/test_api.py"),
                paths("src/cart/OldCart.java", "src/cart/Price.java"),
                Set.of("com.acme.cart.CartTest", "tests/test_api.py::test_total"),
                Set.of("CartTest#addsItems")));
    ClaimsReport report =
        ClaimsReport.verify(
            change,
            List.of(
                run(HEAD, "com.acme.cart.CartTest.addsItems", "tests/test_api.py::test_total")));
    assertThat(report.mismatches()).isEmpty();
    assertThat(report.holds()).isTrue();
    assertThat(report.claimsMade()).isTrue();
  }

  @Test
  void noClaimsAreHeldToNothing() {
    ClaimsReport report = ClaimsReport.verify(change(Claims.none()), List.of());
    assertThat(report.claimsMade()).isFalse();
    assertThat(report.holds()).isTrue();
  }

  @Test
  void everyMismatchIsReportedOnceWithItsCode() {
    ChangeRequest change =
        change(
            claims(
                paths("src/cart/Cart.java", "src/cart/Ghost.java", "src/cart/OldCart.java"),
                paths("src/cart/Money.java", "src/cart/Gone.java"),
                Set.of("com.acme.cart.CartTest", "com.acme.cart.GhostTest"),
                Set.of("com.acme.cart.GhostTest", "CartTest")));
    ClaimsReport report = ClaimsReport.verify(change, List.of(run(OLD, "CartTest")));
    assertThat(report.mismatches())
        .extracting(m -> m.kind().code() + " " + m.subject() + ": " + m.detail())
        .containsExactly(
            "claimed-file-absent src/cart/Ghost.java: the change does not write it",
            "claimed-file-absent src/cart/OldCart.java: the change deletes it",
            "claimed-deletion-absent src/cart/Gone.java: the change does not delete it",
            "claimed-deletion-absent src/cart/Money.java: the change writes it",
            "unclaimed-file src/cart/Price.java: the change deletes it",
            "unclaimed-file src/test/java/com/acme/cart/CartTest.java: the change writes it",
            "unclaimed-file-outside-scope tests/test_api.py: the change writes it, outside its"
                + " declared scope",
            "claimed-test-absent com.acme.cart.GhostTest: no file the change writes holds it",
            "claimed-test-not-run CartTest: no check on bbbbbbbbbbbb reports the tests it ran",
            "claimed-test-not-run com.acme.cart.CartTest: no check on bbbbbbbbbbbb reports the"
                + " tests it ran",
            "claimed-test-not-run com.acme.cart.GhostTest: no check on bbbbbbbbbbbb reports the"
                + " tests it ran");
    assertThat(report.of(MismatchKind.CLAIMED_FILE_ABSENT)).hasSize(2);
  }

  @Test
  void aFreshCheckThatRanOtherTestsSaysSo() {
    ChangeRequest change =
        change(
            claims(
                paths(
                    "src/cart/Cart.java",
                    "src/test/java/com/acme/cart/CartTest.java",
                    "src/cart/Money.java",
                    "tests/test_api.py"),
                paths("src/cart/OldCart.java", "src/cart/Price.java"),
                Set.of(),
                Set.of("CartTest", "ApiTest")));
    ClaimsReport report =
        ClaimsReport.verify(
            change, List.of(run(HEAD, "com.acme.cart.CartTest"), run(OLD, "ApiTest")));
    assertThat(report.mismatches())
        .containsExactly(
            new ClaimMismatch(
                MismatchKind.CLAIMED_TEST_NOT_RUN,
                "ApiTest",
                "no check on bbbbbbbbbbbb reports running it"));
  }

  @Test
  void aMismatchIsAFindingWithItsCode() {
    Finding finding =
        new ClaimMismatch(
                MismatchKind.CLAIMED_FILE_ABSENT, "src/A.java", "the change does not write it")
            .toFinding();
    assertThat(finding.rule()).isEqualTo("claimed-file-absent");
    assertThat(finding.path()).contains(RepoPath.of("src/A.java"));
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    assertThat(finding.advice()).isEqualTo(Advice.FIX_NOW);
    assertThat(finding.confidence()).isEqualTo(1.0);
    assertThat(finding.message())
        .isEqualTo("claimed to write src/A.java: the change does not write it");
    Finding note =
        new ClaimMismatch(MismatchKind.UNCLAIMED_FILE_OUTSIDE_SCOPE, "b.gradle", "outside")
            .toFinding();
    assertThat(note.advice()).isEqualTo(Advice.FYI);
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                new ClaimMismatch(MismatchKind.UNCLAIMED_FILE, "/abs/path", "the change writes it"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("/abs/path");
    ClaimMismatch one = new ClaimMismatch(MismatchKind.CLAIMED_TEST_ABSENT, "T", "missing");
    assertThatThrownBy(
            () -> new ClaimsReport(change(Claims.none()).ref(), HEAD, true, List.of(one, one)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("mismatches must report each mismatch once");
    assertThatThrownBy(
            () -> new ClaimsReport(change(Claims.none()).ref(), HEAD, false, List.of(one)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("must be empty when no claims were made");
  }

  private static ChangeRequest change(Claims claims) {
    return ChangeRequest.builder(ChangeId.of("7"))
        .repository("acme/shop")
        .title("Cart totals")
        .producer(new Agent("builder-1", "claude-sonnet", "claude", "op-alice"))
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), HEAD)
        .contentDigest(ContentDigest.of("c".repeat(64)))
        .changes(CHANGES)
        .blastRadius(BlastRadius.of(BlastLevel.LOW, "cart"))
        .declaredScope(Scope.ofPaths("src/**"))
        .claims(claims)
        .proposedAt(NOW)
        .build();
  }

  private static Claims claims(
      Set<RepoPath> written, Set<RepoPath> deleted, Set<String> added, Set<String> run) {
    return new Claims(written, deleted, added, run, List.of("mvn test"));
  }

  private static Set<RepoPath> paths(String... paths) {
    Set<RepoPath> set = new TreeSet<>();
    for (String path : paths) {
      set.add(RepoPath.of(path));
    }
    return set;
  }

  private static CheckRun run(Revision commit, String... tests) {
    return new CheckRun(
        "build",
        CheckConclusion.SUCCESS,
        commit,
        NOW,
        Optional.empty(),
        Optional.of(Set.of(tests)));
  }
}
