package dev.signalbox.core.model;

/** Why a verdict is an abstention. */
public enum AbstainCause {
  /** The reviewer chose not to judge. */
  DECLINED,
  /** The reviewer did not answer before the board's deadline. */
  TIMED_OUT,
  /** The reviewer failed (threw, crashed or exited with an error). */
  FAILED,
  /** The reviewer's answer could not be read as a verdict. */
  MALFORMED,
  /** The verdict was for another content digest than the one under review. */
  STALE,
  /** The verdict named another reviewer than the one asked. */
  IMPERSONATED,
  /** The board cancelled the review. */
  CANCELLED
}
