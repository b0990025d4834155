package dev.signalbox.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.trust.TrustedValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fix-now rule with risk acceptances: a FIX_NOW finding holds the change unless a valid
 * acceptance (or override) names it, and an acceptance names findings by their rule.
 */
class FixNowAcceptanceTest {
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  private static final Instant NOW = Examples.NOW;
  private static final Human RITA = Human.of("rita", "Rita", "release-manager");
  private static final Agent CRITIC = new Agent("critic-3", "gemini-2", "gemini", "op-review");

  private static final Finding OPEN_REDIRECT =
      new Finding(
          Optional.of(RepoPath.of("src/web/Login.java")),
          Optional.empty(),
          Severity.HIGH,
          Advice.FIX_NOW,
          "open-redirect",
          "redirect target not checked",
          Optional.empty(),
          0.9);

  private static TrustedVerdict verdict(
      ChangeRequest change, Agent reviewer, RiskSurface surface, Finding... findings) {
    return TrustedValues.fromBoard(
        new Verdict(
            change.ref(),
            reviewer,
            surface,
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(findings),
            change.contentDigest(),
            NOW.minus(Duration.ofMinutes(10))));
  }

  /** Approvals for every required surface, and one more approval carrying the FIX_NOW finding. */
  private static List<TrustedVerdict> verdicts(ChangeRequest change) {
    List<TrustedVerdict> verdicts = new ArrayList<>();
    POLICY
        .requiredSurfaces(change)
        .forEach(
            (surface, requirement) -> {
              for (int i = 0; i < requirement.quorum(); i++) {
                verdicts.add(
                    verdict(
                        change,
                        new Agent("r-" + surface + "-" + i, "gpt-5", "gpt", "op-review"),
                        surface));
              }
            });
    verdicts.add(verdict(change, CRITIC, RiskSurface.SECURITY, OPEN_REDIRECT));
    return verdicts;
  }

  private static VerifiedAcceptance acceptance(
      ChangeRequest change, double probability, Instant signedAt, Set<String> findings) {
    return TrustedValues.acceptance(
        new RiskAcceptance(
            change.ref(),
            change.contentDigest(),
            POLICY.digest(),
            "an open redirect on the login page",
            probability,
            "the target is a constant in this release",
            "revert and rotate the session keys",
            "rita",
            signedAt,
            signedAt.plus(Duration.ofHours(4)),
            findings),
        RITA,
        "key-rita");
  }

  private static Decision decide(ChangeRequest change, VerifiedAcceptance... acceptances) {
    Evidence evidence =
        Evidence.of(verdicts(change), List.of(acceptances), List.of(), List.of(), List.of());
    return POLICY.decide(change, ReleaseContext.at(NOW).withEvidence(evidence));
  }

  private static List<String> messages(Decision decision, String rule) {
    return decision.reasons().stream()
        .filter(r -> r.rule().equals(rule))
        .map(Reason::message)
        .toList();
  }

  @Test
  void withoutAnAcceptanceTheFindingHoldsTheChangeAndSaysHowToRelease() {
    ChangeRequest change = Examples.change();
    Decision decision = decide(change);
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(decision.required())
        .filteredOn(action -> action.rule().equals("fix-now"))
        .map(RequiredAction::action)
        .containsExactly(
            "fix open-redirect at src/web/Login.java in a new revision, or have a human with role"
                + " release-manager sign an override naming it, or one with role engineering-lead"
                + " or incident-commander or release-manager sign a risk acceptance naming"
                + " open-redirect within that role's limits");
  }

  @Test
  void anAcceptanceNamingTheFindingReleasesIt() {
    ChangeRequest change = Examples.change();
    Decision decision =
        decide(change, acceptance(change, 0.05, NOW.minusSeconds(60), Set.of("open-redirect")));
    assertThat(decision.outcome()).isEqualTo(Outcome.SHIP);
    assertThat(messages(decision, "fix-now"))
        .containsExactly(
            "FIX_NOW finding open-redirect at src/web/Login.java by critic-3 on SECURITY is"
                + " accepted by rita");
  }

  @Test
  void anAcceptanceNamingAnotherFindingDoesNotReleaseIt() {
    ChangeRequest change = Examples.change();
    Decision decision =
        decide(change, acceptance(change, 0.05, NOW.minusSeconds(60), Set.of("sql-injection")));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "fix-now"))
        .containsExactly(
            "FIX_NOW finding open-redirect at src/web/Login.java by critic-3 on SECURITY:"
                + " redirect target not checked");
  }

  @Test
  void anAcceptanceNamingNoFindingDoesNotReleaseIt() {
    ChangeRequest change = Examples.change();
    assertThat(decide(change, acceptance(change, 0.05, NOW.minusSeconds(60), Set.of())).outcome())
        .isEqualTo(Outcome.NOT_YET);
  }

  @Test
  void anExpiredAcceptanceNamingTheFindingDoesNotReleaseIt() {
    ChangeRequest change = Examples.change();
    Decision decision =
        decide(
            change,
            acceptance(change, 0.05, NOW.minus(Duration.ofHours(5)), Set.of("open-redirect")));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "fix-now")).hasSize(1);
    assertThat(messages(decision, "evidence-freshness"))
        .containsExactly(
            "risk acceptance signed by rita is not in force now (expired, or signed later)");
  }

  @Test
  void anAcceptanceBeyondTheSignersLimitsDoesNotReleaseIt() {
    ChangeRequest change = Examples.change();
    Decision decision =
        decide(change, acceptance(change, 0.5, NOW.minusSeconds(60), Set.of("open-redirect")));
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(messages(decision, "fix-now")).hasSize(1);
    assertThat(messages(decision, "acceptance-limits")).hasSize(1);
  }

  @Test
  void theFindingsAnAcceptanceNamesSurviveJsonAndAnOlderDocumentNamesNone() {
    ChangeRequest change = Examples.change();
    RiskAcceptance named =
        acceptance(change, 0.05, NOW, Set.of("open-redirect", "sql-injection")).acceptance();
    DocumentCodec json = DocumentCodec.json();
    assertThat(json.read(json.write(named), RiskAcceptance.class)).isEqualTo(named);

    RiskAcceptance unnamed =
        new RiskAcceptance(
            named.change(),
            named.contentDigest(),
            named.policyDigest(),
            named.risk(),
            named.probability(),
            named.rationale(),
            named.contingency(),
            named.signatory(),
            named.signedAt(),
            named.expiresAt());
    ObjectNode older = (ObjectNode) json.toTree(unnamed);
    assertThat(older.remove("findings")).isNotNull();
    assertThat(json.fromTree(older, RiskAcceptance.class)).isEqualTo(unnamed);
  }
}
