/**
 * Documents people read, rendered from Signalbox's values: the request for change ({@link
 * dev.signalbox.core.notes.RequestForChange}) that a release manager reads before a change ships,
 * in Markdown for a pull request's description and in JSON for tools.
 */
@NullMarked
package dev.signalbox.core.notes;

import org.jspecify.annotations.NullMarked;
