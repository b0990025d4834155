/**
 * Signalbox's git adapter, built on JGit: change sets, content digests, ownership, merge simulation
 * and revert checks behind release-core's version-control SPI.
 */
module dev.signalbox.git {
  requires static transitive org.jspecify;
  requires transitive dev.signalbox.core;
  requires org.eclipse.jgit;

  exports dev.signalbox.git;
  exports dev.signalbox.git.risk;
}
