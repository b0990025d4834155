/**
 * Trusted and verified evidence for tests: what a review board run or the evidence verifier would
 * produce, made directly, so that users' test suites can decide with evidence without keys.
 *
 * <p>This is the only way outside release-core to create such values; release-core exports the
 * means to this module alone. Use it in tests, never in production code.
 */
@NullMarked
package dev.signalbox.testkit.evidence;

import org.jspecify.annotations.NullMarked;
