/** Regression tests of the model, each named after what broke. */
@NullMarked
package dev.signalbox.core.model.issues;

import org.jspecify.annotations.NullMarked;
