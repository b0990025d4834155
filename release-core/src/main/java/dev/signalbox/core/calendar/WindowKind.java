package dev.signalbox.core.calendar;

/** Whether a window holds changes or lets them merge. */
public enum WindowKind {
  /** A {@link dev.signalbox.core.model.FreezeWindow}: changes it holds may not ship. */
  FREEZE,
  /** A {@link dev.signalbox.core.model.MergeWindow}: trains for its scope may merge. */
  MERGE
}
