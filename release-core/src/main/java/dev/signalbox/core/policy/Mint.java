package dev.signalbox.core.policy;

import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.trust.TrustedValues;
import java.util.List;
import java.util.Optional;

/** Creates the policy's trusted types for {@link TrustedValues}, which alone receives one. */
final class Mint implements TrustedValues.Minter {
  @Override
  public TrustedVerdict verdict(Verdict verdict, Optional<String> keyId) {
    return new TrustedVerdict(verdict, keyId);
  }

  @Override
  public VerifiedAcceptance acceptance(RiskAcceptance acceptance, Human signer, String keyId) {
    return new VerifiedAcceptance(acceptance, signer, keyId);
  }

  @Override
  public VerifiedOverride override(VerdictOverride override, Human signer, String keyId) {
    return new VerifiedOverride(override, signer, keyId);
  }

  @Override
  public BoardResult board(
      ChangeRef change,
      ContentDigest contentDigest,
      List<TrustedVerdict> verdicts,
      List<String> notes) {
    return new BoardResult(change, contentDigest, verdicts, notes);
  }
}
