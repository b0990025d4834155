/**
 * Contract test kits for Signalbox's SPIs: abstract JUnit 5 test classes that an implementation's
 * test extends, providing the implementation under test, to check that it behaves as Signalbox
 * relies on.
 */
@NullMarked
package dev.signalbox.testkit.contracts;

import org.jspecify.annotations.NullMarked;
