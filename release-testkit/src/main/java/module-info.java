/**
 * Signalbox's test kit: QuickTheories generators for every model type, AssertJ assertions for the
 * main ones, and JUnit 5 contract test kits for the SPIs, for users' own test suites (and
 * Signalbox's).
 */
module dev.signalbox.testkit {
  requires static transitive org.jspecify;
  requires transitive dev.signalbox.core;
  requires transitive quicktheories;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires com.google.common;

  exports dev.signalbox.testkit.evidence;
  exports dev.signalbox.testkit.generators;
  exports dev.signalbox.testkit.assertions;
  exports dev.signalbox.testkit.contracts;
  exports dev.signalbox.testkit.time;
}
