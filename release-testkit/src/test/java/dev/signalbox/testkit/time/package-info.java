/** Tests of the test kit's virtual time. */
@NullMarked
package dev.signalbox.testkit.time;

import org.jspecify.annotations.NullMarked;
