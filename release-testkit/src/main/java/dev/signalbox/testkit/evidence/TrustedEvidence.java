package dev.signalbox.testkit.evidence;

import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.policy.VerifiedOverride;
import dev.signalbox.core.trust.TrustedValues;
import java.util.List;

/**
 * Makes trusted verdicts, verified acceptances and overrides, and board results for tests, as if a
 * board run or the evidence verifier had made them. Thread-safe.
 */
public final class TrustedEvidence {
  private TrustedEvidence() {}

  /** {@code verdict} as a board run in this process would hand it to the policy. */
  public static TrustedVerdict fromBoard(Verdict verdict) {
    return TrustedValues.fromBoard(verdict);
  }

  /** {@code verdict} as imported in an envelope that the key {@code keyId} signed. */
  public static TrustedVerdict signed(Verdict verdict, String keyId) {
    return TrustedValues.signed(verdict, keyId);
  }

  /**
   * {@code acceptance} as signed by {@code signer}'s registered key, with {@code signer}'s roles.
   */
  public static VerifiedAcceptance accepted(RiskAcceptance acceptance, Human signer) {
    return TrustedValues.acceptance(acceptance, signer, "test-key-" + signer.id());
  }

  /** {@code override} as signed by {@code signer}'s registered key, with {@code signer}'s roles. */
  public static VerifiedOverride overridden(VerdictOverride override, Human signer) {
    return TrustedValues.override(override, signer, "test-key-" + signer.id());
  }

  /** A board run's result of {@code verdicts} for one revision of a change. */
  public static BoardResult board(
      ChangeRef change, ContentDigest contentDigest, List<TrustedVerdict> verdicts) {
    return TrustedValues.board(change, contentDigest, verdicts, List.of());
  }
}
