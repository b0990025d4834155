package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * A reference to a change request in a repository; dependencies name changes this way, across
 * repositories.
 *
 * @param repository the repository's name, such as {@code acme/payments}
 * @param change the change within that repository
 */
public record ChangeRef(String repository, ChangeId change) implements Comparable<ChangeRef> {
  /** Checks that both parts are present and the repository name is a token. */
  public ChangeRef {
    Checks.token(ChangeRef.class, "repository", repository);
    Checks.present(ChangeRef.class, "change", change);
  }

  /** The reference to {@code change} in {@code repository}. */
  public static ChangeRef of(String repository, String change) {
    return new ChangeRef(repository, new ChangeId(change));
  }

  /** Orders by repository, then by change id. */
  @Override
  public int compareTo(ChangeRef other) {
    int byRepository = repository.compareTo(other.repository);
    return byRepository != 0 ? byRepository : change.value().compareTo(other.change.value());
  }

  @Override
  public String toString() {
    return repository + "#" + change;
  }
}
