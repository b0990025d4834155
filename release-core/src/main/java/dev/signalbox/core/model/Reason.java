package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.Map;

/**
 * Why a decision or a carryover came out as it did: the rule that spoke, what it said, and the
 * evidence it looked at.
 *
 * @param rule the rule's id, such as {@code freeze}
 * @param message what the rule found, in words people read
 * @param evidence the facts behind it, by name ({@code window: incident-42})
 */
public record Reason(String rule, String message, Map<String, String> evidence) {
  /** Checks the fields and copies the evidence. */
  public Reason {
    Checks.token(Reason.class, "rule", rule);
    Checks.text(Reason.class, "message", message);
    evidence = Checks.labels(Reason.class, "evidence", evidence);
  }

  /** A reason from {@code rule} with no evidence attached. */
  public static Reason of(String rule, String message) {
    return new Reason(rule, message, Map.of());
  }
}
