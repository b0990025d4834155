/**
 * Signalbox's reviewer adapters: {@code process} runs a reviewer as a child process, {@code http}
 * asks a model over HTTP, {@code builtin} holds the static reviewers, {@code export} writes
 * findings for code-scanning tools.
 */
@NullMarked
package dev.signalbox.reviewers;

import org.jspecify.annotations.NullMarked;
