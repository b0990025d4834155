/**
 * The contract test kits run against Signalbox's own implementations and against small ones — a
 * custom rule, measured error budgets, a verifier of test-signed envelopes — and against broken
 * ones, which they must catch.
 */
@NullMarked
package dev.signalbox.testkit.contracts;

import org.jspecify.annotations.NullMarked;
