/** Tests of the risk features on real repositories built in temporary folders. */
@NullMarked
package dev.signalbox.git.risk;

import org.jspecify.annotations.NullMarked;
