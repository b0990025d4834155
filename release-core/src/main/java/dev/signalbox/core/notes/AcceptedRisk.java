package dev.signalbox.core.notes;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.model.RiskAcceptance;
import java.time.Instant;

/**
 * A risk knowingly accepted for a shipped change, as the ledger recorded it: what could go wrong,
 * at which chance, why that is acceptable, what will be done if it happens, and the human whose
 * registered key signed it.
 *
 * @param risk what could go wrong
 * @param probability the chance accepted, within [0, 1]
 * @param rationale why that is acceptable
 * @param contingency what will be done if it happens
 * @param signer the id of the human whose registered key signed it (from the key registry, never
 *     from the statement)
 * @param signedAt when it was signed
 * @param expiresAt when it stops counting; after {@code signedAt}
 */
public record AcceptedRisk(
    String risk,
    double probability,
    String rationale,
    String contingency,
    String signer,
    Instant signedAt,
    Instant expiresAt) {
  /** Checks the fields. */
  public AcceptedRisk {
    Class<?> t = AcceptedRisk.class;
    Checks.text(t, "risk", risk);
    probability = Checks.within(t, "probability", probability, 0, 1);
    Checks.text(t, "rationale", rationale);
    Checks.text(t, "contingency", contingency);
    Checks.token(t, "signer", signer);
    Checks.instant(t, "signedAt", signedAt);
    Checks.instant(t, "expiresAt", expiresAt);
    if (!expiresAt.isAfter(signedAt)) {
      throw new InvalidValueException(
          t, "expiresAt", "must be after signedAt (" + signedAt + ")", expiresAt);
    }
  }

  /** The accepted risk a {@link LedgerEvent.RiskAccepted} entry records. */
  static AcceptedRisk of(LedgerEvent.RiskAccepted accepted) {
    RiskAcceptance acceptance = accepted.acceptance();
    return new AcceptedRisk(
        acceptance.risk(),
        acceptance.probability(),
        acceptance.rationale(),
        acceptance.contingency(),
        accepted.signer(),
        acceptance.signedAt(),
        acceptance.expiresAt());
  }
}
