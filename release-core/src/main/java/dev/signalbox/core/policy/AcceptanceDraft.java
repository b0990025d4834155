package dev.signalbox.core.policy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.RiskAcceptance;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A risk acceptance form pre-filled from a change's calibrated risk: the change, its content
 * digest, the policy's digest, what could go wrong and its probability — the score itself, so that
 * the acceptance the {@code risk-acceptance} rule asks for covers it. A human completes it with why
 * the risk is acceptable and what happens if it materialises, then signs the {@link RiskAcceptance}
 * it gives.
 *
 * @param change the change to accept
 * @param contentDigest the content digest of the revision scored
 * @param policyDigest the digest of the policy the acceptance is made under
 * @param risk what could go wrong, naming the model that scored it
 * @param probability the calibrated probability of it, within [0, 1]
 */
public record AcceptanceDraft(
    ChangeRef change,
    ContentDigest contentDigest,
    PolicyDigest policyDigest,
    String risk,
    double probability) {
  /** Checks the fields. */
  public AcceptanceDraft {
    Checks.present(AcceptanceDraft.class, "change", change);
    Checks.present(AcceptanceDraft.class, "contentDigest", contentDigest);
    Checks.present(AcceptanceDraft.class, "policyDigest", policyDigest);
    Checks.text(AcceptanceDraft.class, "risk", risk);
    probability = Checks.within(AcceptanceDraft.class, "probability", probability, 0, 1);
  }

  /**
   * The form for {@code change} under {@code policy}, pre-filled with its calibrated risk; empty if
   * the change carries no score.
   *
   * @throws InvalidValueException if an argument is null
   */
  public static Optional<AcceptanceDraft> of(ChangeRequest change, ReleasePolicy policy) {
    Checks.present(AcceptanceDraft.class, "change", change);
    Checks.present(AcceptanceDraft.class, "policy", policy);
    if (change.risk().isEmpty()) {
      return Optional.empty();
    }
    ChangeRisk risk = change.risk().get();
    return Optional.of(
        new AcceptanceDraft(
            change.ref(),
            change.contentDigest(),
            policy.digest(),
            String.format(
                Locale.ROOT,
                "the change is reverted within 90 days (calibrated risk %.1f%%, percentile %.0f,"
                    + " model %s %s)",
                risk.probability() * 100,
                risk.percentile(),
                risk.modelId(),
                risk.modelVersion()),
            risk.probability()));
  }

  /**
   * The acceptance this form becomes once completed: the statement a human signs.
   *
   * @throws InvalidValueException naming the first invalid field
   */
  public RiskAcceptance complete(
      String rationale, String contingency, String signatory, Instant signedAt, Instant expiresAt) {
    return new RiskAcceptance(
        change,
        contentDigest,
        policyDigest,
        risk,
        probability,
        rationale,
        contingency,
        signatory,
        signedAt,
        expiresAt);
  }
}
