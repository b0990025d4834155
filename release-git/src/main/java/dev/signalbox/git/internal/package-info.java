/**
 * Internals shared by the git adapter and its risk features, not exported: {@link
 * dev.signalbox.git.internal.GitLineCounts}, the line counts git prints.
 */
@NullMarked
package dev.signalbox.git.internal;

import org.jspecify.annotations.NullMarked;
