package dev.signalbox.core.notes;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.Requirement;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.verification.ChecksReport;
import dev.signalbox.core.verification.ClaimsReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request for change (RFC) as a release manager reads it: the change with its evidence and the
 * policy's decision — what and why, blast radius, risk and what is accepted and by whom, the
 * rollback plan and whether it was verified, approvals required and present, checks, the agent's
 * claims against reality, and the decision with its reasons. {@link #markdown()} renders it for a
 * pull request's description; {@link #json()} writes the same data for tools.
 *
 * <p>Every value in it is plain data (no trusted evidence), so it reads back from its JSON.
 * Immutable and thread-safe.
 *
 * @param change the change request
 * @param acceptances the risk acceptances in force for this change and content, with who signed
 * @param revertCheck whether reverting the change was verified to apply cleanly
 * @param approvals per surface the policy requires, what it needs and the approvals present
 * @param checks where each check stands on the head commit
 * @param claims the agent's claims held against the change
 * @param decision the policy's decision
 */
public record RequestForChange(
    ChangeRequest change,
    List<Acceptance> acceptances,
    RevertCheck revertCheck,
    List<Approvals> approvals,
    ChecksReport checks,
    ClaimsReport claims,
    Decision decision) {
  private static final DocumentCodec JSON = DocumentCodec.json();

  /** Checks that the parts are about the same change and revision, and copies the lists. */
  public RequestForChange {
    Class<?> t = RequestForChange.class;
    Checks.present(t, "change", change);
    acceptances = Checks.list(t, "acceptances", acceptances);
    Checks.present(t, "revertCheck", revertCheck);
    approvals = Checks.list(t, "approvals", approvals);
    Checks.present(t, "checks", checks);
    Checks.present(t, "claims", claims);
    Checks.present(t, "decision", decision);
    same(t, "checks", checks.change().equals(change.ref()) && checks.head().equals(change.head()));
    same(t, "claims", claims.change().equals(change.ref()) && claims.head().equals(change.head()));
    same(
        t,
        "decision",
        decision.change().equals(change.ref()) && decision.revision().equals(change.head()));
  }

  private static void same(Class<?> t, String field, boolean same) {
    if (!same) {
      throw new InvalidValueException(t, field, "must be about the change's head revision", field);
    }
  }

  /**
   * The request for change of {@code change} as {@code policy} decided it in {@code context}: the
   * acceptances, approvals, checks and claims are read from the context's evidence.
   *
   * @param change the change
   * @param policy the policy that decided, for the surfaces and checks it requires
   * @param context the context of the decision, with its evidence
   * @param decision the policy's decision on the change in that context
   * @param revertCheck whether a revert was verified ({@link RevertCheck#notChecked()} if not)
   * @throws InvalidValueException if an argument is null or the decision is about another change or
   *     revision
   */
  public static RequestForChange of(
      ChangeRequest change,
      ReleasePolicy policy,
      ReleaseContext context,
      Decision decision,
      RevertCheck revertCheck) {
    Class<?> t = RequestForChange.class;
    Checks.present(t, "change", change);
    Checks.present(t, "policy", policy);
    Checks.present(t, "context", context);
    List<Acceptance> acceptances = new ArrayList<>();
    for (VerifiedAcceptance verified : context.evidence().acceptances()) {
      RiskAcceptance acceptance = verified.acceptance();
      if (acceptance.change().equals(change.ref())
          && acceptance.contentDigest().equals(change.contentDigest())
          && acceptance.policyDigest().equals(policy.digest())
          && acceptance.inForceAt(context.now())) {
        acceptances.add(
            new Acceptance(
                acceptance.risk(),
                acceptance.probability(),
                acceptance.rationale(),
                acceptance.contingency(),
                verified.signer(),
                verified.roles(),
                acceptance.expiresAt()));
      }
    }
    List<Approvals> approvals = new ArrayList<>();
    for (Map.Entry<RiskSurface, Requirement> entry : policy.requiredSurfaces(change).entrySet()) {
      Map<String, Agent> approvers = new TreeMap<>();
      for (TrustedVerdict trusted : context.evidence().verdicts()) {
        Verdict verdict = trusted.verdict();
        if (verdict.surface() == entry.getKey()
            && verdict.outcome() == VerdictOutcome.APPROVE
            && verdict.change().equals(change.ref())
            && verdict.contentDigest().equals(change.contentDigest())
            && !verdict.reviewer().id().equals(change.producer().id())) {
          approvers.putIfAbsent(verdict.reviewer().id(), verdict.reviewer());
        }
      }
      List<Agent> present = List.copyOf(approvers.values());
      approvals.add(
          new Approvals(
              entry.getKey(),
              entry.getValue().quorum(),
              entry.getValue().distinctFamilies(),
              present));
    }
    return new RequestForChange(
        change,
        acceptances,
        revertCheck,
        approvals,
        ChecksReport.of(change, policy.definition().requiredChecks(), context.evidence().checks()),
        ClaimsReport.verify(change, context.evidence().checks()),
        decision);
  }

  /** The request for change in Markdown, for a pull request's description. */
  public String markdown() {
    return RfcMarkdown.render(this);
  }

  /** The request for change as a JSON document of this format version, for tools. */
  public String json() {
    return JSON.write(this);
  }

  /**
   * A risk acceptance in force for the change: what is accepted, and by whom.
   *
   * @param risk what could go wrong
   * @param probability the chance accepted
   * @param rationale why that is acceptable
   * @param contingency what will be done if it happens
   * @param signer who signed, from the key registry
   * @param roles the signer's roles, from the key registry
   * @param expiresAt when the acceptance stops counting
   */
  public record Acceptance(
      String risk,
      double probability,
      String rationale,
      String contingency,
      Human signer,
      Set<String> roles,
      Instant expiresAt) {
    /** Checks the fields. */
    public Acceptance {
      Checks.text(Acceptance.class, "risk", risk);
      probability = Checks.within(Acceptance.class, "probability", probability, 0, 1);
      Checks.text(Acceptance.class, "rationale", rationale);
      Checks.text(Acceptance.class, "contingency", contingency);
      Checks.present(Acceptance.class, "signer", signer);
      roles = Checks.tokens(Acceptance.class, "roles", roles);
      Checks.instant(Acceptance.class, "expiresAt", expiresAt);
    }
  }

  /**
   * What one risk surface needs and what it has: the approvals the policy requires, and the
   * reviewers whose APPROVE verdicts name the change's current content (other than the producer).
   * Whether each of those counts — its age, its operator — is the decision's to say.
   *
   * @param surface the risk surface
   * @param quorum the approvals required
   * @param distinctFamilies the distinct model families required among them
   * @param present the reviewers who approved the current content
   */
  public record Approvals(
      RiskSurface surface, int quorum, int distinctFamilies, List<Agent> present) {
    /** Checks the fields. */
    public Approvals {
      Checks.present(Approvals.class, "surface", surface);
      Checks.atLeast(Approvals.class, "quorum", quorum, 1);
      Checks.atLeast(Approvals.class, "distinctFamilies", distinctFamilies, 1);
      present = ImmutableList.copyOf(Checks.list(Approvals.class, "present", present));
    }
  }
}
