package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * The identifier of a change request within its repository, such as a pull request number or a
 * branch name.
 *
 * @param value the identifier, without whitespace
 */
public record ChangeId(String value) {
  /** Checks that the identifier is a token: non-empty, without whitespace or control characters. */
  public ChangeId {
    Checks.token(ChangeId.class, "value", value);
  }

  /** The identifier {@code value}; same as the constructor. */
  public static ChangeId of(String value) {
    return new ChangeId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
