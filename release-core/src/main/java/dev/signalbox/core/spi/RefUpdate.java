package dev.signalbox.core.spi;

/** What a compare-and-swap of a ref, or the creation of a tag, did. */
public enum RefUpdate {
  /** The ref held the expected value and now points at the target. */
  MOVED,
  /**
   * The ref already pointed at the target, so nothing was written: a retried departure finds its
   * own earlier update.
   */
  ALREADY_AT_TARGET,
  /** The ref held neither the expected value nor the target, and was left as it was. */
  LOST_RACE;

  /** Whether the ref points at the target now. */
  public boolean isAtTarget() {
    return this != LOST_RACE;
  }
}
