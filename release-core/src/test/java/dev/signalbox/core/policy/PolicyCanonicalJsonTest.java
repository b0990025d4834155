package dev.signalbox.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.ledger.LedgerEvent.PolicyAdopted;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A ledger records the policy it decided under as a {@code PolicyAdopted} entry whose digest is the
 * SHA-256 of the text it stores: the policy's canonical JSON gives that entry the policy's own
 * digest, the one every decision and acceptance names.
 */
class PolicyCanonicalJsonTest {
  @Test
  void theAdoptedPolicysDigestIsThePolicysDigest() {
    ReleasePolicy defaults = ReleasePolicy.defaults();
    PolicyDefinition d = defaults.definition();
    ReleasePolicy other =
        ReleasePolicy.loader()
            .load(
                new PolicyDefinition(
                    "other",
                    Set.of("approval-age"),
                    d.rollback(),
                    d.review(),
                    d.emergency(),
                    d.blastRadiusCaps(),
                    d.roles(),
                    d.custom()));
    for (ReleasePolicy policy : new ReleasePolicy[] {defaults, other}) {
      assertThat(PolicyAdopted.of(policy.canonicalJson()).digest()).isEqualTo(policy.digest());
    }
    assertThat(other.digest()).isNotEqualTo(defaults.digest());
  }
}
