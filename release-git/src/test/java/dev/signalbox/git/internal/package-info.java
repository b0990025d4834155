/** Tests of the shared git-compatible line counter, with git as the oracle. */
@NullMarked
package dev.signalbox.git.internal;

import org.jspecify.annotations.NullMarked;
