package dev.signalbox.core.model;

/** Where a train is in its life. */
public enum TrainState {
  /** Planned: cars boarded, not yet departing. */
  PLANNED,
  /** Departure has begun and may be resumed. */
  DEPARTING,
  /** Every merge group landed. */
  DEPARTED,
  /** Departure failed; the train is being bisected or rebuilt. */
  FAILED,
  /** Cancelled before departure. */
  ABANDONED
}
