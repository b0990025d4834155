package dev.signalbox.core.verification;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeKind;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The producing agent's claims held against the change: every {@link ClaimMismatch}, each reported
 * once, in the order of its kind and then its subject.
 *
 * <p>What the change really did comes from its change set: a file ADDED, MODIFIED, COPIED or
 * RENAMED is written (at its path at head); a file DELETED is deleted, and so is a renamed file's
 * old path (a rename is a write and a deletion, and the agent claims both). A claimed file that the
 * change does not write is {@link MismatchKind#CLAIMED_FILE_ABSENT}; a claimed deletion it does not
 * make is {@link MismatchKind#CLAIMED_DELETION_ABSENT}; a file it writes or deletes that is claimed
 * neither way is {@link MismatchKind#UNCLAIMED_FILE}, or {@link
 * MismatchKind#UNCLAIMED_FILE_OUTSIDE_SCOPE} outside the declared scope. A test claimed added must
 * be held by a file the change writes ({@link MismatchKind#CLAIMED_TEST_ABSENT}); a test claimed
 * added or run must be among the tests a check reports for the change's head commit ({@link
 * MismatchKind#CLAIMED_TEST_NOT_RUN}) — a run on another commit is stale and proves nothing, and a
 * check that does not say which tests it ran proves nothing either. Commands are not verified.
 *
 * @param change the change verified
 * @param head the head revision verified
 * @param claimsMade whether the agent claimed anything; with no claims there is nothing to hold
 *     against the change, and no mismatch
 * @param mismatches every mismatch, each once, by kind and then subject
 */
public record ClaimsReport(
    ChangeRef change, Revision head, boolean claimsMade, List<ClaimMismatch> mismatches) {
  private static final Comparator<ClaimMismatch> ORDER =
      Comparator.comparing(ClaimMismatch::kind).thenComparing(ClaimMismatch::subject);

  /** Checks the fields, refuses a mismatch reported twice, and puts the mismatches in order. */
  public ClaimsReport {
    Checks.present(ClaimsReport.class, "change", change);
    Checks.present(ClaimsReport.class, "head", head);
    mismatches = Checks.list(ClaimsReport.class, "mismatches", mismatches);
    Set<String> seen = new HashSet<>();
    for (ClaimMismatch mismatch : mismatches) {
      if (!seen.add(mismatch.kind() + " " + mismatch.subject())) {
        throw new InvalidValueException(
            ClaimsReport.class, "mismatches", "must report each mismatch once", mismatch);
      }
    }
    if (!claimsMade && !mismatches.isEmpty()) {
      throw new InvalidValueException(
          ClaimsReport.class, "mismatches", "must be empty when no claims were made", mismatches);
    }
    mismatches = mismatches.stream().sorted(ORDER).collect(ImmutableList.toImmutableList());
  }

  /**
   * Holds {@code change}'s claims against its change set and the {@code checks} that ran on its
   * head commit; checks on other commits are ignored as stale.
   *
   * @throws InvalidValueException if an argument or a check is null
   */
  public static ClaimsReport verify(ChangeRequest change, List<CheckRun> checks) {
    Checks.present(ClaimsReport.class, "change", change);
    List<CheckRun> runs = Checks.list(ClaimsReport.class, "checks", checks);
    Claims claims = change.claims();
    if (claims.equals(Claims.none())) {
      return new ClaimsReport(change.ref(), change.head(), false, List.of());
    }
    Set<RepoPath> written = new TreeSet<>();
    Set<RepoPath> deleted = new TreeSet<>();
    for (FileChange file : change.changes().files()) {
      if (file.kind() == ChangeKind.DELETED) {
        deleted.add(file.path());
      } else {
        written.add(file.path());
      }
      if (file.kind() == ChangeKind.RENAMED) {
        file.oldPath().ifPresent(deleted::add);
      }
    }
    List<ClaimMismatch> mismatches = new ArrayList<>();
    for (RepoPath path : new TreeSet<>(claims.filesWritten())) {
      if (!written.contains(path)) {
        mismatches.add(
            new ClaimMismatch(
                MismatchKind.CLAIMED_FILE_ABSENT,
                path.value(),
                deleted.contains(path) ? "the change deletes it" : "the change does not write it"));
      }
    }
    for (RepoPath path : new TreeSet<>(claims.filesDeleted())) {
      if (!deleted.contains(path)) {
        mismatches.add(
            new ClaimMismatch(
                MismatchKind.CLAIMED_DELETION_ABSENT,
                path.value(),
                written.contains(path) ? "the change writes it" : "the change does not delete it"));
      }
    }
    Set<RepoPath> touched = new TreeSet<>(written);
    touched.addAll(deleted);
    for (RepoPath path : touched) {
      if (!claims.filesWritten().contains(path) && !claims.filesDeleted().contains(path)) {
        boolean inScope = change.declaredScope().covers(path);
        mismatches.add(
            new ClaimMismatch(
                inScope ? MismatchKind.UNCLAIMED_FILE : MismatchKind.UNCLAIMED_FILE_OUTSIDE_SCOPE,
                path.value(),
                (written.contains(path) ? "the change writes it" : "the change deletes it")
                    + (inScope ? "" : ", outside its declared scope")));
      }
    }
    for (String test : new TreeSet<>(claims.testsAdded())) {
      if (!TestNames.heldBy(test, written)) {
        mismatches.add(
            new ClaimMismatch(
                MismatchKind.CLAIMED_TEST_ABSENT, test, "no file the change writes holds it"));
      }
    }
    Set<String> claimedTests = new TreeSet<>(claims.testsAdded());
    claimedTests.addAll(claims.testsRun());
    if (!claimedTests.isEmpty()) {
      Set<String> ran = new TreeSet<>();
      boolean reported = false;
      for (CheckRun run : runs) {
        if (run.commit().equals(change.head()) && run.tests().isPresent()) {
          reported = true;
          ran.addAll(run.tests().get());
        }
      }
      String why =
          reported
              ? "no check on " + change.head().abbreviated() + " reports running it"
              : "no check on " + change.head().abbreviated() + " reports the tests it ran";
      for (String test : claimedTests) {
        if (!ranAny(ran, test)) {
          mismatches.add(new ClaimMismatch(MismatchKind.CLAIMED_TEST_NOT_RUN, test, why));
        }
      }
    }
    return new ClaimsReport(change.ref(), change.head(), true, mismatches);
  }

  private static boolean ranAny(Set<String> ran, String claimed) {
    for (String name : ran) {
      if (TestNames.covers(name, claimed)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the claims hold: no mismatch. */
  public boolean holds() {
    return mismatches.isEmpty();
  }

  /** The mismatches of {@code kind}. */
  public List<ClaimMismatch> of(MismatchKind kind) {
    Checks.present(ClaimsReport.class, "kind", kind);
    return mismatches.stream()
        .filter(m -> m.kind() == kind)
        .collect(ImmutableList.toImmutableList());
  }

  /** Each mismatch as a finding with its own code. */
  public List<Finding> findings() {
    return mismatches.stream()
        .map(ClaimMismatch::toFinding)
        .collect(ImmutableList.toImmutableList());
  }
}
