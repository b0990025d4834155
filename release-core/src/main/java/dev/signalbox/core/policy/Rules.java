package dev.signalbox.core.policy;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.internal.InstantText;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The built-in rules, each with its id: what {@link ReleasePolicy#defaults()} and policy files
 * configure. Each works on the decision's shared {@link Assessment}.
 */
final class Rules {
  static final String ROLLBACK = "rollback-plan";
  static final String QUORUM = "review-quorum";
  static final String FRESHNESS = "evidence-freshness";
  static final String APPROVAL_AGE = "approval-age";
  static final String SEPARATION = "separation-of-duties";
  static final String FIX_NOW = "fix-now";
  static final String EMERGENCY = "emergency";
  static final String FREEZE = "freeze";
  static final String MERGE_WINDOW = "merge-window";
  static final String ERROR_BUDGET = "error-budget";
  static final String SCOPE_DRIFT = "scope-drift";
  static final String DEPENDENCIES = "dependencies";
  static final String BLAST_RADIUS = "blast-radius-cap";
  static final String ACCEPTANCE_LIMITS = "acceptance-limits";
  static final String REQUIRED_CHECKS = "required-checks";
  static final String AGENT_CLAIMS = "agent-claims";
  static final String RISK_ACCEPTANCE = "risk-acceptance";

  /** The ids of the built-in rules, in the order they are evaluated. */
  static final List<String> IDS =
      List.of(
          ROLLBACK,
          SCOPE_DRIFT,
          DEPENDENCIES,
          QUORUM,
          FIX_NOW,
          EMERGENCY,
          FREEZE,
          MERGE_WINDOW,
          ERROR_BUDGET,
          BLAST_RADIUS,
          RISK_ACCEPTANCE,
          ACCEPTANCE_LIMITS,
          FRESHNESS,
          SEPARATION,
          APPROVAL_AGE,
          REQUIRED_CHECKS,
          AGENT_CLAIMS);

  private static final int NAMED_AT_MOST = 10;

  /** Up to this many notes, a repeated one is found by comparing each. */
  private static final int SCANNED_AT_MOST = 16;

  private Rules() {}

  /** A built-in rule: a rule over the decision's shared assessment. */
  interface BuiltIn {
    String id();

    RuleResult evaluate(Assessment assessment);
  }

  /** The built-in rule of {@code id}. */
  static BuiltIn of(String id) {
    return switch (id) {
      case ROLLBACK -> new BuiltInRule(id, Rules::rollback);
      case SCOPE_DRIFT -> new BuiltInRule(id, Rules::scopeDrift);
      case DEPENDENCIES -> new BuiltInRule(id, Rules::dependencies);
      case QUORUM -> new BuiltInRule(id, Rules::quorum);
      case FIX_NOW -> new BuiltInRule(id, Rules::fixNow);
      case EMERGENCY -> new BuiltInRule(id, Rules::emergency);
      case FREEZE -> new BuiltInRule(id, Rules::freeze);
      case MERGE_WINDOW -> new BuiltInRule(id, Rules::mergeWindow);
      case ERROR_BUDGET -> new BuiltInRule(id, Rules::errorBudget);
      case BLAST_RADIUS -> new BuiltInRule(id, Rules::blastRadius);
      case ACCEPTANCE_LIMITS -> new BuiltInRule(id, Rules::acceptanceLimits);
      case FRESHNESS, SEPARATION, APPROVAL_AGE -> new BuiltInRule(id, a -> setAside(a, id));
      case REQUIRED_CHECKS -> new BuiltInRule(id, VerificationRules::requiredChecks);
      case AGENT_CLAIMS -> new BuiltInRule(id, VerificationRules::agentClaims);
      case RISK_ACCEPTANCE -> new BuiltInRule(id, RiskRules::riskAcceptance);
      default -> throw new IllegalArgumentException("no built-in rule " + id);
    };
  }

  private record BuiltInRule(String id, java.util.function.Function<Assessment, RuleResult> body)
      implements BuiltIn {
    @Override
    public RuleResult evaluate(Assessment assessment) {
      return body.apply(assessment);
    }
  }

  // rollback-plan: no plan, no SHIP; irreversible kinds need more than a revert

  private static RuleResult rollback(Assessment a) {
    Optional<RollbackPlan> plan = a.change.rollback();
    if (plan.isEmpty()) {
      return RuleResult.sendBack(
          Reason.of(ROLLBACK, "the change has no rollback plan"),
          new RequiredAction(ROLLBACK, "declare how to undo the change before it ships"));
    }
    PolicyDefinition.Rollback settings = a.definition.rollback();
    if (settings.forIrreversible().contains(plan.get().kind())) {
      return RuleResult.Pass.EMPTY;
    }
    Set<SensitiveKind> irreversible = Set.of(); // in enum order, allocated only when touched
    Set<SensitiveKind> touched = a.change.blastRadius().sensitiveKinds();
    for (SensitiveKind kind : a.prepared.irreversible) {
      if (touched.contains(kind)) {
        irreversible = irreversible.isEmpty() ? EnumSet.noneOf(SensitiveKind.class) : irreversible;
        irreversible.add(kind);
      }
    }
    if (!irreversible.isEmpty()) {
      return RuleResult.sendBack(
          Reason.of(
              ROLLBACK,
              "the change touches "
                  + irreversible
                  + ", which a "
                  + plan.get().kind()
                  + " plan cannot undo"),
          new RequiredAction(
              ROLLBACK,
              "declare a rollback plan of kind " + new TreeSet<>(settings.forIrreversible())));
    }
    return RuleResult.Pass.EMPTY;
  }

  // scope-drift: changed paths outside the declared scope send the change back

  private static RuleResult scopeDrift(Assessment a) {
    if (a.change.declaredScope().coversAll(a.change.changes())) {
      return RuleResult.Pass.EMPTY; // most changes: one test for the paths below one directory
    }
    List<String> outside = List.of(); // allocated only for a path outside
    int count = 0;
    List<FileChange> files = a.change.changes().files();
    for (int i = 0; i < files.size(); i++) { // indexed: no iterator on every decision
      FileChange file = files.get(i);
      if (!covered(a, file.path())
          || (file.oldPath().isPresent() && !covered(a, file.oldPath().get()))) {
        if (count++ < NAMED_AT_MOST) {
          outside = outside.isEmpty() ? new ArrayList<>(1) : outside;
          outside.add(file.path().value());
        }
      }
    }
    if (count == 0) {
      return RuleResult.Pass.EMPTY;
    }
    return RuleResult.sendBack(
        new Reason(
            SCOPE_DRIFT,
            count
                + " changed path"
                + (count == 1 ? " lies" : "s lie")
                + " outside the declared scope: "
                + String.join(", ", outside)
                + (count > outside.size() ? " and " + (count - outside.size()) + " more" : ""),
            Map.of("paths", String.join(",", outside))),
        new RequiredAction(
            SCOPE_DRIFT,
            "revise the change to stay within its declared scope, or declare a wider one"));
  }

  private static boolean covered(Assessment a, RepoPath path) {
    return a.change.declaredScope().covers(path);
  }

  // dependencies: a dependency must have shipped or board earlier on the same train

  private static RuleResult dependencies(Assessment a) {
    Set<String> missing = Set.of();
    Set<ChangeRef> dependsOn = a.change.dependsOn();
    if (dependsOn.isEmpty()) {
      return RuleResult.Pass.EMPTY; // most changes: no iterator to allocate
    }
    for (ChangeRef dependency : dependsOn) {
      if (!a.context.satisfied().contains(dependency)) {
        if (missing.isEmpty()) {
          missing = new TreeSet<>(); // named in order
        }
        missing.add(dependency.toString());
      }
    }
    if (missing.isEmpty()) {
      return RuleResult.Pass.EMPTY;
    }
    String named = String.join(", ", missing);
    return RuleResult.notYet(
        Reason.of(DEPENDENCIES, "depends on " + named + ", not shipped yet"),
        new RequiredAction(DEPENDENCIES, "ship " + named + " first"));
  }

  // review-quorum: per surface, enough approvals from enough families; a REJECT sends back

  private static RuleResult quorum(Assessment a) {
    List<Reason> reasons = new ArrayList<>(0);
    List<RequiredAction> actions = new ArrayList<>(0);
    // any counted REJECT sends back, on a surface asked for or not; indexed loops and no sets
    // below, since this runs for every surface of every decision and mostly finds nothing wrong
    List<Verdict> counted = a.counted;
    for (RiskSurface surface : Assessment.SURFACES) {
      for (int i = 0; i < counted.size(); i++) {
        Verdict verdict = counted.get(i);
        if (verdict.surface() == surface
            && verdict.outcome() == VerdictOutcome.REJECT
            && !overridden(a, verdict, null)) {
          reasons.add(
              new Reason(
                  QUORUM,
                  "REJECT on "
                      + surface
                      + " by "
                      + verdict.reviewer().id()
                      + (verdict.findings().isEmpty()
                          ? ""
                          : ": " + verdict.findings().get(0).message()),
                  Map.of("reviewer", verdict.reviewer().id(), "surface", surface.name())));
          actions.add(
              new RequiredAction(
                  QUORUM,
                  "address the REJECT on "
                      + surface
                      + " by "
                      + verdict.reviewer().id()
                      + " in a new revision, or have a human with role "
                      + a.prepared.overrideRoles
                      + " sign an override naming it"));
        }
      }
    }
    boolean rejected = !reasons.isEmpty();
    Requirement requirement = a.requirement;
    for (RiskSurface surface : Assessment.SURFACES) {
      if (!a.requires(surface)) {
        continue;
      }
      int approvers = distinctApprovals(counted, surface, false);
      int families = distinctApprovals(counted, surface, true);
      int more = requirement.quorum() - approvers;
      int moreFamilies = requirement.distinctFamilies() - families;
      if (more > 0 || moreFamilies > 0) {
        reasons.add(
            new Reason(
                QUORUM,
                surface
                    + " has "
                    + approvers
                    + " counted approval"
                    + (approvers == 1 ? "" : "s")
                    + " of "
                    + requirement.quorum()
                    + (requirement.distinctFamilies() > 1
                        ? " from " + requirement.distinctFamilies() + " model families"
                        : ""),
                Map.of("surface", surface.name())));
        int needed = Math.max(more, moreFamilies);
        actions.add(
            new RequiredAction(
                QUORUM,
                "needs "
                    + (needed == 1 ? "an APPROVE" : needed + " more APPROVE verdicts")
                    + " on "
                    + surface
                    + " from "
                    + (needed == 1 ? "a reviewer" : "reviewers")
                    + " other than the producer"
                    + (requirement.distinctFamilies() > 1
                        ? ", for approvals from "
                            + requirement.distinctFamilies()
                            + " distinct model families"
                            + (families == 0
                                ? ""
                                : " (so far " + approvingFamilies(counted, surface) + ")")
                        : "")));
      }
    }
    if (rejected) {
      return new RuleResult.SendBack(reasons, actions);
    }
    if (!reasons.isEmpty()) {
      return new RuleResult.NotYet(reasons, actions, Optional.empty());
    }
    return RuleResult.Pass.EMPTY;
  }

  /**
   * How many distinct reviewers (or, with {@code byFamily}, model families) approve among {@code
   * verdicts}: a handful, so counting each at its first occurrence beats building a set.
   */
  private static int distinctApprovals(
      List<Verdict> verdicts, RiskSurface surface, boolean byFamily) {
    int distinct = 0;
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict verdict = verdicts.get(i);
      if (verdict.surface() != surface || verdict.outcome() != VerdictOutcome.APPROVE) {
        continue;
      }
      String key = byFamily ? verdict.reviewer().modelFamily() : verdict.reviewer().id();
      boolean first = true;
      for (int j = 0; j < i && first; j++) {
        Verdict earlier = verdicts.get(j);
        first =
            earlier.surface() != surface
                || earlier.outcome() != VerdictOutcome.APPROVE
                || !key.equals(
                    byFamily ? earlier.reviewer().modelFamily() : earlier.reviewer().id());
      }
      if (first) {
        distinct++;
      }
    }
    return distinct;
  }

  /**
   * The model families approving on {@code surface} among {@code verdicts}, each once, in order, as
   * a sorted set prints them ({@code [claude, gpt]}): a handful, kept sorted in an array.
   */
  private static String approvingFamilies(List<Verdict> verdicts, RiskSurface surface) {
    String[] families = new String[verdicts.size()];
    int count = 0;
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict verdict = verdicts.get(i);
      if (verdict.surface() != surface || verdict.outcome() != VerdictOutcome.APPROVE) {
        continue;
      }
      String family = verdict.reviewer().modelFamily();
      int at = 0;
      while (at < count && families[at].compareTo(family) < 0) {
        at++;
      }
      if (at == count || !families[at].equals(family)) {
        System.arraycopy(families, at, families, at + 1, count - at);
        families[at] = family;
        count++;
      }
    }
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : ", ").append(families[i]);
    }
    return text.append(']').toString();
  }

  /** Whether a valid override names {@code verdict} as a whole, or {@code finding} in it. */
  private static boolean overridden(Assessment a, Verdict verdict, @Nullable Finding finding) {
    List<VerifiedOverride> overrides = a.validOverrides();
    for (int i = 0; i < overrides.size(); i++) {
      VerifiedOverride verified = overrides.get(i);
      OverrideSubject subject = verified.override().subject();
      if (!subject.reviewer().equals(verdict.reviewer().id())
          || subject.surface() != verdict.surface()) {
        continue;
      }
      if (subject.isWholeVerdict()) {
        return true;
      }
      if (finding != null
          && subject.findingRule().equals(Optional.of(finding.rule()))
          && (subject.findingPath().isEmpty() || subject.findingPath().equals(finding.path()))) {
        return true;
      }
    }
    return false;
  }

  private static String roles(Set<String> roles) {
    return Prepared.roles(roles);
  }

  // fix-now: a FIX_NOW finding holds the change unless an override or an acceptance names it

  private static RuleResult fixNow(Assessment a) {
    List<Reason> reasons = List.of();
    List<RequiredAction> actions = List.of();
    List<Reason> notes = List.of();
    List<Verdict> counted = a.counted;
    for (RiskSurface surface : Assessment.SURFACES) {
      for (int i = 0; i < counted.size(); i++) {
        Verdict verdict = counted.get(i);
        if (verdict.surface() != surface || verdict.findings().isEmpty()) {
          continue;
        }
        List<Finding> findings = verdict.findings();
        for (int f = 0; f < findings.size(); f++) {
          Finding finding = findings.get(f);
          if (finding.advice() != Advice.FIX_NOW || overridden(a, verdict, finding)) {
            continue;
          }
          String where = finding.path().map(p -> " at " + p.value()).orElse("");
          VerifiedAcceptance accepted = a.acceptanceOf(finding);
          if (accepted != null) {
            if (notes.isEmpty()) {
              notes = new ArrayList<>(1);
            }
            notes.add(
                Reason.of(
                    FIX_NOW,
                    "FIX_NOW finding "
                        + finding.rule()
                        + where
                        + " by "
                        + verdict.reviewer().id()
                        + " on "
                        + surface
                        + " is accepted by "
                        + accepted.signer().id()));
          } else {
            if (reasons.isEmpty()) {
              reasons = new ArrayList<>(1);
              actions = new ArrayList<>(1);
            }
            reasons.add(
                new Reason(
                    FIX_NOW,
                    "FIX_NOW finding "
                        + finding.rule()
                        + where
                        + " by "
                        + verdict.reviewer().id()
                        + " on "
                        + surface
                        + ": "
                        + finding.message(),
                    Map.of("finding", finding.rule(), "reviewer", verdict.reviewer().id())));
            actions.add(
                new RequiredAction(
                    FIX_NOW,
                    "fix "
                        + finding.rule()
                        + where
                        + " in a new revision, or have a human with role "
                        + a.prepared.overrideRoles
                        + " sign an override naming it, or one with role "
                        + a.prepared.acceptanceRoles
                        + " sign a risk acceptance naming "
                        + finding.rule()
                        + " within that role's limits"));
          }
        }
      }
    }
    return reasons.isEmpty()
        ? RuleResult.pass(notes)
        : new RuleResult.NotYet(reasons, actions, Optional.empty());
  }

  // emergency: an EMERGENCY change needs a valid acceptance, and gets a post-review deadline

  private static RuleResult emergency(Assessment a) {
    if (a.change.changeClass() != ChangeClass.EMERGENCY) {
      return RuleResult.Pass.EMPTY;
    }
    PolicyDefinition.Emergency settings = a.definition.emergency();
    VerifiedAcceptance acceptance = a.acceptanceBy(settings.acceptanceRoles());
    if (acceptance == null) {
      return RuleResult.notYet(
          Reason.of(EMERGENCY, "an EMERGENCY change ships only with a signed risk acceptance"),
          new RequiredAction(
              EMERGENCY,
              "needs a risk acceptance signed by a human with role "
                  + a.prepared.emergencyRoles
                  + " within that role's limits"));
    }
    String due = InstantText.of(a.now().plus(settings.postReview())); // written once, said twice
    return RuleResult.pass(
        new Reason(
            EMERGENCY,
            "EMERGENCY change accepted by "
                + acceptance.signer().id()
                + "; post-review due by "
                + due,
            Map.of("postReviewDue", due, "acceptedBy", acceptance.signer().id())));
  }

  // freeze: the calendar's freezes, with the EMERGENCY and selective-unfreeze exemptions

  private static RuleResult freeze(Assessment a) {
    List<Reason> held = List.of(); // allocated only when a freeze speaks
    List<Reason> notes = List.of();
    Optional<Double> unfreezeBelow = a.definition.emergency().selectiveUnfreezeBelow();
    List<Hold> holds = a.holds();
    for (int i = 0; i < holds.size(); i++) {
      if (holds.get(i) instanceof Hold.Frozen frozen) {
        String id = frozen.window().id();
        if (a.emergencyAccepted()) {
          notes = notes.isEmpty() ? new ArrayList<>(1) : notes;
          notes.add(
              Reason.of(
                  FREEZE,
                  "EMERGENCY change passes freeze " + id + " with a signed risk acceptance"));
        } else if (frozen.window().level() == FreezeLevel.NON_CRITICAL
            && unfreezeBelow.isPresent()
            && a.change.risk().isPresent()
            && a.change.risk().get().probability() < unfreezeBelow.get()) {
          notes = notes.isEmpty() ? new ArrayList<>(1) : notes;
          notes.add(RiskRules.selectivelyUnfrozen(a, id, unfreezeBelow.get()));
        } else {
          held = held.isEmpty() ? new ArrayList<>(1) : held;
          held.add(
              new Reason(
                  FREEZE,
                  frozen.reason(),
                  Map.of(
                      "window",
                      id,
                      "until",
                      frozen.until().isPresent()
                          ? InstantText.of(frozen.until().get())
                          : "lifted")));
        }
      }
    }
    if (held.isEmpty()) {
      return RuleResult.pass(notes);
    }
    return new RuleResult.NotYet(
        held,
        List.of(
            new RequiredAction(
                FREEZE,
                "wait for the freeze to end"
                    + (a.change.criticality() == Criticality.P0
                        ? ""
                        : ", or ship it as EMERGENCY with a signed risk acceptance"))),
        a.nextOpen());
  }

  // merge-window: outside its scope's window a change waits for the next opening

  private static RuleResult mergeWindow(Assessment a) {
    List<Reason> held = List.of();
    List<Hold> holds = a.holds();
    for (int i = 0; i < holds.size(); i++) {
      if (holds.get(i) instanceof Hold.MergeWindowClosed closed) {
        if (held.isEmpty()) {
          held = new ArrayList<>(1);
        }
        held.add(Reason.of(MERGE_WINDOW, closed.reason()));
      }
    }
    if (held.isEmpty()) {
      return RuleResult.Pass.EMPTY;
    }
    // no freeze holds an accepted EMERGENCY change, so none may push its retry past the opening
    return new RuleResult.NotYet(
        held,
        List.of(new RequiredAction(MERGE_WINDOW, "wait for the merge window to open")),
        a.emergencyAccepted() ? a.nextMergeOpening() : a.nextOpen());
  }

  // error-budget: an exhausted budget holds all but P0 changes and security fixes

  private static RuleResult errorBudget(Assessment a) {
    if (a.change.criticality() == Criticality.P0 || a.change.securityFix()) {
      return RuleResult.Pass.EMPTY;
    }
    List<Reason> held = List.of(); // allocated only for a budget spent
    List<ErrorBudget> budgets = a.context.budgets();
    for (int i = 0; i < budgets.size(); i++) {
      ErrorBudget budget = budgets.get(i);
      if (budget.exhausted() && budget.scope().appliesTo(a.target())) {
        held = held.isEmpty() ? new ArrayList<>(1) : held;
        held.add(
            new Reason(
                ERROR_BUDGET,
                "the error budget of "
                    + budget.slo()
                    + " is exhausted ("
                    + budget.remaining()
                    + " left at "
                    + InstantText.of(budget.measuredAt())
                    + "): only P0 changes and security fixes ship",
                Map.of("slo", budget.slo())));
      }
    }
    if (held.isEmpty()) {
      return RuleResult.Pass.EMPTY;
    }
    return new RuleResult.NotYet(
        held,
        List.of(new RequiredAction(ERROR_BUDGET, "wait until the error budget recovers")),
        Optional.empty());
  }

  // blast-radius-cap: above its class's cap, a change needs an acceptance from a role that may

  private static RuleResult blastRadius(Assessment a) {
    BlastLevel cap = a.definition.blastRadiusCaps().get(a.change.changeClass());
    BlastLevel level = a.change.blastRadius().level();
    if (cap == null || level.compareTo(cap) <= 0) {
      return RuleResult.Pass.EMPTY;
    }
    VerifiedAcceptance acceptance = a.acceptanceBy(Set.of());
    String over =
        "blast radius "
            + level
            + " is above the cap for "
            + a.change.changeClass()
            + " changes, "
            + cap;
    if (acceptance != null) {
      return RuleResult.pass(
          Reason.of(BLAST_RADIUS, over + "; accepted by " + acceptance.signer().id()));
    }
    Set<String> able = new TreeSet<>();
    a.definition
        .roles()
        .forEach(
            (role, limits) -> {
              if (level.compareTo(limits.maxBlastRadius()) <= 0) {
                able.add(role);
              }
            });
    return RuleResult.notYet(
        Reason.of(BLAST_RADIUS, over),
        new RequiredAction(
            BLAST_RADIUS,
            "needs a risk acceptance signed by a human with role "
                + roles(able)
                + ", or a smaller change"));
  }

  // acceptance-limits: an acceptance beyond every role its signer has counts for nothing

  private static RuleResult acceptanceLimits(Assessment a) {
    List<Reason> notes = List.of(); // allocated only for an acceptance beyond its limits
    List<VerifiedAcceptance> acceptances = a.validAcceptances();
    for (int i = 0; i < acceptances.size(); i++) {
      VerifiedAcceptance verified = acceptances.get(i);
      if (!a.mayAccept(verified.signer(), verified.acceptance().probability(), Set.of())) {
        notes = notes.isEmpty() ? new ArrayList<>(1) : notes;
        notes.add(
            Reason.of(
                ACCEPTANCE_LIMITS,
                "risk acceptance by "
                    + verified.signer().id()
                    + " does not count: none of the roles "
                    + new TreeSet<>(verified.roles())
                    + " may accept probability "
                    + verified.acceptance().probability()
                    + " at blast radius "
                    + a.change.blastRadius().level()));
      }
    }
    return RuleResult.pass(notes);
  }

  // evidence-freshness, separation-of-duties, approval-age: what was set aside, and why

  private static RuleResult setAside(Assessment a, String id) {
    List<Reason> notes = List.of();
    @Nullable Set<String> seen = null; // hashed only when there are many to tell apart
    for (int i = 0; i < a.setAside.size(); i++) {
      Reason reason = a.setAside.get(i);
      if (!reason.rule().equals(id)) {
        continue;
      }
      if (notes.isEmpty()) { // most decisions set nothing aside: allocate only when one does
        notes = new ArrayList<>(2);
      }
      if (seen == null && notes.size() >= SCANNED_AT_MOST) {
        seen = new HashSet<>();
        for (Reason note : notes) {
          seen.add(note.message());
        }
      }
      if (seen != null ? seen.add(reason.message()) : !saysAlready(notes, reason.message())) {
        notes.add(reason);
      }
    }
    return RuleResult.pass(notes);
  }

  /** Whether one of {@code notes} says {@code message}. */
  private static boolean saysAlready(List<Reason> notes, String message) {
    for (int i = 0; i < notes.size(); i++) {
      if (notes.get(i).message().equals(message)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code change} touches something and nothing outside {@code docs}. */
  static boolean docsOnly(ChangeRequest change, Scope docs) {
    List<FileChange> files = change.changes().files();
    if (files.isEmpty()) {
      return false;
    }
    for (int i = 0; i < files.size(); i++) {
      FileChange file = files.get(i);
      if (!docs.covers(file.path())
          || (file.oldPath().isPresent() && !docs.covers(file.oldPath().get()))) {
        return false; // a rename's old path counts too
      }
    }
    return true;
  }
}
