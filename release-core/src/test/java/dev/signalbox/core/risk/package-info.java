/** Tests of the risk trainer, models and evaluation. */
@NullMarked
package dev.signalbox.core.risk;

import org.jspecify.annotations.NullMarked;
