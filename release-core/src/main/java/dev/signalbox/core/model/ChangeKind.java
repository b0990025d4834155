package dev.signalbox.core.model;

/** What a change did to one file. */
public enum ChangeKind {
  /** The file is new. */
  ADDED,
  /** The file's content changed in place. */
  MODIFIED,
  /** The file was removed. */
  DELETED,
  /** The file moved from its old path, possibly with edits. */
  RENAMED,
  /** The file was copied from its old path, which still exists. */
  COPIED
}
