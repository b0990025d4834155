/** Tests of the calibration report. */
@NullMarked
package dev.signalbox.core.calibration;

import org.jspecify.annotations.NullMarked;
