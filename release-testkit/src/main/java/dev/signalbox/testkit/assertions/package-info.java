/**
 * AssertJ assertions for Signalbox's main types; start from {@link
 * dev.signalbox.testkit.assertions.SignalboxAssertions#assertThat(dev.signalbox.core.model.Decision)}
 * and its overloads.
 */
@NullMarked
package dev.signalbox.testkit.assertions;

import org.jspecify.annotations.NullMarked;
