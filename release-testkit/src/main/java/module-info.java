/**
 * Signalbox's test kit: QuickTheories generators for every model type, AssertJ assertions for the
 * main ones, for users' own test suites (and Signalbox's), and a contract test kit per SPI that
 * adapters' tests extend.
 */
module dev.signalbox.testkit {
  requires static transitive org.jspecify;
  requires transitive dev.signalbox.core;
  requires transitive quicktheories;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires com.google.common;

  exports dev.signalbox.testkit.generators;
  exports dev.signalbox.testkit.assertions;
  exports dev.signalbox.testkit.contracts;
}
