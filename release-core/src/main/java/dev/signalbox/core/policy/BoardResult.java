package dev.signalbox.core.policy;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import java.util.List;
import java.util.Objects;

/**
 * What one review board run produced for one revision of a change: a verdict per reviewer and
 * surface asked (an abstention for each that timed out, failed or answered garbage) and notes on
 * whom it chose and why.
 *
 * <p>As unforgeable as the verdicts it holds: only a board run in this process creates one, and
 * there is no JSON reader. The board runs and normalises; the policy counts. Immutable and
 * thread-safe.
 */
public final class BoardResult {
  private final ChangeRef change;
  private final ContentDigest contentDigest;
  private final List<TrustedVerdict> verdicts;
  private final List<String> notes;

  BoardResult(
      ChangeRef change,
      ContentDigest contentDigest,
      List<TrustedVerdict> verdicts,
      List<String> notes) {
    this.change = Checks.present(BoardResult.class, "change", change);
    this.contentDigest = Checks.present(BoardResult.class, "contentDigest", contentDigest);
    this.verdicts = Checks.list(BoardResult.class, "verdicts", verdicts);
    this.notes = Checks.texts(BoardResult.class, "notes", notes);
  }

  /** The change reviewed. */
  public ChangeRef change() {
    return change;
  }

  /** The content digest of the revision the reviewers read. */
  public ContentDigest contentDigest() {
    return contentDigest;
  }

  /** The verdicts, abstentions included. */
  public List<TrustedVerdict> verdicts() {
    return verdicts;
  }

  /** Whom the board chose for each surface and why, or that it had too few reviewers. */
  public List<String> notes() {
    return notes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BoardResult that
        && change.equals(that.change)
        && contentDigest.equals(that.contentDigest)
        && verdicts.equals(that.verdicts)
        && notes.equals(that.notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(change, contentDigest, verdicts, notes);
  }

  @Override
  public String toString() {
    return "BoardResult[" + change + ", " + verdicts.size() + " verdicts]";
  }
}
