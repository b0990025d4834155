package dev.signalbox.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.trust.TrustedValues;
import dev.signalbox.core.verification.MismatchCost;
import dev.signalbox.core.verification.MismatchKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code required-checks} and {@code agent-claims} rules through the policy engine. */
class VerificationRulesTest {
  private static final Instant NOW = Examples.NOW;
  private static final ReleasePolicy POLICY =
      ReleasePolicy.loader()
          .load(DefaultPolicy.TEXT.replace("requiredChecks: []", "requiredChecks: [build, test]"));
  private static final Revision OLD_HEAD = Revision.of("d".repeat(40));

  @Test
  void thePolicyFileConfiguresTheRequiredChecksAndTheDefaultsRequireNone() {
    assertThat(POLICY.definition().requiredChecks()).containsExactlyInAnyOrder("build", "test");
    assertThat(ReleasePolicy.defaults().definition().requiredChecks()).isEmpty();
    assertThat(ReleasePolicy.defaults().definition().claimCost(MismatchKind.UNCLAIMED_FILE))
        .isEqualTo(MismatchCost.NOT_YET);
    ReleasePolicy lenient =
        ReleasePolicy.loader()
            .load(DefaultPolicy.TEXT.replace("UNCLAIMED_FILE: NOT_YET", "UNCLAIMED_FILE: NOTE"));
    assertThat(lenient.definition().claimCost(MismatchKind.UNCLAIMED_FILE))
        .isEqualTo(MismatchCost.NOTE);
    assertThat(lenient.digest()).isNotEqualTo(ReleasePolicy.defaults().digest());
  }

  @Test
  void aBadCostIsReportedAtItsPath() {
    assertThatThrownBy(
            () ->
                ReleasePolicy.loader()
                    .load(
                        DefaultPolicy.TEXT.replace(
                            "UNCLAIMED_FILE: NOT_YET", "UNCLAIMED_FILE: MAYBE")))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageContaining("claimCosts");
  }

  @Test
  void passedRequiredChecksOnTheHeadShip() {
    ChangeRequest change = Examples.change();
    Decision decision =
        decide(
            change,
            run("build", CheckConclusion.SUCCESS, change.head()),
            run("test", CheckConclusion.NEUTRAL, change.head()));
    assertThat(decision.outcome()).isEqualTo(Outcome.SHIP);
  }

