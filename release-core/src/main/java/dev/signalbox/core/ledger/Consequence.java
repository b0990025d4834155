package dev.signalbox.core.ledger;

/** What came of a change once it shipped (or was held back), as an outcome records it. */
public enum Consequence {
  /** Nothing went wrong. */
  NONE,
  /** It caused an incident. */
  INCIDENT,
  /** It was rolled back. */
  ROLLED_BACK,
  /** A fix asked for before shipping (a "not yet", an overridden finding) proved needed. */
  FIX_NEEDED;

  /** Whether something went wrong: anything but {@link #NONE}. */
  public boolean adverse() {
    return this != NONE;
  }
}
