/**
 * Virtual time for tests of code that waits: a clock, a scheduler and an executor whose time moves
 * only when everything has settled, so that deadlines, timeouts and backoffs are tested exactly and
 * without sleeping.
 */
@NullMarked
package dev.signalbox.testkit.time;

import org.jspecify.annotations.NullMarked;
