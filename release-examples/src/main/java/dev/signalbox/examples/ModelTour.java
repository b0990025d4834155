package dev.signalbox.examples;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.DocumentProblem;
import dev.signalbox.core.json.InvalidDocumentException;
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
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Set;

/**
 * A tour of Signalbox's model: build a request for change, write it as JSON, read a freeze window a
 * person wrote in YAML, and see every problem of a broken document reported at once.
 *
 * <p>Every build runs it through {@code ModelTourTest}, which checks what it prints.
 */
public final class ModelTour {
  private ModelTour() {}

  /** Runs the tour, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the tour, printing to {@code out}. */
  public static void run(PrintStream out) {
    ChangeRequest migration =
        ChangeRequest.builder(ChangeId.of("815"))
            .repository("acme/payments")
            .title("Add idempotency keys to card authorisations")
            .producer(new Agent("builder-7", "claude-sonnet-4.5", "claude", "dana"))
            .owner(Human.of("dana", "Dana Ruiz", "release-manager"))
            .revisions(
                Revision.of("1f0e4c2b9a7d6e5f4c3b2a1908f7e6d5c4b3a291"),
                Revision.of("7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9a8b"))
            .contentDigest(
                ContentDigest.of(
                    "5d4c3b2a19f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1903f2e1d0c9b8a7f6e"))
            .changes(
                ChangeSet.of(
                    FileChange.added("db/migrations/V42__idempotency_keys.sql", 14),
                    FileChange.modified("services/payments/Authorizer.java", 40, 6)))
            .blastRadius(
                new BlastRadius(
                    BlastLevel.HIGH,
                    Set.of("payments"),
                    Set.of("@acme/payments"),
                    Set.of(SensitiveKind.SCHEMA_MIGRATION)))
            .declaredScope(Scope.ofPaths("db/migrations/**", "services/payments/**"))
            .changeClass(ChangeClass.NORMAL)
            .criticality(Criticality.HIGH)
            .rollback(
                RollbackPlan.of(
                    RollbackKind.MIGRATION_DOWN,
                    "run V42 down migration",
                    "revert services/payments/Authorizer.java"))
            .proposedAt(Instant.parse("2026-11-26T08:45:00Z"))
            .build();

    out.println("== A request for change, as JSON");
    out.println(DocumentCodec.json().write(migration));
    out.println(
        "declared scope covers the migration: "
            + migration
                .declaredScope()
                .covers(RepoPath.of("db/migrations/V42__idempotency_keys.sql")));

    out.println();
    out.println("== A freeze window written by a person, read from YAML");
    FreezeWindow freeze =
        DocumentCodec.yaml().read(Resources.text("incident-freeze.yaml"), FreezeWindow.class);
    out.println(freeze.id() + " (" + freeze.level() + "): " + freeze.reason());
    out.println(
        "covers services/payments/Retry.java: "
            + freeze.scope().covers(RepoPath.of("services/payments/Retry.java")));
    out.println(
        "covers services/payments/docs/README.md: "
            + freeze.scope().covers(RepoPath.of("services/payments/docs/README.md")));

    out.println();
    out.println("== A broken change request: every problem at once");
    try {
      DocumentCodec.yaml().read(Resources.text("broken-change.yaml"), ChangeRequest.class);
      throw new IllegalStateException("the broken document was accepted");
    } catch (InvalidDocumentException e) {
      for (DocumentProblem problem : e.problems()) {
        out.println(problem);
      }
    }
  }
}
