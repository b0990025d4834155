package dev.signalbox.benchmarks;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.RefusedEvidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.Requirement;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.policy.VerifiedOverride;
import dev.signalbox.testkit.evidence.TrustedEvidence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 64 decision scenarios that {@link DecisionBenchmark} cycles through, built by explicit code
 * (no randomness) so that every run measures the same work.
 *
 * <p>Each is a realistic change of 20 files in one of four components, decided at one of eight
 * instants against one calendar of three freeze windows (a weekend freeze, a payments cutover that
 * holds everything, and an incident freeze on search until lifted) and two error budgets. The
 * evidence is about four trusted verdicts that meet the quorum, or fall short of it in one of the
 * usual ways — stale, rejected, a FIX_NOW finding, a reviewer of the producer's operator, expired —
 * with verified overrides and risk acceptances, valid or not, where a release manager would sign
 * them. Some changes drift out of their scope, lack a rollback plan, wait on a dependency or are
 * emergencies; about a third ship, the rest wait or go back.
 */
final class DecisionPool {
  /** How many scenarios: a power of two, so that the benchmark cycles with a mask. */
  static final int SIZE = 64;

  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  private static final List<String> COMPONENTS = List.of("payments", "search", "web", "auth");
  private static final List<String> FAMILIES = List.of("gpt", "gemini", "claude", "llama");
  private static final List<String> FILES =
      List.of(
          "Controller",
          "Service",
          "Repository",
          "Mapper",
          "Validator",
          "Config",
          "Client",
          "Handler",
          "Scheduler",
          "Cache",
          "Metrics",
          "Events",
          "Listener",
          "Filter",
          "Policy",
          "Limits",
          "Retry",
          "Audit",
          "Errors",
          "Dto");
  private static final List<Instant> INSTANTS =
      List.of(
          Instant.parse("2026-11-30T10:00:00Z"), // Monday: open
          Instant.parse("2026-12-01T09:00:00Z"), // Tuesday: the payments cutover holds payments
          Instant.parse("2026-12-01T15:30:00Z"), // Tuesday afternoon: open
          Instant.parse("2026-12-02T10:15:00Z"), // Wednesday: the search incident holds search
          Instant.parse("2026-12-03T13:45:00Z"), // Thursday: still holds search
          Instant.parse("2026-12-04T18:30:00Z"), // Friday evening in Berlin: the weekend freeze
          Instant.parse("2026-11-26T11:00:00Z"), // a Thursday before it all: open
          Instant.parse("2026-12-02T08:00:00Z")); // Wednesday before the incident: open
  private static final Agent PRODUCER =
      new Agent("builder-7", "claude-sonnet-4.5", "claude", "op-dana");
  private static final Human OWNER = Human.of("dana", "Dana Ruiz", "engineer");
  private static final Human RELEASE_MANAGER = Human.of("rita", "Rita Okafor", "release-manager");
  private static final Human INCIDENT_COMMANDER =
      Human.of("ines", "Ines Moreau", "incident-commander");
  private static final Human ENGINEERING_LEAD = Human.of("eli", "Eli Park", "engineering-lead");
  private static final Human ENGINEER = Human.of("sam", "Sam Berg", "engineer");
  private static final ChangeRef PLATFORM = ChangeRef.of("acme/platform", "7");

  private DecisionPool() {}

  /**
   * A change and the context it is decided in.
   *
   * @param change the change
   * @param context the context, with verified evidence
   */
  record Scenario(ChangeRequest change, ReleaseContext context) {}

