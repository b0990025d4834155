/**
 * What adapters implement: the seams where Signalbox meets version control and other outside
 * systems, with the values that cross them.
 *
 * <p>Every value here is immutable, validated when built (an invalid field throws {@link
 * dev.signalbox.core.InvalidValueException}) and read and written by {@link
 * dev.signalbox.core.json.DocumentCodec}. Each SPI comes with a contract test kit in {@code
 * release-testkit} that every implementation passes.
 */
@NullMarked
package dev.signalbox.core.spi;

import org.jspecify.annotations.NullMarked;
