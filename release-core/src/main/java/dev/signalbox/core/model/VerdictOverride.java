package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Instant;

/**
 * An override as a statement: a human's decision to accept a {@code REJECT} verdict or a {@code
 * FIX_NOW} finding as a known risk, bound to one revision of one change under one policy. (The
 * vocabulary's "Override"; named so as not to clash with {@link java.lang.Override}.)
 *
 * <p>It counts only inside a {@link SignedOverride} whose signature a human's registered key made.
 *
 * @param change the change concerned
 * @param contentDigest the content digest of the revision concerned
 * @param policyDigest the digest of the policy the override was made under
 * @param subject the verdict or finding accepted
 * @param rationale why it is accepted
 * @param signatory the id of the human who says they sign
 * @param signedAt when it was signed
 * @param expiresAt when it stops counting; after {@code signedAt}
 */
public record VerdictOverride(
    ChangeRef change,
    ContentDigest contentDigest,
    PolicyDigest policyDigest,
    OverrideSubject subject,
    String rationale,
    String signatory,
    Instant signedAt,
    Instant expiresAt) {
  /** Checks the fields; the override must expire after it was signed. */
  public VerdictOverride {
    Class<?> t = VerdictOverride.class;
    Checks.present(t, "change", change);
    Checks.present(t, "contentDigest", contentDigest);
    Checks.present(t, "policyDigest", policyDigest);
    Checks.present(t, "subject", subject);
    Checks.text(t, "rationale", rationale);
    Checks.token(t, "signatory", signatory);
    Checks.instant(t, "signedAt", signedAt);
    Checks.instant(t, "expiresAt", expiresAt);
    if (!expiresAt.isAfter(signedAt)) {
      throw new InvalidValueException(
          t, "expiresAt", "must be after signedAt (" + signedAt + ")", expiresAt);
    }
  }

  /** Whether the override is in force at {@code at}: signed at or before it, expiring after it. */
  public boolean inForceAt(Instant at) {
    return !signedAt.isAfter(at) && expiresAt.isAfter(at);
  }
}
