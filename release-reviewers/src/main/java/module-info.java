/**
 * Signalbox's reviewer adapters: reviewers run as child processes or reached over HTTP with the
 * JDK's client, and the built-in static reviewers.
 *
 * <p>The adapters' API package is exported when their first type lands (see the review board
 * issue).
 */
module dev.signalbox.reviewers {
  requires static transitive org.jspecify;
  requires transitive dev.signalbox.core;
  requires java.net.http;
}
