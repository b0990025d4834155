package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.Optional;

/**
 * A scoped period in which trains for that scope may merge; a scope that declares no merge window
 * is always open for merging.
 *
 * @param id the window's identifier
 * @param scope where it applies
 * @param schedule when it is open
 * @param declaredBy the id of the human who declared it
 * @param reason why, in words people read
 * @param incident the incident it answers (a window opened for a fix), if any
 */
public record MergeWindow(
    String id,
    Scope scope,
    Schedule schedule,
    String declaredBy,
    String reason,
    Optional<String> incident) {
  /** Checks the fields. */
  public MergeWindow {
    Checks.token(MergeWindow.class, "id", id);
    Checks.present(MergeWindow.class, "scope", scope);
    Checks.present(MergeWindow.class, "schedule", schedule);
    Checks.token(MergeWindow.class, "declaredBy", declaredBy);
    Checks.text(MergeWindow.class, "reason", reason);
    Checks.optional(MergeWindow.class, "incident", incident)
        .ifPresent(ref -> Checks.token(MergeWindow.class, "incident", ref));
  }
}
