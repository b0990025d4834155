package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Instant;
import java.util.Set;

/**
 * A risk acceptance as a statement: "we accept a {@code probability} chance of {@code risk} because
 * {@code rationale}; if it happens we do {@code contingency}", bound to one revision of one change
 * under one policy, until it expires.
 *
 * <p>The statement alone proves nothing: it counts only inside a {@link SignedAcceptance} whose
 * signature a human's registered key made, and who signed (with which roles) comes from the key
 * registry, never from {@link #signatory()}.
 *
 * <p>An acceptance may also name FIX_NOW findings it accepts, by their {@linkplain Finding#rule()
 * rule} (the reviewer's code for what it found, such as {@code sql-injection}, as an {@link
 * OverrideSubject} names one): while it counts, no FIX_NOW finding of a named rule in a verdict on
 * this change holds the change. It names none by default.
 *
 * @param change the change accepted
 * @param contentDigest the content digest of the revision accepted
 * @param policyDigest the digest of the policy the acceptance was made under
 * @param risk what could go wrong (X)
 * @param probability the accepted chance of it, within [0, 1]
 * @param rationale why that is acceptable (Y)
 * @param contingency what will be done if it happens (Z)
 * @param signatory the id of the human who says they sign
 * @param signedAt when it was signed
 * @param expiresAt when it stops counting; after {@code signedAt}
 * @param findings the rules of the FIX_NOW findings accepted, each a token; may be empty
 */
public record RiskAcceptance(
    ChangeRef change,
    ContentDigest contentDigest,
    PolicyDigest policyDigest,
    String risk,
    double probability,
    String rationale,
    String contingency,
    String signatory,
    Instant signedAt,
    Instant expiresAt,
    Set<String> findings) {
  /** Checks the fields and copies the findings; the acceptance must expire after it was signed. */
  public RiskAcceptance {
    Class<?> t = RiskAcceptance.class;
    Checks.present(t, "change", change);
    Checks.present(t, "contentDigest", contentDigest);
    Checks.present(t, "policyDigest", policyDigest);
    Checks.text(t, "risk", risk);
    probability = Checks.within(t, "probability", probability, 0, 1);
    Checks.text(t, "rationale", rationale);
    Checks.text(t, "contingency", contingency);
    Checks.token(t, "signatory", signatory);
    Checks.instant(t, "signedAt", signedAt);
    Checks.instant(t, "expiresAt", expiresAt);
    if (!expiresAt.isAfter(signedAt)) {
      throw new InvalidValueException(
          t, "expiresAt", "must be after signedAt (" + signedAt + ")", expiresAt);
    }
    findings = Checks.tokens(t, "findings", findings);
  }

  /**
   * A risk acceptance that names no finding: the statement as it was before acceptances could name
   * findings.
   *
   * @throws InvalidValueException as the canonical constructor does
   */
  public RiskAcceptance(
      ChangeRef change,
      ContentDigest contentDigest,
      PolicyDigest policyDigest,
      String risk,
      double probability,
      String rationale,
      String contingency,
      String signatory,
      Instant signedAt,
      Instant expiresAt) {
    this(
        change,
        contentDigest,
        policyDigest,
        risk,
        probability,
        rationale,
        contingency,
        signatory,
        signedAt,
        expiresAt,
        Set.of());
  }

  /** Whether the acceptance names {@code finding}'s rule among the findings it accepts. */
  public boolean accepts(Finding finding) {
    return findings.contains(finding.rule());
  }

  /**
   * Whether the acceptance is in force at {@code at}: signed at or before it, expiring after it.
   */
  public boolean inForceAt(Instant at) {
    return !signedAt.isAfter(at) && expiresAt.isAfter(at);
  }
}
