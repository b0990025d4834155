/**
 * The policy engine: one pure call, {@link dev.signalbox.core.policy.ReleasePolicy#decide}, that
 * says whether a change ships now, not yet, or goes back, and why.
 *
 * <p>Evidence reaches the policy already verified, as {@link
 * dev.signalbox.core.policy.TrustedVerdict}, {@link dev.signalbox.core.policy.VerifiedAcceptance}
 * and {@link dev.signalbox.core.policy.VerifiedOverride}: values that only the review board and the
 * {@link dev.signalbox.core.policy.EvidenceVerifier} can create, with no public constructor and no
 * JSON reader. The policy alone decides which of them count.
 */
@NullMarked
package dev.signalbox.core.policy;

import org.jspecify.annotations.NullMarked;
