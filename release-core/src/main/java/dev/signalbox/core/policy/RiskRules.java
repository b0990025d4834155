package dev.signalbox.core.policy;

import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RiskAcceptance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in rules that read a change's calibrated risk ({@link
 * dev.signalbox.core.model.ChangeRequest#risk()}): {@code risk-acceptance}, and the selective
 * unfreeze the {@code freeze} rule grants.
 */
final class RiskRules {
  /**
   * The {@link Reason#evidence()} key that marks an exemption from a freeze, and its value here.
   */
  static final String EXEMPTION = "exemption";

  static final String SELECTIVE_UNFREEZE = "selective-unfreeze";

  private RiskRules() {}

  /**
   * {@code risk-acceptance}: where the policy sets {@link PolicyDefinition.Review#acceptanceAbove},
   * a change whose calibrated probability of revert is at least that ships only with a valid risk
   * acceptance of that risk ({@link AcceptanceDraft#covers}: it names {@link
   * AcceptanceDraft#subject} of the score, at a probability of at least the score), from a role
   * whose limits cover it. A change without a score is not held by this rule (as {@code riskyAbove}
   * adds no approval for it). Held, it says why each valid acceptance given does not cover the
   * score.
   */
  static RuleResult riskAcceptance(Assessment a) {
    Optional<Double> threshold = a.definition.review().acceptanceAbove();
    Optional<ChangeRisk> risk = a.change.risk();
    if (threshold.isEmpty() || risk.isEmpty() || risk.get().probability() < threshold.get()) {
      return RuleResult.pass();
    }
    double score = risk.get().probability();
    String subject = AcceptanceDraft.subject(risk.get());
    List<Reason> uncovered = List.of(); // allocated only for an acceptance that does not cover it
    for (VerifiedAcceptance verified : a.validAcceptances()) {
      RiskAcceptance acceptance = verified.acceptance();
      double accepted = acceptance.probability();
      if (!AcceptanceDraft.covers(acceptance, risk.get())) {
        uncovered = uncovered.isEmpty() ? new ArrayList<>(1) : uncovered;
        uncovered.add(
            Reason.of(
                Rules.RISK_ACCEPTANCE,
                "risk acceptance by "
                    + verified.signer().id()
                    + (acceptance.risk().equals(subject)
                        ? " accepts " + percent(accepted) + ", below the score"
                        : " accepts another risk, \"" + acceptance.risk() + "\"")));
      } else if (a.mayAccept(verified.signer(), accepted, Set.of())) {
        return RuleResult.pass(
            new Reason(
                Rules.RISK_ACCEPTANCE,
                "calibrated risk "
                    + percent(score)
                    + " is accepted by "
                    + verified.signer().id()
                    + " (up to "
                    + percent(accepted)
                    + ")",
                Map.of(
                    "probability", Double.toString(score), "acceptedBy", verified.signer().id())));
      }
    }
    List<Reason> reasons = new ArrayList<>(1 + uncovered.size());
    reasons.add(
        new Reason(
            Rules.RISK_ACCEPTANCE,
            "calibrated risk "
                + percent(score)
                + " (model "
                + risk.get().modelId()
                + " "
                + risk.get().modelVersion()
                + ") is at least "
                + percent(threshold.get())
                + ": it ships only with a signed risk acceptance of at least that probability",
            Map.of(
                "probability",
                Double.toString(score),
                "threshold",
                Double.toString(threshold.get()))));
    reasons.addAll(uncovered);
    BlastLevel level = a.change.blastRadius().level();
    Set<String> able = new TreeSet<>();
    a.definition
        .roles()
        .forEach(
            (role, limits) -> {
              if (limits.covers(score, level)) {
                able.add(role);
              }
            });
    return new RuleResult.NotYet(
        reasons,
        List.of(
            new RequiredAction(
                Rules.RISK_ACCEPTANCE,
                able.isEmpty()
                    ? "no role may accept a "
                        + percent(score)
                        + " risk: lower the change's risk (split it, or shrink it)"
                    : "needs a risk acceptance that \""
                        + subject
                        + "\" at a probability of at least "
                        + score
                        + ", signed by a human with role "
                        + String.join(" or ", able)
                        + " (AcceptanceDraft.of pre-fills it)")),
        Optional.empty());
  }

  /**
   * The note of the {@code freeze} rule when a NON_CRITICAL freeze {@code window} lets the change
   * through because its calibrated risk is below {@code below}: it says so in words and in its
   * evidence ({@code exemption: selective-unfreeze}), which decisions and the ledger keep.
   */
  static Reason selectivelyUnfrozen(Assessment a, String window, double below) {
    double score = a.change.risk().orElseThrow().probability();
    return new Reason(
        Rules.FREEZE,
        "selectively unfrozen from " + window + ": calibrated risk " + score + " is below " + below,
        Map.of(
            EXEMPTION,
            SELECTIVE_UNFREEZE,
            "window",
            window,
            "probability",
            Double.toString(score),
            "below",
            Double.toString(below)));
  }

  private static String percent(double probability) {
    return String.format(Locale.ROOT, "%.1f%%", probability * 100);
  }
}
