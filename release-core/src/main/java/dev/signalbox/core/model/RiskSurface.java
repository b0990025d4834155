package dev.signalbox.core.model;

/** One kind of risk a reviewer judges; a verdict covers exactly one surface. */
public enum RiskSurface {
  /** Correctness, clarity and maintainability of the code. */
  CODE_QUALITY,
  /** Vulnerabilities, secrets, authentication and authorisation. */
  SECURITY,
  /** New or changed third-party dependencies. */
  DEPENDENCIES,
  /** Whether tests cover the change and still mean something. */
  TESTS,
  /** Latency, throughput and resource use. */
  PERFORMANCE,
  /** Schemas, migrations and stored data. */
  DATA,
  /** Configuration and deployment. */
  OPERATIONS,
  /** Documentation. */
  DOCS
}
