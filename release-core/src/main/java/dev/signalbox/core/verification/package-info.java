/**
 * Pre-release verification: is the change what it says it is? {@link
 * dev.signalbox.core.verification.ChecksReport} says where each CI check stands on the change's
 * current head commit (fresh runs count, runs on other commits are stale); {@link
 * dev.signalbox.core.verification.ClaimsReport} compares the producing agent's claims with the real
 * change set and the checks, one {@link dev.signalbox.core.verification.ClaimMismatch} per
 * mismatch. The policy's {@code required-checks} and {@code agent-claims} rules decide what they
 * cost. Every value here is immutable and thread-safe, and the comparisons are pure functions.
 */
@NullMarked
package dev.signalbox.core.verification;

import org.jspecify.annotations.NullMarked;
