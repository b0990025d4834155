/**
 * Signalbox's core: the exception hierarchy shared by every part of the library.
 *
 * <p>The parts live in sub-packages: {@code model} (immutable values), {@code json} (reading and
 * writing them as JSON and YAML).
 */
@NullMarked
package dev.signalbox.core;

import org.jspecify.annotations.NullMarked;
