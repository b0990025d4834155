package dev.signalbox.core.signing;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a statement must be bound to in order to count for a decision: this change, this content
 * digest, this policy, in force now. A statement bound to anything else is a replay.
 *
 * <p>The {@code check} methods are pure functions; they list every mismatch.
 *
 * @param change the change being decided
 * @param contentDigest its current content digest
 * @param policyDigest the digest of the policy deciding
 * @param at the instant of the decision
 */
public record Binding(
    ChangeRef change, ContentDigest contentDigest, PolicyDigest policyDigest, Instant at) {
  /** Checks the fields. */
  public Binding {
    Checks.present(Binding.class, "change", change);
    Checks.present(Binding.class, "contentDigest", contentDigest);
    Checks.present(Binding.class, "policyDigest", policyDigest);
    Checks.instant(Binding.class, "at", at);
  }

  /** Every way {@code acceptance} is not bound to this change, digest, policy and time. */
  public List<Refusal> check(RiskAcceptance acceptance) {
    List<Refusal> refusals = new ArrayList<>();
    subject(refusals, acceptance.change(), acceptance.contentDigest());
    policy(refusals, acceptance.policyDigest());
    period(refusals, acceptance.signedAt(), acceptance.expiresAt());
    return refusals;
  }

  /** Every way {@code override} is not bound to this change, digest, policy and time. */
  public List<Refusal> check(VerdictOverride override) {
    List<Refusal> refusals = new ArrayList<>();
    subject(refusals, override.change(), override.contentDigest());
    policy(refusals, override.policyDigest());
    period(refusals, override.signedAt(), override.expiresAt());
    return refusals;
  }

  /**
   * Every way {@code verdict} is not bound to this change and content digest, or was issued after
   * {@link #at()}. Verdicts name no policy and do not expire.
   */
  public List<Refusal> check(Verdict verdict) {
    List<Refusal> refusals = new ArrayList<>();
    subject(refusals, verdict.change(), verdict.contentDigest());
    if (verdict.issuedAt().isAfter(at)) {
      refusals.add(
          new Refusal(
              RefusalReason.NOT_IN_FORCE_YET, "issued at " + verdict.issuedAt() + ", after " + at));
    }
    return refusals;
  }

  private void subject(List<Refusal> refusals, ChangeRef named, ContentDigest digest) {
    if (!named.equals(change)) {
      refusals.add(
          new Refusal(RefusalReason.OTHER_CHANGE, "for change " + named + ", not " + change));
    }
    if (!digest.equals(contentDigest)) {
      refusals.add(
          new Refusal(
              RefusalReason.OTHER_CONTENT_DIGEST,
              "for content digest " + digest + ", not " + contentDigest));
    }
  }

  private void policy(List<Refusal> refusals, PolicyDigest named) {
    if (!named.equals(policyDigest)) {
      refusals.add(
          new Refusal(
              RefusalReason.OTHER_POLICY_DIGEST,
              "under policy " + named + ", not " + policyDigest));
    }
  }

  private void period(List<Refusal> refusals, Instant signedAt, Instant expiresAt) {
    if (signedAt.isAfter(at)) {
      refusals.add(
          new Refusal(RefusalReason.NOT_IN_FORCE_YET, "signed at " + signedAt + ", after " + at));
    }
    if (!expiresAt.isAfter(at)) {
      refusals.add(new Refusal(RefusalReason.EXPIRED, "expired at " + expiresAt));
    }
  }
}
