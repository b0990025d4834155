package dev.signalbox.core.verification;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Severity;
import java.util.Optional;

/**
 * One mismatch between the producing agent's claims and the change: its kind, what it is about (a
 * path or a test name), and what was found instead.
 *
 * @param kind the kind of mismatch
 * @param subject the path (for a file) or the test name (for a test) concerned
 * @param detail what the change or its checks show instead, in words people read
 */
public record ClaimMismatch(MismatchKind kind, String subject, String detail) {
  /** Checks the fields; a file mismatch's subject must be a repository path. */
  public ClaimMismatch {
    Checks.present(ClaimMismatch.class, "kind", kind);
    Checks.text(ClaimMismatch.class, "subject", subject);
    if (kind.aboutFile()) {
      RepoPath.of(subject); // throws, naming the path, if it is none
    }
    Checks.text(ClaimMismatch.class, "detail", detail);
  }

  /** The path concerned, for a file mismatch. */
  public Optional<RepoPath> path() {
    return kind.aboutFile() ? Optional.of(RepoPath.of(subject)) : Optional.empty();
  }

  /** The mismatch in words, such as {@code claimed-file-absent: src/A.java: not touched}. */
  public String message() {
    return describe(kind) + " " + subject + ": " + detail;
  }

  /**
   * The mismatch as a finding with its kind's code, certain (confidence 1: it is a comparison, not
   * a judgement), advising a fix unless it costs only a note by default.
   */
  public Finding toFinding() {
    boolean holds = kind.defaultCost() != MismatchCost.NOTE;
    return new Finding(
        path(),
        Optional.empty(),
        kind.defaultCost() == MismatchCost.SEND_BACK ? Severity.HIGH : Severity.MEDIUM,
        holds ? Advice.FIX_NOW : Advice.FYI,
        kind.code(),
        message(),
        Optional.empty(),
        1.0);
  }

  static String describe(MismatchKind kind) {
    return switch (kind) {
      case CLAIMED_FILE_ABSENT -> "claimed to write";
      case CLAIMED_DELETION_ABSENT -> "claimed to delete";
      case UNCLAIMED_FILE -> "did not claim";
      case UNCLAIMED_FILE_OUTSIDE_SCOPE -> "did not claim, outside the declared scope,";
      case CLAIMED_TEST_ABSENT -> "claimed to add test";
      case CLAIMED_TEST_NOT_RUN -> "claimed to have run test";
    };
  }
}
