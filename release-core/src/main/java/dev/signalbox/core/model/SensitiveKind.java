package dev.signalbox.core.model;

/** A kind of change that widens the blast radius whatever its size. */
public enum SensitiveKind {
  /** A database schema migration: irreversible by {@code git revert} alone. */
  SCHEMA_MIGRATION,
  /** A change to an API that other code or customers depend on. */
  PUBLIC_API,
  /** Authentication, authorisation, cryptography or secrets handling. */
  SECURITY,
  /** Runtime or deployment configuration. */
  CONFIG,
  /** Dependency manifests and lock files. */
  DEPENDENCIES
}