  /** The {@link #SIZE} scenarios, in the order the benchmark cycles through them. */
  static List<Scenario> scenarios() {
    ReleaseCalendar calendar = calendar();
    List<Scenario> scenarios = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      scenarios.add(scenario(i, calendar));
    }
    return scenarios;
  }

  /** The calendar: three freeze windows. */
  static ReleaseCalendar calendar() {
    return ReleaseCalendar.builder()
        .freeze(
            new FreezeWindow(
                "weekend",
                Scope.everything(),
                new Schedule.Cron("0 18 * * 5", "0 6 * * 1", ZoneId.of("Europe/Berlin")),
                FreezeLevel.NON_CRITICAL,
                "rita",
                "no routine deploys over the weekend",
                Optional.empty()))
        .freeze(
            new FreezeWindow(
                "payments-cutover",
                Scope.ofComponents("payments"),
                new Schedule.OneOff(
                    Instant.parse("2026-12-01T06:00:00Z"),
                    Instant.parse("2026-12-01T12:00:00Z"),
                    ZoneId.of("UTC")),
                FreezeLevel.ALL,
                "rita",
                "card processor cutover",
                Optional.empty()))
        .freeze(
            new FreezeWindow(
                "incident-4711",
                Scope.ofComponents("search"),
                new Schedule.UntilLifted(Instant.parse("2026-12-02T09:00:00Z"), ZoneId.of("UTC")),
                FreezeLevel.NON_CRITICAL,
                "ines",
                "search index corruption",
                Optional.of("INC-4711")))
        .build();
  }

  private static Scenario scenario(int i, ReleaseCalendar calendar) {
    int evidenceCase = i % 8;
    Instant now = INSTANTS.get((i * 3 + i / 8) % INSTANTS.size());
    ChangeRequest change = change(i);
    List<TrustedVerdict> verdicts = new ArrayList<>();
    List<VerifiedAcceptance> acceptances = new ArrayList<>();
    List<VerifiedOverride> overrides = new ArrayList<>();
    List<RefusedEvidence> refused = new ArrayList<>();

    // the approvals the policy asks for, at least four in all
    List<Verdict> approvals = approvals(change, now.minus(Duration.ofMinutes(30 + i % 50)));
    int last = approvals.size() - 1;
    Verdict changed = approvals.get(last);
    switch (evidenceCase) {
      case 2 -> { // one approval read an earlier revision
        approvals.set(last, withDigest(changed, ContentDigest.of("e".repeat(64))));
        if (i % 16 == 10) {
          refused.add(
              new RefusedEvidence(
                  "verdict by rev-9 on SECURITY",
                  List.of("the signature by key k-rev-9 does not verify")));
        }
      }
      case 3 -> { // one reviewer rejects
        Verdict reject =
            new Verdict(
                changed.change(),
                changed.reviewer(),
                changed.surface(),
                VerdictOutcome.REJECT,
                Optional.empty(),
                List.of(
                    finding(
                        "missing-authz",
                        Advice.MAY_DEFER,
                        "the refund endpoint skips the ownership check")),
                changed.contentDigest(),
                changed.issuedAt());
        approvals.set(last, reject);
        if (i % 16 == 11) {
          overrides.add(
              override(
                  change,
                  now,
                  OverrideSubject.verdict(reject.reviewer().id(), reject.surface()),
                  RELEASE_MANAGER));
        } else if (i % 32 == 19) {
          overrides.add(
              override(
                  change,
                  now,
                  OverrideSubject.verdict(reject.reviewer().id(), reject.surface()),
                  ENGINEER));
        }
      }
      case 4 -> { // an approval with a finding that must be fixed first
        Finding finding =
            finding("sql-injection", Advice.FIX_NOW, "query built from request input");
        approvals.set(last, withFindings(changed, List.of(finding)));
        if (i % 16 == 12) {
          overrides.add(
              override(
                  change,
                  now,
                  new OverrideSubject(
                      changed.reviewer().id(),
                      changed.surface(),
                      Optional.of(finding.rule()),
                      finding.path()),
                  RELEASE_MANAGER));
        }
      }
      case 5 -> { // a reviewer run by the producer's operator, and now and then the producer
        approvals.set(last, withReviewer(changed, reviewer(changed.surface(), 5, "op-dana")));
        if (i % 16 == 13) {
          verdicts.add(TrustedEvidence.fromBoard(withReviewer(changed, PRODUCER)));
        }
      }
      case 6 -> { // one approval is older than its surface allows
        approvals.set(last, withIssuedAt(changed, now.minus(Duration.ofDays(3))));
        if (i % 32 == 6) { // a CRITICAL change, accepted
          acceptances.add(acceptance(change, now, 0.05, RELEASE_MANAGER, false));
        }
      }
      case 7 -> { // an emergency
        switch (i % 32) {
          case 7 -> acceptances.add(acceptance(change, now, 0.05, RELEASE_MANAGER, false));
          case 15 -> acceptances.add(acceptance(change, now, 0.2, INCIDENT_COMMANDER, false));
          case 23 -> acceptances.add(acceptance(change, now, 0.03, ENGINEERING_LEAD, false));
          default -> {
            acceptances.add(acceptance(change, now, 0.05, RELEASE_MANAGER, true));
            acceptances.add(acceptance(change, now, 0.2, RELEASE_MANAGER, false));
          }
        }
      }
      default -> {} // 0 and 1: complete
    }
    for (int v = 0; v < approvals.size(); v++) {
      // a board run in this process made most; a few were imported, signed
      verdicts.add(
          (i + v) % 5 == 0
              ? TrustedEvidence.signed(approvals.get(v), "k-" + approvals.get(v).reviewer().id())
              : TrustedEvidence.fromBoard(approvals.get(v)));
    }
    Evidence evidence = Evidence.of(verdicts, acceptances, overrides, List.of(), refused);
    List<ErrorBudget> budgets =
        List.of(
            new ErrorBudget(
                "checkout-availability",
                Scope.ofComponents("payments"),
                i >= 32 ? -0.05 : 0.4,
                Instant.parse("2026-11-26T06:00:00Z")),
            new ErrorBudget(
                "search-latency",
                Scope.ofComponents("search"),
                0.35,
                Instant.parse("2026-11-26T06:00:00Z")));
    Set<ChangeRef> satisfied =
        i % 6 == 0 ? Set.of(PLATFORM) : Set.of(ChangeRef.of("acme/platform", "5"));
    return new Scenario(change, new ReleaseContext(now, calendar, evidence, budgets, satisfied));
  }

  private static ChangeRequest change(int i) {
    String component = COMPONENTS.get((i / 8) % COMPONENTS.size());
    int evidenceCase = i % 8;
    boolean migration = evidenceCase == 1;
    String base = "services/" + component + "/";
    String source = base + "src/main/java/com/acme/" + component + "/";
    List<FileChange> files = new ArrayList<>();
    for (int f = 0; f < FILES.size(); f++) {
      String path = source + FILES.get(f) + ".java";
      files.add(
          f % 5 == 4 ? FileChange.added(path, 30 + f) : FileChange.modified(path, 5 + f, 2 + f));
    }
    if (i % 7 == 2) {
      files.set(17, FileChange.renamed(source + "LegacyAudit.java", source + "Audit.java", 3, 1));
    }
    if (migration) {
      files.set(
          19, FileChange.added(base + "src/main/resources/db/V" + (40 + i) + "__index.sql", 6));
    }
    if (i % 13 == 5) { // drifts out of its scope
      files.set(18, FileChange.modified("infra/terraform/" + component + ".tf", 4, 1));
    }

    Set<SensitiveKind> kinds = EnumSet.noneOf(SensitiveKind.class);
    if (i % 6 != 5) {
      kinds.add(SensitiveKind.SECURITY);
    }
    if (migration) {
      kinds.add(SensitiveKind.SCHEMA_MIGRATION);
    }
    if (i % 9 == 4) {
      kinds.add(SensitiveKind.CONFIG);
    }
    BlastLevel level;
    ChangeClass changeClass = ChangeClass.NORMAL;
    if (evidenceCase == 7) {
      changeClass = ChangeClass.EMERGENCY;
      level = BlastLevel.HIGH;
    } else if (i % 16 == 8) {
      changeClass = ChangeClass.STANDARD;
      level = BlastLevel.LOW;
    } else if (i % 16 == 6) {
      level = BlastLevel.CRITICAL;
    } else if (migration || i % 4 == 3) {
      level = BlastLevel.MEDIUM;
    } else {
      level = BlastLevel.HIGH;
    }
    Criticality criticality =
        evidenceCase == 7 && i % 16 == 15
            ? Criticality.P0
            : i % 11 == 4 ? Criticality.P0 : i % 5 == 2 ? Criticality.HIGH : Criticality.ROUTINE;

    ChangeRequest.Builder builder =
        ChangeRequest.builder(ChangeId.of(String.valueOf(1000 + i)))
            .repository("acme/" + component)
            .title("Harden the " + component + " service, part " + (i + 1))
            .summary("Tightens input validation and retries across the " + component + " service.")
            .producer(PRODUCER)
            .owner(OWNER)
            .revisions(Revision.of(hex(40, 0xba5e0000L + i)), Revision.of(hex(40, 0x4ead0000L + i)))
            .contentDigest(ContentDigest.of(hex(64, 0xd1600000L + i)))
            .changes(new ChangeSet(files))
            .blastRadius(
                new BlastRadius(level, Set.of(component), Set.of("@acme/" + component), kinds))
            .declaredScope(Scope.ofPaths(base + "**"))
            .changeClass(changeClass)
            .criticality(criticality)
            .securityFix(i % 10 == 3)
            .proposedAt(Instant.parse("2026-11-25T16:00:00Z"));
    if (i % 32 != 21) {
      builder.rollback(
          migration
              ? i % 16 == 9
                  ? RollbackPlan.revert()
                  : RollbackPlan.of(RollbackKind.MIGRATION_DOWN, "run V" + (40 + i) + " down")
              : i % 4 == 1
                  ? RollbackPlan.of(
                      RollbackKind.FEATURE_FLAG, "turn off " + component + "-hardening")
                  : RollbackPlan.revert());
    }
    if (i % 3 == 0) {
      builder.dependsOn(List.of(PLATFORM));
    }
    if (i % 16 == 2) {
      builder.risk(new ChangeRisk(0.31, 93, -0.8, -0.8, List.of(), "revert-risk", "3"));
    } else if (i % 2 == 0) {
      builder.risk(new ChangeRisk(0.04, 41, -3.2, -3.2, List.of(), "revert-risk", "3"));
    }
    return builder.build();
  }

  /**
   * Approvals for every surface the policy requires, each from a different reviewer and family
   * where it asks for several, filled up to four with more approvals of code quality.
   */
  private static List<Verdict> approvals(ChangeRequest change, Instant issuedAt) {
    List<Verdict> approvals = new ArrayList<>();
    Map<RiskSurface, Requirement> required = POLICY.requiredSurfaces(change);
    required.forEach(
        (surface, requirement) -> {
          for (int n = 0; n < requirement.quorum(); n++) {
            approvals.add(approve(change, reviewer(surface, n, "op-review"), surface, issuedAt));
          }
        });
    for (int n = 2; approvals.size() < 4; n++) {
      RiskSurface surface = RiskSurface.CODE_QUALITY;
      approvals.add(0, approve(change, reviewer(surface, n, "op-review"), surface, issuedAt));
    }
    return approvals;
  }

  @SuppressWarnings("EnumOrdinal") // only to spread the families over the surfaces
  private static Agent reviewer(RiskSurface surface, int n, String operator) {
    String family = FAMILIES.get((surface.ordinal() + n) % FAMILIES.size());
    return new Agent(
        "rev-" + surface.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + n,
        family + "-large",
        family,
        operator);
  }

  private static Verdict approve(
      ChangeRequest change, Agent reviewer, RiskSurface surface, Instant issuedAt) {
    return new Verdict(
        change.ref(),
        reviewer,
        surface,
        VerdictOutcome.APPROVE,
        Optional.empty(),
        List.of(),
        change.contentDigest(),
        issuedAt);
  }

  private static Verdict withDigest(Verdict v, ContentDigest digest) {
    return new Verdict(
        v.change(),
        v.reviewer(),
        v.surface(),
        v.outcome(),
        v.abstention(),
        v.findings(),
        digest,
        v.issuedAt());
  }

  private static Verdict withFindings(Verdict v, List<Finding> findings) {
    return new Verdict(
        v.change(),
        v.reviewer(),
        v.surface(),
        v.outcome(),
        v.abstention(),
        findings,
        v.contentDigest(),
        v.issuedAt());
  }

  private static Verdict withReviewer(Verdict v, Agent reviewer) {
    return new Verdict(
        v.change(),
        reviewer,
        v.surface(),
        v.outcome(),
        v.abstention(),
        v.findings(),
        v.contentDigest(),
        v.issuedAt());
  }

  private static Verdict withIssuedAt(Verdict v, Instant issuedAt) {
    return new Verdict(
        v.change(),
        v.reviewer(),
        v.surface(),
        v.outcome(),
        v.abstention(),
        v.findings(),
        v.contentDigest(),
        issuedAt);
  }

  private static Finding finding(String rule, Advice advice, String message) {
    return new Finding(
        Optional.of(RepoPath.of("services/app/Handler.java")),
        Optional.empty(),
        Severity.HIGH,
        advice,
        rule,
        message,
        Optional.empty(),
        0.85);
  }

  private static VerifiedOverride override(
      ChangeRequest change, Instant now, OverrideSubject subject, Human signer) {
    return TrustedEvidence.overridden(
        new VerdictOverride(
            change.ref(),
            change.contentDigest(),
            POLICY.digest(),
            subject,
            "reviewed by hand: the finding does not apply here",
            signer.id(),
            now.minus(Duration.ofMinutes(10)),
            now.plus(Duration.ofDays(1))),
        signer);
  }

  /** A risk acceptance by {@code signer}, in force now, or one that expired yesterday. */
  private static VerifiedAcceptance acceptance(
      ChangeRequest change, Instant now, double probability, Human signer, boolean expired) {
    Instant signed = expired ? now.minus(Duration.ofDays(3)) : now.minus(Duration.ofMinutes(20));
    return TrustedEvidence.accepted(
        new RiskAcceptance(
            change.ref(),
            change.contentDigest(),
            POLICY.digest(),
            "the hotfix may break refunds",
            probability,
            "checkout is down without it",
            "roll back and page the on-call",
            signer.id(),
            signed,
            signed.plus(Duration.ofDays(2))),
        signer);
  }

  private static String hex(int digits, long seed) {
    StringBuilder text = new StringBuilder(digits);
    long value = seed;
    while (text.length() < digits) {
      value = value * 6364136223846793005L + 1442695040888963407L; // a fixed LCG, no randomness
      text.append(String.format(Locale.ROOT, "%016x", value));
    }
    return text.substring(0, digits);
  }
}
