package dev.signalbox.core.signing;

import dev.signalbox.core.internal.Checks;

/**
 * One reason why a signed statement does not count, with the detail a person needs to act on it.
 *
 * @param reason the reason
 * @param detail what exactly, such as {@code key 3f2a… was revoked at 2026-11-20T00:00:00Z}
 */
public record Refusal(RefusalReason reason, String detail) {
  /** Checks the fields. */
  public Refusal {
    Checks.present(Refusal.class, "reason", reason);
    Checks.text(Refusal.class, "detail", detail);
  }

  @Override
  public String toString() {
    return reason + ": " + detail;
  }
}
