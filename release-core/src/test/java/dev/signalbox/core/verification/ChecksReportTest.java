package dev.signalbox.core.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where each check stands on the head commit: fresh runs count, others are stale. */
class ChecksReportTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Revision HEAD = Revision.of("b".repeat(40));
  private static final Revision OLD = Revision.of("d".repeat(40));

  @Test
  void judgesEveryRequiredAndReportedCheckOnTheHead() {
    CheckRun lintOld = run("lint", CheckConclusion.SUCCESS, OLD, 3);
    CheckRun buildFailed = run("build", CheckConclusion.FAILURE, HEAD, 3);
    CheckRun buildPassed = run("build", CheckConclusion.SUCCESS, HEAD, 1);
    CheckRun docs = run("docs", CheckConclusion.SKIPPED, HEAD, 1);
    ChecksReport report =
        ChecksReport.of(
            change(),
            Set.of("build", "lint", "e2e"),
            List.of(lintOld, docs, buildPassed, buildFailed));
    assertThat(report.checks())
        .extracting(s -> s.name() + " " + s.required() + " " + s.state())
        .containsExactly(
            "build true PASSED", "docs false SKIPPED", "e2e true MISSING", "lint true STALE");
    assertThat(report.checks().get(0).latest()).contains(buildPassed);
    assertThat(report.checks().get(3).stale()).containsExactly(lintOld);
    assertThat(report.required())
        .extracting(CheckStatus::name)
        .containsExactly("build", "e2e", "lint");
    assertThat(report.requiredPassed()).isFalse();
    assertThat(
            ChecksReport.of(change(), Set.of("build"), List.of(buildFailed, buildPassed))
                .requiredPassed())
        .isTrue();
  }

  @Test
  void theStateFollowsGitHubExceptForSkipped() {
    assertThat(CheckState.of(CheckConclusion.SUCCESS)).isEqualTo(CheckState.PASSED);
    assertThat(CheckState.of(CheckConclusion.NEUTRAL)).isEqualTo(CheckState.PASSED);
    assertThat(CheckState.of(CheckConclusion.FAILURE)).isEqualTo(CheckState.FAILED);
    assertThat(CheckState.of(CheckConclusion.TIMED_OUT)).isEqualTo(CheckState.FAILED);
    assertThat(CheckState.of(CheckConclusion.CANCELLED)).isEqualTo(CheckState.FAILED);
    assertThat(CheckState.of(CheckConclusion.SKIPPED)).isEqualTo(CheckState.SKIPPED);
  }

  @Test
  void aStatusMustAgreeWithItsRuns() {
    CheckRun passed = run("build", CheckConclusion.SUCCESS, HEAD, 1);
    assertThatThrownBy(
            () -> new CheckStatus("build", true, CheckState.FAILED, Optional.of(passed), List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("state must follow the latest run's conclusion");
    assertThatThrownBy(
            () -> new CheckStatus("build", true, CheckState.STALE, Optional.empty(), List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("stale must not be empty for a STALE check");
    assertThatThrownBy(
            () ->
                new CheckStatus("build", true, CheckState.MISSING, Optional.of(passed), List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("latest must be absent for a MISSING check");
  }

  private static CheckRun run(
      String name, CheckConclusion conclusion, Revision commit, int hoursAgo) {
    return new CheckRun(
        name,
        conclusion,
        commit,
        NOW.minus(Duration.ofHours(hoursAgo)),
        Optional.empty(),
        Optional.empty());
  }

  private static ChangeRequest change() {
    return ChangeRequest.builder(ChangeId.of("7"))
        .repository("acme/shop")
        .title("Cart totals")
        .producer(new Agent("builder-1", "claude-sonnet", "claude", "op-alice"))
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), HEAD)
        .contentDigest(ContentDigest.of("c".repeat(64)))
        .changes(ChangeSet.of(FileChange.modified("src/cart/Cart.java", 5, 2)))
        .blastRadius(BlastRadius.of(BlastLevel.LOW, "cart"))
        .declaredScope(Scope.ofPaths("src/**"))
        .proposedAt(NOW)
        .build();
  }
}
