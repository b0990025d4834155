package dev.signalbox.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.RiskSurface;
import org.junit.jupiter.api.Test;

/** The built-in default policy loads, and its digest is stable. */
class DefaultPolicyTest {
  @Test
  void loadsAndHasEveryRule() {
    ReleasePolicy policy = ReleasePolicy.defaults();
    assertThat(policy.definition().name()).isEqualTo("signalbox-default");
    assertThat(policy.definition().disabled()).isEmpty();
    assertThat(policy.digest().toString()).hasSize(64);
    assertThat(ReleasePolicy.loader().load(DefaultPolicy.TEXT).digest()).isEqualTo(policy.digest());
    assertThat(policy.definition().review().always()).containsExactly(RiskSurface.CODE_QUALITY);
  }
}
