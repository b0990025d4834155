package dev.signalbox.benchmarks;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.Target;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.RefusedEvidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.policy.VerifiedOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The default policy's checks written out by hand in plain Java, one method with its settings as
 * constants: the floor that {@link DecisionBenchmark} measures the engine against.
 *
 * <p>It makes the decision {@link ReleasePolicy#defaults()} makes, with the same reasons, required
 * actions and earliest retry, as a competent engineer would write it for this one policy: no rule
 * objects, no configuration, no shared assessment, the calendar asked once what holds the change.
 * It uses the calendar ({@code holds} and {@code nextOpen}), which is shared machinery rather than
 * a policy rule.
 *
 * <p>Where it knowingly decides otherwise than the engine, it does what the policy's documentation
 * says (see {@code HandWrittenPolicyTest}): a rename out of a non-documentation path is not a
 * documentation-only change, and a counted REJECT on any surface sends the change back, not only
 * one on a surface the policy asked for. Thread-safe: it has no state.
 */
final class HandWrittenPolicy {
  // The settings of default-policy.yaml, as constants.

  /** The rule ids, as the engine names them. */
  private static final String ROLLBACK = "rollback-plan";

  private static final String SCOPE_DRIFT = "scope-drift";
  private static final String DEPENDENCIES = "dependencies";
  private static final String QUORUM = "review-quorum";
  private static final String FIX_NOW = "fix-now";
  private static final String EMERGENCY = "emergency";
  private static final String FREEZE = "freeze";
  private static final String MERGE_WINDOW = "merge-window";
  private static final String ERROR_BUDGET = "error-budget";
  private static final String BLAST_RADIUS = "blast-radius-cap";
  private static final String ACCEPTANCE_LIMITS = "acceptance-limits";
  private static final String FRESHNESS = "evidence-freshness";
  private static final String SEPARATION = "separation-of-duties";
  private static final String APPROVAL_AGE = "approval-age";

  /** rollback: a plain revert does not undo a schema migration. */
  private static final Set<RollbackKind> FOR_IRREVERSIBLE =
      EnumSet.of(
          RollbackKind.FORWARD_FIX,
          RollbackKind.FEATURE_FLAG,
          RollbackKind.MIGRATION_DOWN,
          RollbackKind.MANUAL);

  /** review: documentation paths; a change touching only these needs a DOCS review alone. */
  private static final List<PathGlob> DOCS =
      List.of(PathGlob.of("docs/**"), PathGlob.of("**/*.md"));

  /** review: a change this risky needs one more approval per surface. */
  private static final double RISKY_ABOVE = 0.2;

  private static final Duration MAX_AGE = Duration.ofDays(7);
  private static final Duration MAX_AGE_SECURITY = Duration.ofDays(2);
  private static final String OVERRIDE_ROLE = "release-manager";

  /** emergency: who may accept an EMERGENCY change, and when it must be reviewed after. */
  private static final Set<String> EMERGENCY_ROLES =
      Set.of("release-manager", "incident-commander");

  private static final Duration POST_REVIEW = Duration.ofDays(2);

  /** roles: the most each signing role may accept. */
  private record Limits(double maxProbability, BlastLevel maxBlastRadius) {}

  private static final Map<String, Limits> ROLES =
      Map.of(
          "release-manager", new Limits(0.1, BlastLevel.CRITICAL),
          "incident-commander", new Limits(0.25, BlastLevel.CRITICAL),
          "engineering-lead", new Limits(0.05, BlastLevel.HIGH));

  /**
   * The default policy's digest, which decisions record and acceptances and overrides must name;
   * computed once from the policy file, as a deployment would pin it.
   */
  static final PolicyDigest DIGEST = ReleasePolicy.defaults().digest();

  private HandWrittenPolicy() {}

  /** Decides whether {@code change} ships in {@code context}, as the default policy does. */
  static Decision decide(ChangeRequest change, ReleaseContext context) {
    Instant now = context.now();
    ChangeRef ref = change.ref();
    BlastLevel level = change.blastRadius().level();
    Set<SensitiveKind> kinds = change.blastRadius().sensitiveKinds();
    String digest = change.contentDigest().value();

    List<Reason> reasons = new ArrayList<>(); // what holds the change or sends it back
    List<RequiredAction> required = new ArrayList<>();
    List<Reason> notes = new ArrayList<>(); // worth reporting, whatever the outcome
    boolean sendBack = false;
    boolean notYet = false;

    // Which surfaces need review, and how many approvals each.
    boolean docsOnly = !change.changes().files().isEmpty();
    for (FileChange file : change.changes().files()) {
      if (!isDocs(file.path()) || (file.oldPath().isPresent() && !isDocs(file.oldPath().get()))) {
        docsOnly = false;
        break;
      }
    }
    Set<RiskSurface> surfaces = EnumSet.noneOf(RiskSurface.class);
    if (docsOnly) {
      surfaces.add(RiskSurface.DOCS);
    } else {
      surfaces.add(RiskSurface.CODE_QUALITY);
      if (kinds.contains(SensitiveKind.SECURITY)
          || kinds.contains(SensitiveKind.DEPENDENCIES)
          || change.securityFix()) {
        surfaces.add(RiskSurface.SECURITY);
      }
      if (kinds.contains(SensitiveKind.DEPENDENCIES)) {
        surfaces.add(RiskSurface.DEPENDENCIES);
      }
      if (kinds.contains(SensitiveKind.SCHEMA_MIGRATION)) {
        surfaces.add(RiskSurface.DATA);
      }
      if (kinds.contains(SensitiveKind.CONFIG)) {
        surfaces.add(RiskSurface.OPERATIONS);
      }
    }
    // one approval per surface up to MEDIUM blast radius; from HIGH, two of two model families
    boolean wide = level.compareTo(BlastLevel.HIGH) >= 0;
    int quorum = wide ? 2 : 1;
    int families = wide ? 2 : 1;
    if (change.risk().isPresent() && change.risk().get().probability() >= RISKY_ABOVE) {
      quorum++;
    }

    // Sort the evidence: what counts, and why the rest does not.
    Set<Reason> stale = new LinkedHashSet<>(); // each problem reported once
    Set<Reason> selfReviewed = new LinkedHashSet<>();
    Set<Reason> expired = new LinkedHashSet<>();
    Map<RiskSurface, List<Verdict>> counted = new EnumMap<>(RiskSurface.class);
    for (TrustedVerdict trusted : context.evidence().verdicts()) {
      Verdict verdict = trusted.verdict();
      Duration maxAge = verdict.surface() == RiskSurface.SECURITY ? MAX_AGE_SECURITY : MAX_AGE;
      if (!verdict.change().equals(ref)) {
        stale.add(
            Reason.of(FRESHNESS, who(verdict) + " is for another change, " + verdict.change()));
      } else if (!verdict.contentDigest().value().equals(digest)) {
        stale.add(
            Reason.of(
                FRESHNESS,
                who(verdict)
                    + " is stale: it read content "
                    + verdict.contentDigest()
                    + ", not "
                    + digest));
      } else if (verdict.issuedAt().isAfter(now)) {
        stale.add(
            Reason.of(
                FRESHNESS,
                who(verdict) + " is dated after the decision, at " + verdict.issuedAt()));
      } else if (verdict.reviewer().id().equals(change.producer().id())) {
        selfReviewed.add(
            Reason.of(
                SEPARATION,
                who(verdict)
                    + " does not count: "
                    + verdict.reviewer().id()
                    + " produced the change"));
      } else if (verdict.reviewer().operatorId().equals(change.producer().operatorId())) {
        selfReviewed.add(
            Reason.of(
                SEPARATION,
                who(verdict)
                    + " does not count: its operator "
                    + change.producer().operatorId()
                    + " also operates the producer "
                    + change.producer().id()));
      } else if (Duration.between(verdict.issuedAt(), now).compareTo(maxAge) > 0) {
        expired.add(
            Reason.of(
                APPROVAL_AGE,
                who(verdict)
                    + " expired: issued at "
                    + verdict.issuedAt()
                    + ", older than "
                    + maxAge));
      } else if (verdict.abstention().isPresent()) {
        stale.add(
            Reason.of(
                FRESHNESS,
                who(verdict)
                    + " abstained ("
                    + verdict.abstention().get().cause()
                    + "): "
                    + verdict.abstention().get().detail()));
      } else {
        counted.computeIfAbsent(verdict.surface(), s -> new ArrayList<>(2)).add(verdict);
      }
    }
    for (RefusedEvidence refused : context.evidence().refused()) {
      stale.add(
          Reason.of(
              FRESHNESS, refused.item() + " was refused: " + String.join("; ", refused.reasons())));
    }
    VerifiedAcceptance emergencyAcceptance = null; // the first one an acceptance role may sign
    VerifiedAcceptance anyAcceptance = null; // the first one within its signer's limits
    List<VerifiedAcceptance> withinLimits = new ArrayList<>(1); // those that may accept findings
    List<Reason> beyondLimits = new ArrayList<>();
    for (VerifiedAcceptance verified : context.evidence().acceptances()) {
      RiskAcceptance acceptance = verified.acceptance();
      String problem =
          binding(
              acceptance.change(),
              acceptance.contentDigest().value(),
              acceptance.policyDigest(),
              acceptance.inForceAt(now),
              ref,
              digest);
      Human signer = verified.signer();
      if (problem != null) {
        stale.add(Reason.of(FRESHNESS, "risk acceptance signed by " + signer.id() + " " + problem));
      } else if (!mayAccept(signer, acceptance.probability(), level, null)) {
        beyondLimits.add(
            Reason.of(
                ACCEPTANCE_LIMITS,
                "risk acceptance by "
                    + signer.id()
                    + " does not count: none of the roles "
                    + new TreeSet<>(signer.roles())
                    + " may accept probability "
                    + acceptance.probability()
                    + " at blast radius "
                    + level));
      } else {
        if (anyAcceptance == null) {
          anyAcceptance = verified;
        }
        withinLimits.add(verified);
        if (emergencyAcceptance == null
            && mayAccept(signer, acceptance.probability(), level, EMERGENCY_ROLES)) {
          emergencyAcceptance = verified;
        }
      }
    }
    List<OverrideSubject> overridden = new ArrayList<>(1);
    for (VerifiedOverride verified : context.evidence().overrides()) {
      VerdictOverride override = verified.override();
      String problem =
          binding(
              override.change(),
              override.contentDigest().value(),
              override.policyDigest(),
              override.inForceAt(now),
              ref,
              digest);
      String signer = verified.signer().id();
      if (problem == null && !verified.signer().hasRole(OVERRIDE_ROLE)) {
        problem =
            "does not count: "
                + signer
                + " has none of the roles that may override, ["
                + OVERRIDE_ROLE
                + "]";
      }
      if (problem != null) {
        stale.add(Reason.of(FRESHNESS, "override signed by " + signer + " " + problem));
      } else {
        overridden.add(override.subject());
      }
    }

    // rollback-plan
    Optional<RollbackPlan> plan = change.rollback();
    if (plan.isEmpty()) {
      sendBack = true;
      reasons.add(Reason.of(ROLLBACK, "the change has no rollback plan"));
      required.add(new RequiredAction(ROLLBACK, "declare how to undo the change before it ships"));
    } else if (kinds.contains(SensitiveKind.SCHEMA_MIGRATION)
        && !FOR_IRREVERSIBLE.contains(plan.get().kind())) {
      sendBack = true;
      reasons.add(
          Reason.of(
              ROLLBACK,
              "the change touches [SCHEMA_MIGRATION], which a "
                  + plan.get().kind()
                  + " plan cannot undo"));
      required.add(
          new RequiredAction(
              ROLLBACK,
              "declare a rollback plan of kind [FORWARD_FIX, FEATURE_FLAG, MIGRATION_DOWN,"
                  + " MANUAL]"));
    }

    // scope-drift: name the first ten paths outside the declared scope
    List<String> outside = new ArrayList<>();
    int drifted = 0;
    for (FileChange file : change.changes().files()) {
      if (!change.declaredScope().covers(file.path())
          || (file.oldPath().isPresent() && !change.declaredScope().covers(file.oldPath().get()))) {
        if (drifted++ < 10) {
          outside.add(file.path().value());
        }
      }
    }
    if (drifted > 0) {
      sendBack = true;
      reasons.add(
          new Reason(
              SCOPE_DRIFT,
              drifted
                  + (drifted == 1 ? " changed path lies" : " changed paths lie")
                  + " outside the declared scope: "
                  + String.join(", ", outside)
                  + (drifted > outside.size()
                      ? " and " + (drifted - outside.size()) + " more"
                      : ""),
              Map.of("paths", String.join(",", outside))));
      required.add(
          new RequiredAction(
              SCOPE_DRIFT,
              "revise the change to stay within its declared scope, or declare a wider one"));
    }

    // dependencies
    Set<String> missing = new TreeSet<>();
    for (ChangeRef dependency : change.dependsOn()) {
      if (!context.satisfied().contains(dependency)) {
        missing.add(dependency.toString());
      }
    }
    if (!missing.isEmpty()) {
      notYet = true;
      String names = String.join(", ", missing);
      reasons.add(Reason.of(DEPENDENCIES, "depends on " + names + ", not shipped yet"));
      required.add(new RequiredAction(DEPENDENCIES, "ship " + names + " first"));
    }

    // review-quorum: any counted REJECT sends back; each required surface needs its approvals
    List<Reason> rejections = new ArrayList<>();
    List<RequiredAction> rejectionActions = new ArrayList<>();
    List<Reason> shortfalls = new ArrayList<>();
    List<RequiredAction> shortActions = new ArrayList<>();
    for (RiskSurface surface : RiskSurface.values()) {
      List<Verdict> verdicts = counted.getOrDefault(surface, List.of());
      if (verdicts.isEmpty() && !surfaces.contains(surface)) {
        continue;
      }
      Set<String> approvers = new HashSet<>();
      Set<String> approvingFamilies = new TreeSet<>();
      for (Verdict verdict : verdicts) {
        String reviewer = verdict.reviewer().id();
        if (verdict.outcome() == VerdictOutcome.APPROVE) {
          approvers.add(reviewer);
          approvingFamilies.add(verdict.reviewer().modelFamily());
        } else if (verdict.outcome() == VerdictOutcome.REJECT
            && !isOverridden(overridden, verdict, null)) {
          rejections.add(
              new Reason(
                  QUORUM,
                  "REJECT on "
                      + surface
                      + " by "
                      + reviewer
                      + (verdict.findings().isEmpty()
                          ? ""
                          : ": " + verdict.findings().get(0).message()),
                  Map.of("reviewer", reviewer, "surface", surface.name())));
          rejectionActions.add(
              new RequiredAction(
                  QUORUM,
                  "address the REJECT on "
                      + surface
                      + " by "
                      + reviewer
                      + " in a new revision, or have a human with role "
                      + OVERRIDE_ROLE
                      + " sign an override naming it"));
        }
      }
      if (!surfaces.contains(surface)) {
        continue;
      }
      int more = quorum - approvers.size();
      int moreFamilies = families - approvingFamilies.size();
      if (more > 0 || moreFamilies > 0) {
        int needed = Math.max(more, moreFamilies);
        shortfalls.add(
            new Reason(
                QUORUM,
                surface
                    + " has "
                    + approvers.size()
                    + (approvers.size() == 1 ? " counted approval" : " counted approvals")
                    + " of "
                    + quorum
                    + (families > 1 ? " from " + families + " model families" : ""),
                Map.of("surface", surface.name())));
        shortActions.add(
            new RequiredAction(
                QUORUM,
                "needs "
                    + (needed == 1 ? "an APPROVE on " : needed + " more APPROVE verdicts on ")
                    + surface
                    + (needed == 1 ? " from a reviewer" : " from reviewers")
                    + " other than the producer"
                    + (families > 1
                        ? ", for approvals from "
                            + families
                            + " distinct model families"
                            + (approvingFamilies.isEmpty()
                                ? ""
                                : " (so far " + approvingFamilies + ")")
                        : "")));
      }
    }
    if (!rejections.isEmpty()) {
      sendBack = true;
    } else if (!shortfalls.isEmpty()) {
      notYet = true;
    }
    reasons.addAll(rejections);
    reasons.addAll(shortfalls);
    required.addAll(rejectionActions);
    required.addAll(shortActions);

    // fix-now: a FIX_NOW finding in a counted verdict holds the change unless overridden or
    // accepted by name; what was accepted is noted when nothing else holds it
    boolean fixFirst = false;
    List<Reason> acceptedFindings = new ArrayList<>(0);
    for (List<Verdict> verdicts : counted.values()) {
      for (Verdict verdict : verdicts) {
        for (Finding finding : verdict.findings()) {
          if (finding.advice() != Advice.FIX_NOW || isOverridden(overridden, verdict, finding)) {
            continue;
          }
          String where = finding.path().isPresent() ? " at " + finding.path().get().value() : "";
          VerifiedAcceptance accepting = null;
          for (VerifiedAcceptance verified : withinLimits) {
            if (verified.acceptance().findings().contains(finding.rule())) {
              accepting = verified;
              break;
            }
          }
          if (accepting != null) {
            acceptedFindings.add(
                Reason.of(
                    FIX_NOW,
                    "FIX_NOW finding "
                        + finding.rule()
                        + where
                        + " by "
                        + verdict.reviewer().id()
                        + " on "
                        + verdict.surface()
                        + " is accepted by "
                        + accepting.signer().id()));
          } else {
            fixFirst = true;
            reasons.add(
                new Reason(
                    FIX_NOW,
                    "FIX_NOW finding "
                        + finding.rule()
                        + where
                        + " by "
                        + verdict.reviewer().id()
                        + " on "
                        + verdict.surface()
                        + ": "
                        + finding.message(),
                    Map.of("finding", finding.rule(), "reviewer", verdict.reviewer().id())));
            required.add(
                new RequiredAction(
                    FIX_NOW,
                    "fix "
                        + finding.rule()
                        + where
                        + " in a new revision, or have a human with role "
                        + OVERRIDE_ROLE
                        + " sign an override naming it, or one with role engineering-lead or"
                        + " incident-commander or release-manager sign a risk acceptance naming "
                        + finding.rule()
                        + " within that role's limits"));
          }
        }
      }
    }
    if (fixFirst) {
      notYet = true;
    } else {
      notes.addAll(acceptedFindings);
    }

    // emergency: an EMERGENCY change ships only with an acceptance, and must be reviewed after
    boolean emergency = change.changeClass() == ChangeClass.EMERGENCY;
    if (emergency) {
      if (emergencyAcceptance == null) {
        notYet = true;
        reasons.add(
            Reason.of(EMERGENCY, "an EMERGENCY change ships only with a signed risk acceptance"));
        required.add(
            new RequiredAction(
                EMERGENCY,
                "needs a risk acceptance signed by a human with role incident-commander or"
                    + " release-manager within that role's limits"));
      } else {
        Instant due = now.plus(POST_REVIEW);
        String signer = emergencyAcceptance.signer().id();
        notes.add(
            new Reason(
                EMERGENCY,
                "EMERGENCY change accepted by " + signer + "; post-review due by " + due,
                Map.of("postReviewDue", due.toString(), "acceptedBy", signer)));
      }
    }
    boolean emergencyAccepted = emergency && emergencyAcceptance != null;

    // freeze and merge-window: what the calendar holds the change for; an accepted EMERGENCY
    // change passes freezes (the calendar already lets P0 changes and security fixes through
    // NON_CRITICAL ones)
    Target target = change.target();
    boolean frozen = false;
    boolean closed = false;
    List<Reason> mergeReasons = new ArrayList<>(1);
    for (Hold hold : context.calendar().holds(target, now)) {
      if (hold instanceof Hold.Frozen freeze) {
        String id = freeze.window().id();
        if (emergencyAccepted) {
          notes.add(
              Reason.of(
                  FREEZE,
                  "EMERGENCY change passes freeze " + id + " with a signed risk acceptance"));
        } else {
          frozen = true;
          reasons.add(
              new Reason(
                  FREEZE,
                  freeze.reason(),
                  Map.of(
                      "window",
                      id,
                      "until",
                      freeze.until().isPresent() ? freeze.until().get().toString() : "lifted")));
        }
      } else {
        closed = true;
        mergeReasons.add(Reason.of(MERGE_WINDOW, hold.reason()));
      }
    }
    if (frozen) {
      required.add(
          new RequiredAction(
              FREEZE,
              change.criticality() == Criticality.P0
                  ? "wait for the freeze to end"
                  : "wait for the freeze to end, or ship it as EMERGENCY with a signed risk"
                      + " acceptance"));
    }
    if (closed) {
      reasons.addAll(mergeReasons);
      required.add(new RequiredAction(MERGE_WINDOW, "wait for the merge window to open"));
    }
    Optional<Instant> retry = Optional.empty();
    if (frozen || closed) {
      notYet = true;
      // no freeze holds an accepted EMERGENCY change: only its merge windows decide the retry
      retry =
          emergencyAccepted
              ? nextMergeOpening(context, target)
              : context.calendar().nextOpen(target, now);
    }

    // error-budget: an exhausted budget holds all but P0 changes and security fixes
    if (change.criticality() != Criticality.P0 && !change.securityFix()) {
      boolean spent = false;
      for (ErrorBudget budget : context.budgets()) {
        if (budget.exhausted() && budget.scope().appliesTo(target)) {
          spent = true;
          reasons.add(
              new Reason(
                  ERROR_BUDGET,
                  "the error budget of "
                      + budget.slo()
                      + " is exhausted ("
                      + budget.remaining()
                      + " left at "
                      + budget.measuredAt()
                      + "): only P0 changes and security fixes ship",
                  Map.of("slo", budget.slo())));
        }
      }
      if (spent) {
        notYet = true;
        required.add(new RequiredAction(ERROR_BUDGET, "wait until the error budget recovers"));
      }
    }

    // blast-radius-cap: STANDARD changes up to LOW, NORMAL up to HIGH, EMERGENCY uncapped
    BlastLevel cap =
        switch (change.changeClass()) {
          case STANDARD -> BlastLevel.LOW;
          case NORMAL -> BlastLevel.HIGH;
          case EMERGENCY -> BlastLevel.CRITICAL;
        };
    if (level.compareTo(cap) > 0) {
      String over =
          "blast radius "
              + level
              + " is above the cap for "
              + change.changeClass()
              + " changes, "
              + cap;
      if (anyAcceptance != null) {
        notes.add(Reason.of(BLAST_RADIUS, over + "; accepted by " + anyAcceptance.signer().id()));
      } else {
        notYet = true;
        Set<String> able = new TreeSet<>();
        ROLES.forEach(
            (role, limits) -> {
              if (level.compareTo(limits.maxBlastRadius()) <= 0) {
                able.add(role);
              }
            });
        reasons.add(Reason.of(BLAST_RADIUS, over));
        required.add(
            new RequiredAction(
                BLAST_RADIUS,
                "needs a risk acceptance signed by a human with role "
                    + String.join(" or ", able)
                    + ", or a smaller change"));
      }
    }

    // acceptance-limits, evidence-freshness, separation-of-duties, approval-age: what was set
    // aside
    notes.addAll(beyondLimits);
    notes.addAll(stale);
    notes.addAll(selfReviewed);
    notes.addAll(expired);

    if (sendBack) {
      reasons.addAll(notes);
      return Decision.sendBack(ref, change.head(), reasons, required, DIGEST);
    }
    if (notYet) {
      reasons.addAll(notes);
      return Decision.notYet(ref, change.head(), reasons, required, retry, DIGEST);
    }
    return Decision.ship(ref, change.head(), notes, DIGEST);
  }

  /**
   * The first instant from now at which no merge window holds {@code target}, freezes aside: each
   * closed scope opens again at its {@code until} at the soonest, so jump to the latest of those
   * and ask again; empty beyond the calendar's search horizon.
   */
  private static Optional<Instant> nextMergeOpening(ReleaseContext context, Target target) {
    Instant horizon = context.now().plus(ReleaseCalendar.SEARCH_HORIZON);
    Instant at = context.now();
    while (true) {
      Instant latest = null;
      for (Hold hold : context.calendar().holds(target, at)) {
        if (hold instanceof Hold.MergeWindowClosed closed) {
          if (closed.until().isEmpty()) {
            return Optional.empty();
          }
          if (latest == null || closed.until().get().isAfter(latest)) {
            latest = closed.until().get();
          }
        }
      }
      if (latest == null) {
        return Optional.of(at);
      }
      if (!latest.isBefore(horizon)) {
        return Optional.empty();
      }
      at = latest;
    }
  }

  /** How the evidence notes name a verdict. */
  private static String who(Verdict verdict) {
    return "verdict by " + verdict.reviewer().id() + " on " + verdict.surface();
  }

  private static boolean isDocs(RepoPath path) {
    for (PathGlob glob : DOCS) {
      if (glob.matches(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What keeps a signed acceptance or override from counting for this change now, or null: it must
   * name this change, its content and this policy, and be in force.
   */
  private static @Nullable String binding(
      ChangeRef named,
      String namedDigest,
      PolicyDigest namedPolicy,
      boolean inForce,
      ChangeRef change,
      String digest) {
    if (!named.equals(change)) {
      return "is for another change";
    }
    if (!namedDigest.equals(digest)) {
      return "is stale: it names other content";
    }
    if (!namedPolicy.equals(DIGEST)) {
      return "names another policy";
    }
    if (!inForce) {
      return "is not in force now (expired, or signed later)";
    }
    return null;
  }

  /**
   * Whether {@code signer} has a role (among {@code roles}, unless null) whose limits cover
   * accepting {@code probability} at blast radius {@code level}.
   */
  private static boolean mayAccept(
      Human signer, double probability, BlastLevel level, @Nullable Set<String> roles) {
    for (String role : signer.roles()) {
      Limits limits = ROLES.get(role);
      if (limits != null
          && (roles == null || roles.contains(role))
          && probability <= limits.maxProbability()
          && level.compareTo(limits.maxBlastRadius()) <= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a valid override names {@code verdict} as a whole, or {@code finding} in it. */
  private static boolean isOverridden(
      List<OverrideSubject> overridden, Verdict verdict, @Nullable Finding finding) {
    for (OverrideSubject subject : overridden) {
      if (!subject.reviewer().equals(verdict.reviewer().id())
          || subject.surface() != verdict.surface()) {
        continue;
      }
      if (subject.isWholeVerdict()) {
        return true;
      }
      if (finding != null
          && subject.findingRule().get().equals(finding.rule())
          && (subject.findingPath().isEmpty() || subject.findingPath().equals(finding.path()))) {
        return true;
      }
    }
    return false;
  }
}
