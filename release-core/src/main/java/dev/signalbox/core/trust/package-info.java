/**
 * The only way to create trusted and verified evidence: for the review board, the evidence
 * verifier, and (through a qualified export) release-testkit, which no other module gets.
 *
 * <p>Values created here are believed by the policy without further proof, so this package is not
 * part of the API: {@code module-info.java} exports it to {@code dev.signalbox.testkit} alone.
 */
@NullMarked
package dev.signalbox.core.trust;

import org.jspecify.annotations.NullMarked;
