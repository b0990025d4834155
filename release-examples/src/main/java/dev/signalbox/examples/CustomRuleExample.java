package dev.signalbox.examples;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;

/**
 * A custom rule registered by name: the loader learns {@code needs-ticket}, and the policy file
 * turns it on in its {@code custom} list with its settings. Every build runs it ({@code
 * CustomRuleExampleTest}).
 */
public final class CustomRuleExample {
  private CustomRuleExample() {}

  /**
   * The payments team's policy file ({@code payments-policy.yaml}, which turns the rule on), loaded
   * with {@link TicketRule} registered under its name.
   */
  public static ReleasePolicy policy() {
    return ReleasePolicy.loader()
        .rule(TicketRule.NAME, TicketRule::fromSettings)
        .load(Resources.text("payments-policy.yaml"));
  }

  /** Decides {@code change} in {@code context} under {@link #policy()}. */
  public static Decision decide(ChangeRequest change, ReleaseContext context) {
    return policy().decide(change, context);
  }
}
