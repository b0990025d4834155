/** Tests of the in-toto attestations. */
@NullMarked
package dev.signalbox.core.attestation;

import org.jspecify.annotations.NullMarked;
