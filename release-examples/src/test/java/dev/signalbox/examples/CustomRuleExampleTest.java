package dev.signalbox.examples;

import static dev.signalbox.testkit.assertions.SignalboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.policy.ReleaseContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The custom rule, registered by name and turned on by the policy file, takes part in decisions.
 */
class CustomRuleExampleTest {
  private static final ReleaseContext NOW =
      ReleaseContext.at(Instant.parse("2026-11-26T10:00:00Z"));
  private static final ChangeRequest TICKETED =
      DocumentCodec.json().read(Examples.change815(), ChangeRequest.class);

  @Test
  void aChangeWithATicketOfTheProjectPassesTheRule() {
    assertThat(CustomRuleExample.decide(TICKETED, NOW)).isNotYet().hasNoReasonFrom("needs-ticket");
  }

  @Test
  void aChangeWithoutATicketIsHeldByTheRule() {
    ChangeRequest unticketed =
        DocumentCodec.json()
            .read(Examples.change815().replace("\"ticket\": \"PAY-815\"", ""), ChangeRequest.class);
    assertThat(CustomRuleExample.decide(unticketed, NOW))
        .isNotYet()
        .hasReasonFrom("needs-ticket")
        .requires("needs a ticket label such as PAY-123");
  }

  @Test
  void aTicketOfAnotherProjectDoesNotCount() {
    ChangeRequest other = TICKETED.toBuilder().label("ticket", "WEB-9").build();
    assertThat(CustomRuleExample.decide(other, NOW))
        .hasReasonFrom("needs-ticket")
        .requires("needs a ticket label such as PAY-123");
  }

  @Test
  void aPolicyFileWithoutTheProjectSettingIsRefusedNamingIt() {
    assertThatThrownBy(() -> TicketRule.fromSettings(Map.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("settings.project");
    assertThatThrownBy(() -> new TicketRule("pay"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("project")
        .hasMessageContaining("pay");
  }
}
