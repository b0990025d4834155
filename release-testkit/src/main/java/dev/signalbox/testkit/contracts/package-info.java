/**
 * Contract test kits: one abstract JUnit class per SPI, which every implementation's test extends
 * to show that it keeps the SPI's contract. Start from {@link
 * dev.signalbox.testkit.contracts.VersionControlContract}.
 */
@NullMarked
package dev.signalbox.testkit.contracts;

import org.jspecify.annotations.NullMarked;
