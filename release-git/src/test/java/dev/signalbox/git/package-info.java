/** Tests of the git adapter, on real repositories in temporary folders with git as the oracle. */
@NullMarked
package dev.signalbox.git;

import org.jspecify.annotations.NullMarked;
