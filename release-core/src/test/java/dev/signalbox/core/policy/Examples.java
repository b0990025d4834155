package dev.signalbox.core.policy;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small values for the policy's tests. */
final class Examples {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private Examples() {}

  static ChangeRequest change() {
    return ChangeRequest.builder(ChangeId.of("42"))
        .repository("acme/shop")
        .title("Fix the login redirect")
        .producer(new Agent("builder-1", "claude-sonnet", "claude", "op-alice"))
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
        .contentDigest(ContentDigest.of("c".repeat(64)))
        .changes(ChangeSet.of(FileChange.modified("src/web/Login.java", 3, 1)))
        .blastRadius(BlastRadius.of(BlastLevel.LOW, "web"))
        .declaredScope(Scope.ofPaths("src/**"))
        .rollback(RollbackPlan.revert())
        .proposedAt(NOW)
        .build();
  }

  static Verdict verdict() {
    ChangeRequest change = change();
    return new Verdict(
        change.ref(),
        new Agent("critic-1", "gpt-5", "gpt", "op-review"),
        RiskSurface.CODE_QUALITY,
        VerdictOutcome.APPROVE,
        Optional.empty(),
        List.of(),
        change.contentDigest(),
        NOW);
  }
}
