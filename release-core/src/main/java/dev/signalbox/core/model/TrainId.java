package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * The identifier of a release train, such as {@code 2026-11-26-api}.
 *
 * @param value the identifier, without whitespace
 */
public record TrainId(String value) {
  /** Checks that the identifier is a token: non-empty, without whitespace or control characters. */
  public TrainId {
    Checks.token(TrainId.class, "value", value);
  }

  /** The identifier {@code value}; same as the constructor. */
  public static TrainId of(String value) {
    return new TrainId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
