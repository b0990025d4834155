package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * The identifier of a wave: the batch of changes one engineer's agents were dispatched with.
 *
 * @param value the identifier, without whitespace
 */
public record WaveId(String value) {
  /** Checks that the identifier is a token: non-empty, without whitespace or control characters. */
  public WaveId {
    Checks.token(WaveId.class, "value", value);
  }

  /** The identifier {@code value}; same as the constructor. */
  public static WaveId of(String value) {
    return new WaveId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
