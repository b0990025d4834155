/**
 * Tests of the release calendar: a brute-force oracle written independently of the implementation,
 * property tests against it, and hand-written examples around DST changes.
 */
@NullMarked
package dev.signalbox.core.calendar;

import org.jspecify.annotations.NullMarked;
