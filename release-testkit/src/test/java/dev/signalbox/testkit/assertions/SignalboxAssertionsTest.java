package dev.signalbox.testkit.assertions;

import static dev.signalbox.testkit.assertions.SignalboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalboxAssertionsTest {
  private static final ChangeRef AUTH = ChangeRef.of("acme/api", "101");
  private static final ChangeRef DOCS = ChangeRef.of("acme/api", "102");
  private static final ChangeRef LATE = ChangeRef.of("acme/web", "7");
  private static final Revision HEAD = Revision.of("a".repeat(40));
  private static final ContentDigest DIGEST = ContentDigest.of("b".repeat(64));
  private static final PolicyDigest POLICY = PolicyDigest.of("c".repeat(64));
  private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
  private static final Agent REVIEWER = new Agent("sec-1", "claude-sonnet", "claude", "alice");

  private static Decision notYetForFreeze() {
    return new Decision(
        AUTH,
        HEAD,
        Outcome.NOT_YET,
        List.of(Reason.of("freeze", "incident freeze on auth")),
        List.of(
            new RequiredAction(
                "risk-acceptance", "needs a risk acceptance signed by a release-manager")),
        Optional.of(NOON),
        POLICY);
  }

  @Test
  void decisionAssertionsPassOnWhatIsTrue() {
    assertThat(notYetForFreeze())
        .isNotYet()
        .hasReasonFrom("freeze")
        .hasNoReasonFrom("quorum")
        .requires("release-manager")
        .hasEarliestRetry(NOON)
        .hasPolicyDigest(POLICY);
  }

  @Test
  void decisionAssertionsFailWithTheReasons() {
    assertThatThrownBy(() -> assertThat(notYetForFreeze()).isShip())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be SHIP but was NOT_YET")
        .hasMessageContaining("[freeze] incident freeze on auth");
    assertThatThrownBy(() -> assertThat(notYetForFreeze()).hasReasonFrom("quorum"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a reason from rule <quorum>");
    assertThatThrownBy(() -> assertThat(notYetForFreeze()).requires("security reviewer"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("<security reviewer>");
  }

  @Test
  void verdictAssertions() {
    Verdict timedOut =
        Verdict.abstain(
            AUTH,
            REVIEWER,
            RiskSurface.SECURITY,
            DIGEST,
            NOON,
            AbstainCause.TIMED_OUT,
            "no answer in 30s");
    assertThat(timedOut)
        .abstains()
        .abstainsBecause(AbstainCause.TIMED_OUT)
        .isOn(RiskSurface.SECURITY);
    assertThatThrownBy(() -> assertThat(timedOut).approves())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be APPROVE but was ABSTAIN (TIMED_OUT: no answer in 30s)");

    Verdict rejection =
        new Verdict(
            AUTH,
            REVIEWER,
            RiskSurface.SECURITY,
            VerdictOutcome.REJECT,
            Optional.empty(),
            List.of(
                new Finding(
                    Optional.of(RepoPath.of("src/auth/Keys.java")),
                    Optional.empty(),
                    Severity.CRITICAL,
                    Advice.FIX_NOW,
                    "hardcoded-secret",
                    "an API key in source",
                    Optional.empty(),
                    0.97)),
            DIGEST,
            NOON);
    assertThat(rejection).rejects().hasFixNow().hasFindingFrom("hardcoded-secret");
    assertThatThrownBy(() -> assertThat(rejection).hasFindingFrom("sql-injection"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("<sql-injection>");
  }

  @Test
  void trainAssertions() {
    Train train =
        new Train(
            TrainId.of("2026-11-26-api"),
            Scope.everything(),
            NOON,
            TrainState.PLANNED,
            List.of(
                new MergeGroup(List.of(new Car(AUTH, HEAD, DIGEST, RevertCheck.clean()))),
                new MergeGroup(List.of(new Car(DOCS, HEAD, DIGEST, RevertCheck.notChecked())))),
            List.of(
                new Carryover(LATE, List.of(Reason.of("dependency", "waits for acme/api#99")))));
    assertThat(train)
        .hasMergeGroups(2)
        .boards(AUTH)
        .boardsInGroup(DOCS, 1)
        .boardsBefore(AUTH, DOCS)
        .carriesOver(LATE)
        .carriesOverBecauseOf(LATE, "dependency");
    assertThatThrownBy(() -> assertThat(train).boards(LATE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("it was carried over")
        .hasMessageContaining("waits for acme/api#99");
    assertThatThrownBy(() -> assertThat(train).boardsBefore(DOCS, AUTH))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("their groups were 1 and 0");
  }
}
