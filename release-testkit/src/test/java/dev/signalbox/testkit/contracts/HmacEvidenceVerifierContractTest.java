package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.EvidenceVerifier;
import dev.signalbox.testkit.policy.HmacEvidenceVerifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evidence verifier kit against the test verifier of HMAC-signed envelopes (a fake; the real
 * verifier's run is {@code SignedEvidenceVerifierContractTest}), and against a verifier that trusts
 * too much.
 */
class HmacEvidenceVerifierContractTest extends EvidenceVerifierContract {
  private static final Human RITA = Human.of("rita", "Rita", "release-manager");
  private static final Agent REVIEWER =
      new Agent("reviewer-gemini", "gemini-pro", "gemini", "op-review");
  private static final HmacEvidenceVerifier VERIFIER =
      new HmacEvidenceVerifier(Map.of("key-rita", RITA, "key-reviewer", REVIEWER));

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
    return VERIFIER.signAcceptance("key-rita", acceptance);
  }

  @Override
  protected Envelope signOverride(VerdictOverride override) {
    return VERIFIER.signOverride("key-rita", override);
  }

  @Override
  protected Envelope signVerdict(Verdict verdict) {
    return VERIFIER.signVerdict("key-reviewer", verdict);
  }

  @Override
  protected Envelope signAcceptanceWithAgentKey(RiskAcceptance acceptance) {
    return VERIFIER.signAcceptance("key-reviewer", acceptance);
  }

  @Test
  void theKitCatchesAVerifierThatTakesThePolicyFromTheStatement() {
    EvidenceVerifierContract kit = new Kit(new TrustingVerifier(VERIFIER));
    assertThatThrownBy(kit::badAcceptancesAreRefusedOneByOne).isInstanceOf(AssertionError.class);
  }

  /** A broken verifier: it checks each acceptance against the policy the acceptance names. */
  private record TrustingVerifier(HmacEvidenceVerifier inner) implements EvidenceVerifier {
    @Override
    public Evidence verify(
        ChangeRequest change,
        PolicyDigest policyDigest,
        BoardResult board,
        List<Envelope> imported,
        List<CheckRun> checks,
        Instant at) {
      Evidence evidence = Evidence.of(board.verdicts(), List.of(), List.of(), checks, List.of());
      for (Envelope envelope : imported) {
        Evidence one =
            inner.verify(
                change,
                named(envelope).orElse(policyDigest),
                board,
                List.of(envelope),
                List.of(),
                at);
        evidence =
            evidence.and(
                Evidence.of(
                    List.of(), one.acceptances(), one.overrides(), List.of(), one.refused()));
      }
      return evidence;
    }

    private static java.util.Optional<PolicyDigest> named(Envelope envelope) {
      try {
        return java.util.Optional.of(
            dev.signalbox.core.json.DocumentCodec.json()
                .read(
                    new String(envelope.payloadBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    RiskAcceptance.class)
                .policyDigest());
      } catch (RuntimeException e) {
        return java.util.Optional.empty();
      }
    }
  }

  /** The kit with another verifier and this test's keys. */
  private static final class Kit extends HmacEvidenceVerifierContractTest {
    private final EvidenceVerifier verifier;

    Kit(EvidenceVerifier verifier) {
      this.verifier = verifier;
    }

    @Override
    protected EvidenceVerifier verifier() {
      return verifier;
    }
  }
}
