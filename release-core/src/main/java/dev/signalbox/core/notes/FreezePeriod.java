package dev.signalbox.core.notes;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Scope;
import java.time.Instant;
import java.util.Optional;

/**
 * One period in which a freeze was (or is) in force, as a report shows it: the window with its
 * level, scope, who declared it and why, from when, and until when — empty while it lasts until
 * lifted.
 *
 * @param window the freeze window's id
 * @param level which changes it holds
 * @param scope where it applies
 * @param reason why it was declared
 * @param declaredBy the id of the human who declared it
 * @param incident the incident it answers, if any
 * @param start the first instant in force
 * @param end the first instant no longer in force (the end of its schedule, or when it was lifted);
 *     empty for a freeze in force until lifted and not lifted yet
 */
public record FreezePeriod(
    String window,
    FreezeLevel level,
    Scope scope,
    String reason,
    String declaredBy,
    Optional<String> incident,
    Instant start,
    Optional<Instant> end) {
  /** Checks the fields; the period must not be empty. */
  public FreezePeriod {
    Class<?> t = FreezePeriod.class;
    Checks.token(t, "window", window);
    Checks.present(t, "level", level);
    Checks.present(t, "scope", scope);
    Checks.text(t, "reason", reason);
    Checks.token(t, "declaredBy", declaredBy);
    Checks.optional(t, "incident", incident);
    Checks.instant(t, "start", start);
    Checks.optional(t, "end", end)
        .filter(last -> !last.isAfter(start))
        .ifPresent(
            last -> {
              throw new InvalidValueException(
                  t, "end", "must be after start (" + start + ")", last);
            });
  }

  /** The period {@code [start, end)} of {@code freeze}. */
  static FreezePeriod of(FreezeWindow freeze, Instant start, Optional<Instant> end) {
    return new FreezePeriod(
        freeze.id(),
        freeze.level(),
        freeze.scope(),
        freeze.reason(),
        freeze.declaredBy(),
        freeze.incident(),
        start,
        end);
  }
}
