package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * Something that must happen before a deferred change can ship, such as {@code needs an APPROVE on
 * SECURITY from a reviewer other than the producer}.
 *
 * @param rule the id of the rule that asks for it
 * @param action what must happen, in words people read
 */
public record RequiredAction(String rule, String action) {
  /** Checks both fields. */
  public RequiredAction {
    Checks.token(RequiredAction.class, "rule", rule);
    Checks.text(RequiredAction.class, "action", action);
  }
}
