/**
 * Contract test kits for Signalbox's SPIs: abstract JUnit 5 classes that an implementation's test
 * extends by supplying the implementation (and, for some, ways to make its inputs), inheriting
 * every check of the contract — as Micrometer's {@code MeterRegistryCompatibilityKit} does for
 * meter registries.
 */
@NullMarked
package dev.signalbox.testkit.contracts;

import org.jspecify.annotations.NullMarked;
