/** Tests of the values that cross the SPIs. */
@NullMarked
package dev.signalbox.core.spi;

import org.jspecify.annotations.NullMarked;