  @Test
  void aMissingRequiredCheckHoldsTheChange() {
    ChangeRequest change = Examples.change();
    Decision decision = decide(change, run("build", CheckConclusion.SUCCESS, change.head()));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "required-checks"))
        .containsExactly("required check test has not run on the head commit bbbbbbbbbbbb");
    assertThat(actions(decision, "required-checks")).containsExactly("run test on bbbbbbbbbbbb");
  }

  @Test
  void aCheckOnAnotherCommitIsStaleAndCountsForNothing() {
    ChangeRequest change = Examples.change();
    Decision decision =
        decide(
            change,
            run("build", CheckConclusion.SUCCESS, change.head()),
            run("test", CheckConclusion.SUCCESS, OLD_HEAD));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "required-checks"))
        .containsExactly(
            "required check test has not run on the head commit bbbbbbbbbbbb; its run on"
                + " dddddddddddd is stale and counts for nothing");
  }

  @Test
  void aFailedTimedOutOrCancelledRequiredCheckSendsBack() {
    ChangeRequest change = Examples.change();
    for (CheckConclusion failing :
        List.of(CheckConclusion.FAILURE, CheckConclusion.TIMED_OUT, CheckConclusion.CANCELLED)) {
      Decision decision =
          decide(
              change,
              run("build", failing, change.head()),
              run("test", CheckConclusion.SUCCESS, change.head()));
      assertThat(decision.outcome()).as("%s", failing).isEqualTo(Outcome.SEND_BACK);
      assertThat(messages(decision, "required-checks"))
          .containsExactly(
              "required check build ended " + failing + " on the head commit bbbbbbbbbbbb");
      assertThat(decision.reasons().stream().filter(r -> r.rule().equals("required-checks")))
          .allSatisfy(
              r -> assertThat(r.evidence()).containsEntry("link", "https://ci.example/build"));
    }
  }

  @Test
  void aSkippedRequiredCheckHoldsTheChangeUnlikeOnGitHub() {
    ChangeRequest change = Examples.change();
    Decision decision =
        decide(
            change,
            run("build", CheckConclusion.SKIPPED, change.head()),
            run("test", CheckConclusion.SUCCESS, change.head()));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "required-checks"))
        .containsExactly(
            "required check build was skipped on the head commit bbbbbbbbbbbb, which proves"
                + " nothing");
  }

  @Test
  void theLatestRunOnTheHeadDecidesAndATieGoesToTheFailure() {
    ChangeRequest change = Examples.change();
    CheckRun failedEarlier =
        run("build", CheckConclusion.FAILURE, change.head(), NOW.minus(Duration.ofHours(2)));
    CheckRun passedLater =
        run("build", CheckConclusion.SUCCESS, change.head(), NOW.minus(Duration.ofHours(1)));
    CheckRun test = run("test", CheckConclusion.SUCCESS, change.head());
    assertThat(decide(change, failedEarlier, passedLater, test).outcome()).isEqualTo(Outcome.SHIP);
    CheckRun failedAtOnce =
        run("build", CheckConclusion.FAILURE, change.head(), NOW.minus(Duration.ofHours(1)));
    assertThat(decide(change, passedLater, failedAtOnce, test).outcome())
        .isEqualTo(Outcome.SEND_BACK);
    assertThat(decide(change, failedAtOnce, passedLater, test).outcome())
        .isEqualTo(Outcome.SEND_BACK);
  }

  @Test
  void switchedOffTheRequiredChecksHoldNothing() {
    ReleasePolicy off =
        ReleasePolicy.loader()
            .load(
                DefaultPolicy.TEXT
                    .replace("requiredChecks: []", "requiredChecks: [build]")
                    .replace("disabled: []", "disabled: [required-checks]"));
    ChangeRequest change = Examples.change();
    assertThat(off.decide(change, context(change, List.of())).outcome()).isEqualTo(Outcome.SHIP);
  }

  @Test
  void claimsThatMatchTheChangeShip() {
    ChangeRequest change =
        claiming(
            new Claims(
                Set.of(RepoPath.of("src/web/Login.java")),
                Set.of(),
                Set.of(),
                Set.of("LoginTest"),
                List.of("mvn test")));
    CheckRun build = testRun(change.head(), "com.acme.LoginTest#redirects");
    assertThat(decide(change, build, run("test", CheckConclusion.SUCCESS, change.head())).outcome())
        .isEqualTo(Outcome.SHIP);
  }

  @Test
  void aClaimedFileThatIsAbsentSendsBack() {
    ChangeRequest change =
        claiming(
            new Claims(
                Set.of(RepoPath.of("src/web/Login.java"), RepoPath.of("src/web/LoginTest.java")),
                Set.of(),
                Set.of(),
                Set.of(),
                List.of()));
    Decision decision = ReleasePolicy.defaults().decide(change, context(change, List.of()));
    assertThat(decision.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(messages(decision, "agent-claims"))
        .containsExactly(
            "claimed-file-absent: the agent claims to have written src/web/LoginTest.java (the"
                + " change does not write it)");
    Reason reason =
        decision.reasons().stream().filter(r -> r.rule().equals("agent-claims")).findFirst().get();
    assertThat(reason.evidence())
        .containsEntry("code", "claimed-file-absent")
        .containsEntry("count", "1")
        .containsEntry("subjects", "src/web/LoginTest.java");
  }

  @Test
  void anUnclaimedFileInsideTheScopeHoldsAndOutsideItIsNotedBesideScopeDrift() {
    ChangeRequest inside =
        Examples.change().toBuilder()
            .changes(
                ChangeSet.of(
                    FileChange.modified("src/web/Login.java", 3, 1),
                    FileChange.added("src/web/Session.java", 10)))
            .claims(claimsOf("src/web/Login.java"))
            .build();
    Decision held = ReleasePolicy.defaults().decide(inside, context(inside, List.of()));
    assertThat(held.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(held, "agent-claims"))
        .containsExactly(
            "unclaimed-file: the agent does not claim src/web/Session.java (the change writes"
                + " it)");

    ChangeRequest outside =
        Examples.change().toBuilder()
            .changes(
                ChangeSet.of(
                    FileChange.modified("src/web/Login.java", 3, 1),
                    FileChange.modified("build.gradle", 1, 1)))
            .claims(claimsOf("src/web/Login.java"))
            .build();
    Decision drifted = ReleasePolicy.defaults().decide(outside, context(outside, List.of()));
    assertThat(drifted.outcome()).isEqualTo(Outcome.SEND_BACK);
    assertThat(messages(drifted, "scope-drift")).hasSize(1);
    assertThat(actions(drifted, "agent-claims")).isEmpty();
    assertThat(messages(drifted, "agent-claims"))
        .containsExactly(
            "unclaimed-file-outside-scope: the agent does not claim, outside the scope,"
                + " build.gradle (the change writes it, outside its declared scope)");
  }

  @Test
  void aClaimedTestThatNoFreshCheckRanHoldsTheChange() {
    ChangeRequest change =
        claiming(
            new Claims(
                Set.of(RepoPath.of("src/web/Login.java")),
                Set.of(),
                Set.of(),
                Set.of("LoginTest"),
                List.of()));
    Decision stale =
        ReleasePolicy.defaults()
            .decide(change, context(change, List.of(testRun(OLD_HEAD, "LoginTest"))));
    assertThat(stale.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(stale, "agent-claims"))
        .containsExactly(
            "claimed-test-not-run: the agent claims to have run LoginTest (no check on"
                + " bbbbbbbbbbbb reports the tests it ran)");
  }

  @Test
  void aPolicyMayRaiseTheCostOfAMismatch() {
    ReleasePolicy strict =
        ReleasePolicy.loader()
            .load(
                DefaultPolicy.TEXT.replace(
                    "CLAIMED_TEST_NOT_RUN: NOT_YET", "CLAIMED_TEST_NOT_RUN: SEND_BACK"));
    ChangeRequest change =
        claiming(
            new Claims(
                Set.of(RepoPath.of("src/web/Login.java")),
                Set.of(),
                Set.of(),
                Set.of("LoginTest"),
                List.of()));
    assertThat(strict.decide(change, context(change, List.of())).outcome())
        .isEqualTo(Outcome.SEND_BACK);
  }

  private static ChangeRequest claiming(Claims claims) {
    return Examples.change().toBuilder().claims(claims).build();
  }

  private static Claims claimsOf(String... written) {
    Set<RepoPath> paths = new java.util.TreeSet<>();
    for (String path : written) {
      paths.add(RepoPath.of(path));
    }
    return new Claims(paths, Set.of(), Set.of(), Set.of(), List.of());
  }

  private Decision decide(ChangeRequest change, CheckRun... runs) {
    return POLICY.decide(change, context(change, List.of(runs)));
  }

  private static ReleaseContext context(ChangeRequest change, List<CheckRun> runs) {
    Verdict approval =
        new Verdict(
            change.ref(),
            new Agent("critic-1", "gpt-5", "gpt", "op-review"),
            RiskSurface.CODE_QUALITY,
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(),
            change.contentDigest(),
            NOW.minus(Duration.ofMinutes(5)));
    return ReleaseContext.at(NOW)
        .withEvidence(
            Evidence.of(
                List.of(TrustedValues.fromBoard(approval)),
                List.of(),
                List.of(),
                new ArrayList<>(runs),
                List.of()));
  }

  private static CheckRun run(String name, CheckConclusion conclusion, Revision commit) {
    return run(name, conclusion, commit, NOW.minus(Duration.ofMinutes(30)));
  }

  private static CheckRun run(
      String name, CheckConclusion conclusion, Revision commit, Instant completedAt) {
    return new CheckRun(
        name,
        conclusion,
        commit,
        completedAt,
        Optional.of(URI.create("https://ci.example/" + name)),
        Optional.empty());
  }

  private static CheckRun testRun(Revision commit, String... tests) {
    return new CheckRun(
        "build",
        CheckConclusion.SUCCESS,
        commit,
        NOW.minus(Duration.ofMinutes(20)),
        Optional.empty(),
        Optional.of(Set.of(tests)));
  }

  private static List<String> messages(Decision decision, String rule) {
    return decision.reasons().stream()
        .filter(r -> r.rule().equals(rule))
        .map(Reason::message)
        .toList();
  }

  private static List<String> actions(Decision decision, String rule) {
    return decision.required().stream()
        .filter(r -> r.rule().equals(rule))
        .map(RequiredAction::action)
        .toList();
  }
}
