package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One reviewer's outcome on one risk surface of one change, bound to the content digest it read.
 *
 * <p>A verdict is a statement; whether it counts is the policy's decision, and only verdicts that
 * came out of a review board or a verified signature are trusted.
 *
 * @param change the change reviewed
 * @param reviewer the reviewing agent
 * @param surface the one risk surface judged
 * @param outcome approve, reject or abstain
 * @param abstention why it abstained; present exactly when the outcome is {@code ABSTAIN}
 * @param findings what the reviewer found; none for an abstention, which judges nothing
 * @param contentDigest the content digest of the diff it read
 * @param issuedAt when the verdict was issued
 */
public record Verdict(
    ChangeRef change,
    Agent reviewer,
    RiskSurface surface,
    VerdictOutcome outcome,
    Optional<Abstention> abstention,
    List<Finding> findings,
    ContentDigest contentDigest,
    Instant issuedAt) {
  /** Checks the fields; an abstention and its cause come together. */
  public Verdict {
    Checks.present(Verdict.class, "change", change);
    Checks.present(Verdict.class, "reviewer", reviewer);
    Checks.present(Verdict.class, "surface", surface);
    Checks.present(Verdict.class, "outcome", outcome);
    Checks.optional(Verdict.class, "abstention", abstention);
    if (outcome == VerdictOutcome.ABSTAIN && abstention.isEmpty()) {
      throw new InvalidValueException(
          Verdict.class, "abstention", "must be present when the outcome is ABSTAIN", null);
    }
    if (outcome != VerdictOutcome.ABSTAIN && abstention.isPresent()) {
      throw new InvalidValueException(
          Verdict.class,
          "abstention",
          "must be absent when the outcome is " + outcome,
          abstention.get().cause());
    }
    findings = Checks.list(Verdict.class, "findings", findings);
    if (outcome == VerdictOutcome.ABSTAIN && !findings.isEmpty()) {
      throw new InvalidValueException(
          Verdict.class, "findings", "must be empty when the outcome is ABSTAIN", findings.size());
    }
    Checks.present(Verdict.class, "contentDigest", contentDigest);
    Checks.instant(Verdict.class, "issuedAt", issuedAt);
  }

  /** An abstention by {@code reviewer} on {@code surface} with the given cause. */
  public static Verdict abstain(
      ChangeRef change,
      Agent reviewer,
      RiskSurface surface,
      ContentDigest contentDigest,
      Instant issuedAt,
      AbstainCause cause,
      String detail) {
    return new Verdict(
        change,
        reviewer,
        surface,
        VerdictOutcome.ABSTAIN,
        Optional.of(new Abstention(cause, detail)),
        List.of(),
        contentDigest,
        issuedAt);
  }

  /** Whether any finding advises {@link Advice#FIX_NOW}. */
  public boolean hasFixNow() {
    return findings.stream().anyMatch(finding -> finding.advice() == Advice.FIX_NOW);
  }
}
