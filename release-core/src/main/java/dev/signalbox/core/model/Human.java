package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A person: the accountable owner of changes, and the only kind of principal that may sign risk
 * acceptances and overrides.
 *
 * @param id the person's stable identifier, such as {@code alice}
 * @param name the person's display name
 * @param roles the person's roles, such as {@code release-manager}
 */
public record Human(String id, String name, Set<String> roles) implements Principal {
  /** Checks the fields and copies the roles. */
  public Human {
    Checks.token(Human.class, "id", id);
    Checks.text(Human.class, "name", name);
    roles = Checks.tokens(Human.class, "roles", roles);
  }

  /** A person with the given roles. */
  public static Human of(String id, String name, String... roles) {
    Checks.present(Human.class, "roles", roles);
    return new Human(id, name, new LinkedHashSet<>(Arrays.asList(roles)));
  }

  /** Whether this person has {@code role}. */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
