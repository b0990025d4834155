/**
 * Signing and verifying Signalbox statements: DSSE envelopes signed with Ed25519, the {@link
 * dev.signalbox.core.signing.Signer} SPI (so that a KMS or an HSM can sign), the {@link
 * dev.signalbox.core.signing.KeyResolver} SPI and its default {@link
 * dev.signalbox.core.signing.KeyRegistry} (keys to principals, with roles, validity periods and
 * revocation), {@link dev.signalbox.core.signing.EnvelopeVerifier}, which turns one envelope into a
 * verified statement or every reason it is refused, and {@link
 * dev.signalbox.core.signing.SignedEvidenceVerifier}, the policy's default {@link
 * dev.signalbox.core.policy.EvidenceVerifier}, which does so for all of a change's evidence at
 * once.
 *
 * <p>An envelope is verified first and parsed after, and exactly the verified bytes are parsed. Who
 * signed, and with which roles, comes from the key registry, never from the statement.
 */
@NullMarked
package dev.signalbox.core.signing;

import org.jspecify.annotations.NullMarked;
