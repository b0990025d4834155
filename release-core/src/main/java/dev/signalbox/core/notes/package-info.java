/**
 * Documents people read, rendered from Signalbox's values, each in Markdown for people and as a
 * versioned JSON document for tools: the request for change ({@link
 * dev.signalbox.core.notes.RequestForChange}) a release manager reads before a change ships, the
 * release notes of a departed train ({@link dev.signalbox.core.notes.ReleaseNotes}) and the release
 * standup ({@link dev.signalbox.core.notes.Standup}), both rendered from the ledger's entries.
 *
 * <p>Rendering never reads a clock (the instant is an input) and sorts what it lists, so equal
 * inputs give equal text. Every value from outside — a title an agent wrote, a path, a reason — is
 * escaped, so that it reads as the text it is in Markdown.
 */
@NullMarked
package dev.signalbox.core.notes;

import org.jspecify.annotations.NullMarked;
