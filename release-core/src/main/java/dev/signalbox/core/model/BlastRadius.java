package dev.signalbox.core.model;

import dev.signalbox.core.internal.ArraySet;
import dev.signalbox.core.internal.Checks;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who and what a change affects if it is wrong: the release manager's first read of a change.
 *
 * @param level how far the damage could reach
 * @param components the components the change touches
 * @param owners the owners of the touched paths ({@code @user}, {@code @org/team} or e-mail)
 * @param sensitiveKinds the sensitive kinds of change it contains
 */
public record BlastRadius(
    BlastLevel level,
    Set<String> components,
    Set<String> owners,
    Set<SensitiveKind> sensitiveKinds) {
  /** Checks and copies the fields. */
  public BlastRadius {
    Checks.present(BlastRadius.class, "level", level);
    // held in an array: a calendar target is built from them on every decision
    components = ArraySet.copyOf(Checks.tokens(BlastRadius.class, "components", components));
    owners = Checks.tokens(BlastRadius.class, "owners", owners);
    sensitiveKinds = Checks.set(BlastRadius.class, "sensitiveKinds", sensitiveKinds);
  }

  /** A blast radius of {@code level} in the given components, with no owners or sensitive kinds. */
  public static BlastRadius of(BlastLevel level, String... components) {
    Checks.present(BlastRadius.class, "components", components);
    return new BlastRadius(
        level, new LinkedHashSet<>(Arrays.asList(components)), Set.of(), Set.of());
  }

  /** Whether the change contains {@code kind}. */
  public boolean has(SensitiveKind kind) {
    return sensitiveKinds.contains(kind);
  }
}
