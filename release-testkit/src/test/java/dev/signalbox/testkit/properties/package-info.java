/**
 * Property tests of the model and its codec over the test kit's generators: the invariants every
 * value type must hold.
 */
@NullMarked
package dev.signalbox.testkit.properties;

import org.jspecify.annotations.NullMarked;
