package dev.signalbox.core.model;

import dev.signalbox.core.internal.ArraySet;
import dev.signalbox.core.internal.Checks;
import java.util.Optional;
import java.util.Set;

/**
 * What a calendar query is about: where a change lands and what kind of change it is, since whether
 * a window is open depends on both (a P0 passes a {@code NON_CRITICAL} freeze).
 *
 * @param components the components the change touches
 * @param paths the paths the change touches
 * @param environment the environment it deploys to, if known
 * @param changeClass the change's class
 * @param criticality the change's criticality
 * @param securityFix whether the change fixes a security problem
 */
public record Target(
    Set<String> components,
    Set<RepoPath> paths,
    Optional<String> environment,
    ChangeClass changeClass,
    Criticality criticality,
    boolean securityFix) {
  /** Checks and copies the fields. */
  public Target {
    components = Checks.tokens(Target.class, "components", components);
    paths = ArraySet.copyOf(Checks.set(Target.class, "paths", paths)); // walked by index
    Checks.optional(Target.class, "environment", environment)
        .ifPresent(env -> Checks.token(Target.class, "environment", env));
    Checks.present(Target.class, "changeClass", changeClass);
    Checks.present(Target.class, "criticality", criticality);
  }
}
