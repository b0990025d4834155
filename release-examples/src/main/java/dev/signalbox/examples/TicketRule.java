package dev.signalbox.examples;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.Rule;
import dev.signalbox.core.policy.RuleResult;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A custom rule: a change ships only when its {@code ticket} label names a ticket of the configured
 * project, such as {@code PAY-123}. Registered by name on the policy loader and named in the policy
 * file's {@code custom} list ({@link CustomRuleExample}).
 */
public final class TicketRule implements Rule {
  /** The name the rule is registered under. */
  public static final String NAME = "needs-ticket";

  private final String project;
  private final Pattern ticket;

  /** A rule asking for a ticket of {@code project}. */
  public TicketRule(String project) {
    if (!project.matches("[A-Z][A-Z0-9]{1,9}")) {
      throw new InvalidValueException(
          TicketRule.class, "project", "must be 2-10 capitals or digits, such as PAY", project);
    }
    this.project = project;
    this.ticket = Pattern.compile(Pattern.quote(project) + "-[1-9][0-9]*");
  }

  /** Creates the rule from its settings in the policy file: {@code project}. */
  public static TicketRule fromSettings(Map<String, String> settings) {
    String project = settings.get("project");
    if (project == null) {
      throw new InvalidValueException(
          TicketRule.class, "settings.project", "is required", settings.keySet());
    }
    return new TicketRule(project);
  }

  @Override
  public String id() {
    return NAME;
  }

  @Override
  public RuleResult evaluate(ChangeRequest change, ReleaseContext context) {
    String label = change.labels().get("ticket");
    if (label != null && ticket.matcher(label).matches()) {
      return RuleResult.pass();
    }
    return RuleResult.notYet(
        Reason.of(
            NAME,
            label == null
                ? "no ticket label"
                : "ticket label \"" + label + "\" is not a ticket of " + project),
        new RequiredAction(NAME, "needs a ticket label such as " + project + "-123"));
  }
}
