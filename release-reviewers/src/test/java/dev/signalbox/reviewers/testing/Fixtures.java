package dev.signalbox.reviewers.testing;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.spi.Blob;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ReviewRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A change, a snapshot and review requests shared by the adapters' tests. */
public final class Fixtures {
  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  public static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));
  public static final Agent REVIEWER = new Agent("sec-bot", "gpt-5", "gpt", "rita");
  public static final Agent PRODUCER = new Agent("builder-7", "claude-sonnet-4.5", "claude", "al");

  public static final String DIFF =
      """
      diff --git a/src/main/java/shop/Totals.java b/src/main/java/shop/Totals.java
      index 1111111..2222222 100644
      --- a/src/main/java/shop/Totals.java
      +++ b/src/main/java/shop/Totals.java
      @@ -1,3 +1,4 @@
       package shop;
      -class Totals {}
      +class Totals {
      +  int sum(int a, int b) { return a + b; }
      +}
      """;

  private Fixtures() {}

  public static ChangeRequest change() {
    return ChangeRequest.builder(ChangeId.of("42"))
        .repository("acme/shop")
        .title("Fix checkout totals")
        .producer(PRODUCER)
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
        .contentDigest(DIGEST)
        .changes(
            new ChangeSet(List.of(FileChange.modified("src/main/java/shop/Totals.java", 3, 1))))
        .blastRadius(new BlastRadius(BlastLevel.LOW, Set.of("checkout"), Set.of(), Set.of()))
        .declaredScope(Scope.ofPaths("src/**"))
        .changeClass(ChangeClass.NORMAL)
        .criticality(Criticality.ROUTINE)
        .rollback(RollbackPlan.revert())
        .proposedAt(NOW.minusSeconds(3600))
        .build();
  }

  public static ChangeSnapshot snapshot(String diff) {
    return new ChangeSnapshot(
        diff,
        Map.of(
            RepoPath.of("src/main/java/shop/Totals.java"),
            Blob.ofUtf8(
                "package shop;\nclass Totals {\n  int sum(int a, int b) { return a + b; }\n}\n")),
        false);
  }

  public static ReviewRequest request(RiskSurface surface, String diff, Instant deadline) {
    return new ReviewRequest(change(), surface, DIGEST, snapshot(diff), deadline);
  }

  public static ReviewRequest request(String diff) {
    return request(RiskSurface.SECURITY, diff, NOW.plusSeconds(60));
  }
}
