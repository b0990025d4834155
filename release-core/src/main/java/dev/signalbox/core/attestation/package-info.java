/**
 * Signalbox's records as in-toto attestations (Statement v1 in a DSSE envelope), for other
 * supply-chain tools: decisions with the Simple Verification Result predicate, verdicts, risk
 * acceptances and overrides with Signalbox's own predicate types, whose JSON Schemas are resources
 * of this package.
 */
@NullMarked
package dev.signalbox.core.attestation;

import org.jspecify.annotations.NullMarked;
