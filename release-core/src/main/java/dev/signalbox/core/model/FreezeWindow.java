package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.Optional;

/**
 * A scoped period in which changes may not ship: declared by a human, with a reason, on a schedule.
 * Which changes it holds depends on its {@link FreezeLevel}.
 *
 * @param id the window's identifier
 * @param scope where it applies
 * @param schedule when it is in force
 * @param level which changes it holds
 * @param declaredBy the id of the human who declared it
 * @param reason why, in words people read
 * @param incident the incident it answers, if any
 */
public record FreezeWindow(
    String id,
    Scope scope,
    Schedule schedule,
    FreezeLevel level,
    String declaredBy,
    String reason,
    Optional<String> incident) {
  /** Checks the fields. */
  public FreezeWindow {
    Checks.token(FreezeWindow.class, "id", id);
    Checks.present(FreezeWindow.class, "scope", scope);
    Checks.present(FreezeWindow.class, "schedule", schedule);
    Checks.present(FreezeWindow.class, "level", level);
    Checks.token(FreezeWindow.class, "declaredBy", declaredBy);
    Checks.text(FreezeWindow.class, "reason", reason);
    Checks.optional(FreezeWindow.class, "incident", incident)
        .ifPresent(ref -> Checks.token(FreezeWindow.class, "incident", ref));
  }
}
