package dev.signalbox.testkit.contracts;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.EvidenceVerifier;
import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.signing.KeyRegistry;
import dev.signalbox.core.signing.RegisteredKey;
import dev.signalbox.core.signing.SignedEvidenceVerifier;
import dev.signalbox.core.signing.StatementType;
import java.time.Instant;

/**
 * The default evidence verifier keeps the evidence verifier contract, with real Ed25519 keys in an
 * in-memory key registry.
 */
class SignedEvidenceVerifierContractTest extends EvidenceVerifierContract {
  private static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Human RITA = Human.of("rita", "Rita", "release-manager");
  private static final Agent REVIEWER =
      new Agent("reviewer-gemini", "gemini-pro", "gemini", "op-review");
  private static final Ed25519Signer RITAS_KEY = Ed25519Signer.generate();
  private static final Ed25519Signer REVIEWERS_KEY = Ed25519Signer.generate();
  private static final SignedEvidenceVerifier VERIFIER =
      SignedEvidenceVerifier.create(
          KeyRegistry.of(
              RegisteredKey.of(RITAS_KEY.publicKey(), RITA, REGISTERED),
              RegisteredKey.of(REVIEWERS_KEY.publicKey(), REVIEWER, REGISTERED)));

  @Override
  protected EvidenceVerifier verifier() {
    return VERIFIER;
  }

  @Override
  protected Human signer() {
    return RITA;
  }

  @Override
  protected Agent agent() {
    return REVIEWER;
  }

  @Override
  protected Envelope signAcceptance(RiskAcceptance acceptance) {
    return StatementType.ACCEPTANCE.sign(acceptance, RITAS_KEY);
  }

  @Override
  protected Envelope signOverride(VerdictOverride override) {
    return StatementType.OVERRIDE.sign(override, RITAS_KEY);
  }

  @Override
  protected Envelope signVerdict(Verdict verdict) {
    return StatementType.VERDICT.sign(verdict, REVIEWERS_KEY);
  }

  @Override
  protected Envelope signAcceptanceWithAgentKey(RiskAcceptance acceptance) {
    return StatementType.ACCEPTANCE.sign(acceptance, REVIEWERS_KEY);
  }
}
