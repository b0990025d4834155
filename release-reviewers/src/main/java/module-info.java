/**
 * Signalbox's reviewer adapters: reviewers run as child processes or reached over HTTP with the
 * JDK's client, the built-in static reviewers, and the export of findings for code-scanning tools.
 */
module dev.signalbox.reviewers {
  requires static transitive org.jspecify;
  requires transitive dev.signalbox.core;
  requires transitive java.net.http;

  exports dev.signalbox.reviewers;
  exports dev.signalbox.reviewers.builtin;
  exports dev.signalbox.reviewers.export;
  exports dev.signalbox.reviewers.http;
  exports dev.signalbox.reviewers.process;
}
