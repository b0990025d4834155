package dev.signalbox.core.model;

/** What a reviewer advises doing about a finding. */
public enum Advice {
  /** Fix before shipping; only a human's signed override ships it anyway. */
  FIX_NOW,
  /** May ship now and be fixed later. */
  MAY_DEFER,
  /** For information; nothing to do. */
  FYI
}
