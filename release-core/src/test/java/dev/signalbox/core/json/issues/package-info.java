/** Regression tests of the codec, each named after what broke. */
@NullMarked
package dev.signalbox.core.json.issues;

import org.jspecify.annotations.NullMarked;
