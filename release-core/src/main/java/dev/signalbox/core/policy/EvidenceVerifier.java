package dev.signalbox.core.policy;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.PolicyDigest;
import java.time.Instant;
import java.util.List;

/**
 * Turns what arrives from outside — a board run's result, DSSE envelopes of verdicts, acceptances
 * and overrides, and check runs — into the verified {@link Evidence} that the policy weighs.
 *
 * <p>Verification happens once per item, outside the decision's hot path (a signature check costs
 * far more than a decision). An item that does not verify becomes a {@link RefusedEvidence} with
 * every reason, never an exception and never a trusted value. Implementations must be thread-safe
 * and must not throw for bad items; the signing package provides the default implementation.
 */
public interface EvidenceVerifier {

  /**
   * The verified evidence for {@code change} under the policy of {@code policyDigest} at {@code
   * at}.
   *
   * @param change the change the evidence must be about
   * @param policyDigest the digest of the policy that will decide, which acceptances and overrides
   *     must name
   * @param board the board run's result for the change, whose verdicts are trusted as they are
   * @param imported envelopes from outside the process: signed verdicts, acceptances and overrides
   * @param checks check runs from the CI system
   * @param at the instant of verification, for key validity and expiry
   */
  Evidence verify(
      ChangeRequest change,
      PolicyDigest policyDigest,
      BoardResult board,
      List<Envelope> imported,
      List<CheckRun> checks,
      Instant at);
}
