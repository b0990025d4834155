/**
 * Signalbox's JMH benchmarks. The module is compiled like every other, but the benchmarks run from
 * the shaded {@code benchmarks.jar} on the class path, where this descriptor is left out.
 */
module dev.signalbox.benchmarks {
  requires static transitive org.jspecify;
  requires transitive dev.signalbox.core;
  requires dev.signalbox.testkit;
  requires transitive tools.jackson.databind;
  requires dev.signalbox.git;
  requires org.eclipse.jgit;
  requires java.management;
  requires jdk.management;
  requires jmh.core;

  exports dev.signalbox.benchmarks;
}
