package dev.signalbox.reviewers.testing;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeKind;
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
import dev.signalbox.reviewers.internal.UnifiedDiff;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      @@ -1,2 +1,4 @@
       package shop;
      -class Totals {}
      +class Totals {
      +  int sum(int a, int b) { return a + b; }
      +}
      """;

  private Fixtures() {}

  /** The change to {@code src/main/java/shop/Totals.java} that {@link #DIFF} shows. */
  public static ChangeRequest change() {
    return change(
        new ChangeSet(List.of(FileChange.modified("src/main/java/shop/Totals.java", 3, 1))));
  }

  /**
   * The change whose files are those {@code diff} shows (each path once), so that the snapshot
   * check admits {@code diff} as this change's diff; {@link #change()} when {@code diff} shows no
   * file.
   */
  public static ChangeRequest change(String diff) {
    Map<RepoPath, FileChange> files = new LinkedHashMap<>();
    for (UnifiedDiff.FileDiff file : UnifiedDiff.parse(diff).files()) {
      RepoPath path = file.path();
      int added = file.binary() ? 0 : file.added().size();
      int removed = file.binary() ? 0 : file.removedLines();
      ChangeKind kind =
          file.isAdded()
              ? ChangeKind.ADDED
              : file.isDeleted()
                  ? ChangeKind.DELETED
                  : file.oldPath().equals(file.newPath())
                      ? ChangeKind.MODIFIED
                      : ChangeKind.RENAMED;
      Optional<RepoPath> oldPath = kind == ChangeKind.RENAMED ? file.oldPath() : Optional.empty();
      files.putIfAbsent(path, new FileChange(path, oldPath, kind, added, removed, file.binary()));
    }
    return files.isEmpty() ? change() : change(new ChangeSet(List.copyOf(files.values())));
  }

  private static ChangeRequest change(ChangeSet changes) {
    return ChangeRequest.builder(ChangeId.of("42"))
        .repository("acme/shop")
        .title("Fix checkout totals")
        .producer(PRODUCER)
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
        .contentDigest(DIGEST)
        .changes(changes)
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
    return new ReviewRequest(change(diff), surface, DIGEST, snapshot(diff), deadline);
  }

  public static ReviewRequest request(String diff) {
    return request(RiskSurface.SECURITY, diff, NOW.plusSeconds(60));
  }
}
