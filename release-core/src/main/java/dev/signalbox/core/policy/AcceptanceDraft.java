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
import java.util.Optional;

/**
 * A risk acceptance form pre-filled from a change's calibrated risk: the change, its content
 * digest, the policy's digest, what could go wrong — {@linkplain #subject the revert the score is
 * about, naming the model that scored it} — and its probability, the score itself, so that the
 * acceptance the {@code risk-acceptance} rule asks for covers it. A human completes it with why the
 * risk is acceptable and what happens if it materialises, then signs the {@link RiskAcceptance} it
 * gives.
 *
 * <p>The subject is what ties an acceptance to the score: the {@code risk-acceptance} rule counts
 * only an acceptance whose {@link RiskAcceptance#risk()} is the subject of the change's score, so
 * an acceptance of another risk (a FIX_NOW finding, an outage, an EMERGENCY) or of another model's
 * score does not cover it, whatever its probability.
 *
 * @param change the change to accept
 * @param contentDigest the content digest of the revision scored
 * @param policyDigest the digest of the policy the acceptance is made under
 * @param risk what could go wrong: {@link #subject} of the change's score
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
            subject(risk),
            risk.probability()));
  }

  /**
   * What an acceptance of {@code risk} accepts, in the words its {@link RiskAcceptance#risk()}
   * carries: {@code the change is reverted within 90 days, as model <id> <version> scores it}. The
   * probability is not part of it (the acceptance's own probability says how much is accepted), so
   * an acceptance keeps covering a score that moves down, and one that moves above it needs a new
   * acceptance.
   *
   * @throws InvalidValueException if {@code risk} is null
   */
  public static String subject(ChangeRisk risk) {
    Checks.present(AcceptanceDraft.class, "risk", risk);
    return "the change is reverted within 90 days, as model "
        + risk.modelId()
        + " "
        + risk.modelVersion()
        + " scores it";
  }

  /**
   * Whether {@code acceptance} accepts the change's calibrated {@code risk}: it names {@link
   * #subject} of it, at a probability of at least the score. Who signed it, and whether it is bound
   * to this change and policy and in force, is the rule's to check.
   */
  static boolean covers(RiskAcceptance acceptance, ChangeRisk risk) {
    return acceptance.probability() >= risk.probability()
        && acceptance.risk().equals(subject(risk));
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
