package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * Why a verdict is an abstention, and the detail a person needs to follow it up.
 *
 * @param cause why the reviewer abstained
 * @param detail what happened, such as the exception's message or the deadline missed
 */
public record Abstention(AbstainCause cause, String detail) {
  /** Checks both fields. */
  public Abstention {
    Checks.present(Abstention.class, "cause", cause);
    Checks.text(Abstention.class, "detail", detail);
  }
}
