/**
 * The calibration report: how well accepted risks' stated probabilities matched what happened, and
 * how often "not yet" calls and ships against reviewers' advice were followed by an adverse
 * outcome.
 */
@NullMarked
package dev.signalbox.core.calibration;

import org.jspecify.annotations.NullMarked;
