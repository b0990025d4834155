/** Runnable examples of Signalbox's API. */
@NullMarked
package dev.signalbox.examples;

import org.jspecify.annotations.NullMarked;
