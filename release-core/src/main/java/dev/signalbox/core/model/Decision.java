package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the policy decided for one revision of a change, and why: SHIP, NOT_YET (with what is
 * missing and the earliest retry) or SEND_BACK (a new revision is needed).
 *
 * <p>Every non-SHIP decision carries at least one reason; a SHIP carries no required action and no
 * retry time; only a NOT_YET has a retry time.
 *
 * @param change the change decided on
 * @param revision the head revision decided on
 * @param outcome the decision
 * @param reasons why, each naming its rule
 * @param required what must happen before the change can ship
 * @param earliestRetry the earliest instant a NOT_YET could turn out otherwise, if known
 * @param policyDigest the digest of the policy that decided
 */
public record Decision(
    ChangeRef change,
    Revision revision,
    Outcome outcome,
    List<Reason> reasons,
    List<RequiredAction> required,
    Optional<Instant> earliestRetry,
    PolicyDigest policyDigest) {
  /** Checks that the decision explains itself as its outcome requires. */
  public Decision {
    Checks.present(Decision.class, "change", change);
    Checks.present(Decision.class, "revision", revision);
    Checks.present(Decision.class, "outcome", outcome);
    reasons = Checks.list(Decision.class, "reasons", reasons);
    required = Checks.list(Decision.class, "required", required);
    Checks.optional(Decision.class, "earliestRetry", earliestRetry)
        .ifPresent(at -> Checks.instant(Decision.class, "earliestRetry", at));
    Checks.present(Decision.class, "policyDigest", policyDigest);
    if (outcome != Outcome.SHIP && reasons.isEmpty()) {
      throw new InvalidValueException(
          Decision.class, "reasons", "must not be empty for a " + outcome + " decision", reasons);
    }
    if (outcome == Outcome.SHIP && !required.isEmpty()) {
      throw new InvalidValueException(
          Decision.class, "required", "must be empty for a SHIP decision", required.size());
    }
    if (outcome != Outcome.NOT_YET && earliestRetry.isPresent()) {
      throw new InvalidValueException(
          Decision.class,
          "earliestRetry",
          "must be absent for a " + outcome + " decision",
          earliestRetry.get());
    }
  }

  /** A SHIP decision for {@code revision} of {@code change}, explained by {@code reasons}. */
  public static Decision ship(
      ChangeRef change, Revision revision, List<Reason> reasons, PolicyDigest policyDigest) {
    return new Decision(
        change, revision, Outcome.SHIP, reasons, List.of(), Optional.empty(), policyDigest);
  }

  /**
   * A NOT_YET decision: the change may pass unchanged once {@code required} has happened, and not
   * before {@code earliestRetry} if the policy knows that instant.
   */
  public static Decision notYet(
      ChangeRef change,
      Revision revision,
      List<Reason> reasons,
      List<RequiredAction> required,
      Optional<Instant> earliestRetry,
      PolicyDigest policyDigest) {
    return new Decision(
        change, revision, Outcome.NOT_YET, reasons, required, earliestRetry, policyDigest);
  }

  /** A SEND_BACK decision: the change needs a new revision that does what {@code required} says. */
  public static Decision sendBack(
      ChangeRef change,
      Revision revision,
      List<Reason> reasons,
      List<RequiredAction> required,
      PolicyDigest policyDigest) {
    return new Decision(
        change, revision, Outcome.SEND_BACK, reasons, required, Optional.empty(), policyDigest);
  }

  /** Whether the change ships. */
  public boolean ships() {
    return outcome == Outcome.SHIP;
  }
}
