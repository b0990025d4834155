package dev.signalbox.testkit.board;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.spi.Blob;
import dev.signalbox.core.spi.ChangeSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A change to the auth component and what the board's tests need around it. */
final class Fixtures {
  static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
  static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  static final Agent PRODUCER = new Agent("builder-1", "claude-sonnet", "claude", "op-alice");
  static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));

  /** A HIGH blast radius change touching security: CODE_QUALITY and SECURITY, 2 from 2 each. */
  static final ChangeRequest CHANGE =
      ChangeRequest.builder(ChangeId.of("1207"))
          .repository("acme/shop")
          .title("Rotate session keys daily")
          .producer(PRODUCER)
          .owner(Human.of("alice", "Alice", "engineer"))
          .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
          .contentDigest(DIGEST)
          .changes(ChangeSet.of(FileChange.modified("src/auth/Sessions.java", 12, 3)))
          .blastRadius(
              new BlastRadius(
                  BlastLevel.HIGH,
                  Set.of("auth"),
                  Set.of("@acme/auth"),
                  Set.of(SensitiveKind.SECURITY)))
          .declaredScope(Scope.ofPaths("src/**"))
          .rollback(RollbackPlan.revert())
          .proposedAt(START.minus(Duration.ofHours(1)))
          .build();

  static final ChangeSnapshot SNAPSHOT =
      new ChangeSnapshot(
          "diff --git a/src/auth/Sessions.java b/src/auth/Sessions.java\n",
          Map.of(RepoPath.of("src/auth/Sessions.java"), Blob.ofUtf8("class Sessions {}\n")),
          false);

  private Fixtures() {}

  static Agent agent(String id, String family) {
    return new Agent(id, family + "-model", family, "op-review");
  }

  /**
   * The policy's decision on {@code change} an hour after {@link #START}, given the board's result.
   */
  static Decision decide(ChangeRequest change, BoardResult board) {
    return POLICY.decide(
        change,
        new ReleaseContext(
            START.plus(Duration.ofHours(1)),
            ReleaseCalendar.empty(),
            Evidence.of(board.verdicts(), List.of(), List.of(), List.of(), List.of()),
            List.of(),
            Set.copyOf(change.dependsOn())));
  }
}
