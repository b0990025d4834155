package dev.signalbox.core.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.trust.TrustedValues;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-dispatched change: the new revision supersedes the old, old checks go stale, old verdicts
 * stay fresh only on a trivial rebase, and the ledger keeps both attempts.
 */
class SupersessionTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Revision BASE = Revision.of("a".repeat(40));
  private static final Revision FIRST = Revision.of("1".repeat(40));
  private static final Revision SECOND = Revision.of("2".repeat(40));
  private static final Revision REBASED = Revision.of("3".repeat(40));
  private static final ContentDigest FIRST_CONTENT = ContentDigest.of("c".repeat(64));
  private static final ContentDigest SECOND_CONTENT = ContentDigest.of("e".repeat(64));
  private static final ReleasePolicy POLICY =
      ReleasePolicy.loader()
          .load(
              """
              formatVersion: 1
              name: checked
              rollback: {irreversible: [], forIrreversible: [MANUAL]}
              review:
                always: [CODE_QUALITY]
                quorum: {LOW: 1, MEDIUM: 1, HIGH: 1, CRITICAL: 1}
                distinctFamilies: {LOW: 1, MEDIUM: 1, HIGH: 1, CRITICAL: 1}
                riskyAbove: 1
                sameOperator: false
              emergency: {acceptanceRoles: [], postReview: P2D}
              requiredChecks: [build]
              """);

  @TempDir Path directory;

  @Test
  void aRedispatchedChangeIsDecidedOnItsNewRevisionAndTheLedgerKeepsBothAttempts() {
    ChangeRequest first = change(FIRST, FIRST_CONTENT);
    ChangeRequest second = redispatch(first, SECOND, SECOND_CONTENT);
    ChangeRequest rebased = redispatch(second, REBASED, SECOND_CONTENT);

    try (Ledger ledger =
        Ledger.builder(Ledger.fileStore(directory))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .checkpoints(Ed25519Signer.generate(), "signalbox.dev/test")
            .open()) {
      ledger.append(Supersession.proposal(first));
      // the first attempt passes its check and is approved
      List<CheckRun> runs = List.of(build(FIRST));
      List<Verdict> verdicts = List.of(approve(first));
      assertThat(decide(first, runs, verdicts).outcome()).isEqualTo(Outcome.SHIP);

      // the wave drifted: run it again; nothing said about the first attempt counts
      Supersession redispatch = Supersession.of(first, second);
      assertThat(redispatch.trivialRebase()).isFalse();
      ledger.append(Supersession.proposal(second));
      Decision stale = decide(second, runs, verdicts);
      assertThat(stale.outcome()).isEqualTo(Outcome.NOT_YET);
      assertThat(stale.reasons())
          .extracting(Reason::message)
          .contains(
              "required check build has not run on the head commit 222222222222; its run on"
                  + " 111111111111 is stale and counts for nothing",
              "verdict by critic-1 on CODE_QUALITY is stale: it read content "
                  + FIRST_CONTENT
                  + ", not "
                  + SECOND_CONTENT);
      runs = List.of(build(FIRST), build(SECOND));
      verdicts = List.of(approve(first), approve(second));
      assertThat(decide(second, runs, verdicts).outcome()).isEqualTo(Outcome.SHIP);

      // a trivial rebase keeps the content digest: the verdicts still count, the checks do not
      Supersession rebase = Supersession.of(second, rebased);
      assertThat(rebase.trivialRebase()).isTrue();
      ledger.append(Supersession.proposal(rebased));
      ledger.append(Supersession.proposal(rebased)); // proposed twice: still one attempt
      Decision afterRebase = decide(rebased, runs, verdicts);
      assertThat(afterRebase.outcome()).isEqualTo(Outcome.NOT_YET);
      assertThat(afterRebase.reasons()).allMatch(r -> !r.rule().equals("review-quorum"));
      runs = List.of(build(FIRST), build(SECOND), build(REBASED));
      assertThat(decide(rebased, runs, verdicts).outcome()).isEqualTo(Outcome.SHIP);

      ChangeHistory history = ChangeHistory.of(ledger, first.ref());
      assertThat(history.attempts())
          .extracting(ChangeHistory.Attempt::head)
          .containsExactly(FIRST, SECOND, REBASED);
      assertThat(history.current()).map(ChangeHistory.Attempt::head).contains(REBASED);
      assertThat(history.superseded())
          .extracting(ChangeHistory.Attempt::head)
          .containsExactly(FIRST, SECOND);
      assertThat(history.supersessions()).containsExactly(redispatch, rebase);
      assertThat(
              ChangeHistory.of(ledger, dev.signalbox.core.model.ChangeRef.of("acme/shop", "9"))
                  .current())
          .isEmpty();
    }
  }

  @Test
  void onlyARevisionOfTheSameChangeSupersedesIt() {
    ChangeRequest first = change(FIRST, FIRST_CONTENT);
    ChangeRequest other = first.toBuilder().repository("acme/other").build();
    assertThatThrownBy(() -> Supersession.of(first, other))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("next must be a revision of the same change, acme/shop#42");
    assertThatThrownBy(() -> Supersession.of(first, first))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("head must differ from the head it supersedes");
  }

  private static Decision decide(
      ChangeRequest change, List<CheckRun> runs, List<Verdict> verdicts) {
    return POLICY.decide(
        change,
        ReleaseContext.at(NOW)
            .withEvidence(
                Evidence.of(
                    verdicts.stream().map(TrustedValues::fromBoard).toList(),
                    List.of(),
                    List.of(),
                    runs,
                    List.of())));
  }

  private static ChangeRequest change(Revision head, ContentDigest digest) {
    return ChangeRequest.builder(ChangeId.of("42"))
        .repository("acme/shop")
        .title("Cart totals")
        .producer(new Agent("builder-1", "claude-sonnet", "claude", "op-alice"))
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(BASE, head)
        .contentDigest(digest)
        .changes(ChangeSet.of(FileChange.modified("src/cart/Cart.java", 5, 2)))
        .blastRadius(BlastRadius.of(BlastLevel.LOW, "cart"))
        .declaredScope(Scope.ofPaths("src/**"))
        .rollback(RollbackPlan.revert())
        .proposedAt(NOW.minus(Duration.ofHours(2)))
        .build();
  }

  private static ChangeRequest redispatch(
      ChangeRequest change, Revision head, ContentDigest digest) {
    return change.toBuilder().revisions(BASE, head).contentDigest(digest).build();
  }

  private static CheckRun build(Revision commit) {
    return new CheckRun(
        "build",
        CheckConclusion.SUCCESS,
        commit,
        NOW.minus(Duration.ofMinutes(10)),
        Optional.empty(),
        Optional.empty());
  }

  private static Verdict approve(ChangeRequest change) {
    return new Verdict(
        change.ref(),
        new Agent("critic-1", "gpt-5", "gpt", "op-review"),
        RiskSurface.CODE_QUALITY,
        VerdictOutcome.APPROVE,
        Optional.empty(),
        List.of(),
        change.contentDigest(),
        NOW.minus(Duration.ofMinutes(5)));
  }
}
