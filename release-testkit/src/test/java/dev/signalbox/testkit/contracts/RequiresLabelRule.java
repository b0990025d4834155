package dev.signalbox.testkit.contracts;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.Rule;
import dev.signalbox.core.policy.RuleFactory;
import dev.signalbox.core.policy.RuleResult;
import java.util.Map;

/**
 * A custom rule for tests, {@code requires-label}: a change without the configured label (by
 * default {@code ticket}) is NOT_YET. Immutable and thread-safe.
 *
 * @param label the label a change must carry
 */
record RequiresLabelRule(String label) implements Rule {
  static final String ID = "requires-label";

  /** Makes the rule from a policy file's settings: {@code label}, optional. */
  static final RuleFactory FACTORY =
      settings -> {
        for (String key : settings.keySet()) {
          if (!key.equals("label")) {
            throw new IllegalArgumentException("unknown setting " + key + "; known: label");
          }
        }
        return new RequiresLabelRule(settings.getOrDefault("label", "ticket"));
      };

  RequiresLabelRule {
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(ChangeRequest change, ReleaseContext context) {
    String value = change.labels().get(label);
    if (value != null) {
      return RuleResult.pass();
    }
    return RuleResult.notYet(
        new Reason(ID, "the change has no label " + label, Map.of("label", label)),
        new RequiredAction(ID, "label the change with " + label));
  }
}
