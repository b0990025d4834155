package dev.signalbox.core.verification;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Revision;

/**
 * A re-dispatched change ("the wave drifted, run it again"): a new revision of the same change
 * supersedes the one before. The change keeps its identity and its history; what was said about the
 * old revision carries over only where the definitions of fresh evidence let it: check runs never
 * (they ran on another commit), verdicts, acceptances and overrides only when they name the new
 * content digest, which a trivial rebase keeps. The policy applies those definitions itself, so the
 * new revision is decided with all the evidence gathered and the stale part is reported, not
 * counted; the ledger records both attempts as {@link LedgerEvent.ChangeProposed} events, which
 * {@link ChangeHistory} reads back.
 *
 * @param change the change
 * @param superseded the head of the revision superseded
 * @param supersededDigest the content digest of the revision superseded
 * @param head the new head
 * @param contentDigest the new content digest
 */
public record Supersession(
    ChangeRef change,
    Revision superseded,
    ContentDigest supersededDigest,
    Revision head,
    ContentDigest contentDigest) {
  /** Checks the fields; the new head must differ from the one it supersedes. */
  public Supersession {
    Checks.present(Supersession.class, "change", change);
    Checks.present(Supersession.class, "superseded", superseded);
    Checks.present(Supersession.class, "supersededDigest", supersededDigest);
    Checks.present(Supersession.class, "head", head);
    Checks.present(Supersession.class, "contentDigest", contentDigest);
    if (head.equals(superseded)) {
      throw new InvalidValueException(
          Supersession.class, "head", "must differ from the head it supersedes", head.commit());
    }
  }

  /**
   * {@code next} superseding {@code previous}: the same change, at another head.
   *
   * @throws InvalidValueException if either is null, they are different changes, or they have the
   *     same head
   */
  public static Supersession of(ChangeRequest previous, ChangeRequest next) {
    Checks.present(Supersession.class, "previous", previous);
    Checks.present(Supersession.class, "next", next);
    if (!previous.ref().equals(next.ref())) {
      throw new InvalidValueException(
          Supersession.class,
          "next",
          "must be a revision of the same change, " + previous.ref(),
          next.ref());
    }
    return new Supersession(
        next.ref(), previous.head(), previous.contentDigest(), next.head(), next.contentDigest());
  }

  /**
   * Whether the new revision is a trivial rebase of the old one: the same content digest, so that
   * verdicts, acceptances and overrides of the old revision stay fresh (its check runs do not).
   */
  public boolean trivialRebase() {
    return contentDigest.equals(supersededDigest);
  }

  /** The ledger event that records {@code next} as the change's new attempt. */
  public static LedgerEvent.ChangeProposed proposal(ChangeRequest next) {
    Checks.present(Supersession.class, "next", next);
    return new LedgerEvent.ChangeProposed(
        next.ref(), next.head(), next.contentDigest(), next.producer().id(), next.owner().id());
  }
}
