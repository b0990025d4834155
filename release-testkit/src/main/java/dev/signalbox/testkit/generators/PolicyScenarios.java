package dev.signalbox.testkit.generators;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.MergeWindow;
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
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.Requirement;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.testkit.evidence.TrustedEvidence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of whole decision scenarios — a change and the context it is decided in — for property
 * tests of a policy and of code built on one.
 *
 * <p>The scenarios are realistic and varied: changes of every class, criticality and blast radius,
 * some drifting out of their scope, some missing a rollback plan or depending on unshipped changes;
 * evidence that is often complete, sometimes short of a quorum, rejecting, stale, self-reviewed or
 * carrying a FIX_NOW finding; acceptances for emergencies (those within the signer's limits also
 * naming that finding); freezes, closed merge windows and spent error budgets now and then. They
 * are tuned so that the {@linkplain ReleasePolicy#defaults() default policy} ships, defers and
 * sends back each in a good share of cases, so a property that only holds for one outcome is not
 * tested in vain.
 */
public final class PolicyScenarios {
  /** The instant around which scenarios are decided. */
  public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static final List<String> COMPONENTS = List.of("auth", "billing", "web", "search");
  private static final List<String> FAMILIES = List.of("claude", "gpt", "gemini", "llama");
  private static final Agent PRODUCER =
      new Agent("builder-1", "claude-sonnet", "claude", "op-alice");
  private static final Human OWNER = Human.of("alice", "Alice", "engineer");
  private static final Human RELEASE_MANAGER = Human.of("rita", "Rita", "release-manager");

  private PolicyScenarios() {}

  /**
   * A change and the context it is decided in.
   *
   * @param change the change
   * @param context the context, with verified evidence
   */
  public record Scenario(ChangeRequest change, ReleaseContext context) {}

  /** The agent that produced every generated change. */
  public static Agent producer() {
    return PRODUCER;
  }

  /** Scenarios for {@code policy}, whose required surfaces shape the evidence generated. */
  public static Gen<Scenario> scenarios(ReleasePolicy policy) {
    return in -> scenario(policy, in);
  }

  /**
   * Scenarios in which nothing holds the change and the evidence is complete, fresh and trusted:
   * the default policy ships every one of them.
   */
  public static Gen<Scenario> complete(ReleasePolicy policy) {
    return in -> {
      ChangeRequest change = change(in, false, true);
      Evidence evidence = approvals(policy, change, in, true);
      if (change.changeClass() == ChangeClass.EMERGENCY) {
        evidence = evidence.and(acceptance(policy, change, 0.01));
      }
      ReleaseContext context =
          new ReleaseContext(
              now(in),
              ReleaseCalendar.empty(),
              evidence,
              List.of(),
              Set.copyOf(change.dependsOn()));
      return new Scenario(change, context);
    };
  }

  private static Instant now(RandomnessSource in) {
    return NOW.plus(Duration.ofMinutes(Generate.range(0, 600).generate(in)));
  }

  private static boolean chance(RandomnessSource in, int percent) {
    return Generate.range(1, 100).generate(in) <= percent;
  }

  private static <T> T pick(RandomnessSource in, List<T> values) {
    return values.get(Generate.range(0, values.size() - 1).generate(in));
  }

  private static Scenario scenario(ReleasePolicy policy, RandomnessSource in) {
    boolean drift = chance(in, 8);
    ChangeRequest change = change(in, drift, false);
    Instant now = now(in);
    boolean complete = chance(in, 65);
    Evidence evidence = approvals(policy, change, in, complete);
    List<TrustedVerdict> extra = new ArrayList<>();
    if (chance(in, 10)) {
      extra.add(
          verdict(
              change,
              reviewer(in, 9),
              RiskSurface.CODE_QUALITY,
              VerdictOutcome.REJECT,
              List.of(),
              change.contentDigest()));
    }
    if (chance(in, 5)) {
      extra.add(
          verdict(
              change,
              reviewer(in, 8),
              RiskSurface.CODE_QUALITY,
              VerdictOutcome.APPROVE,
              List.of(fixNow()),
              change.contentDigest()));
    }
    if (chance(in, 15)) { // stale: another revision's content
      extra.add(
          verdict(
              change,
              reviewer(in, 7),
              RiskSurface.SECURITY,
              VerdictOutcome.REJECT,
              List.of(),
              ContentDigest.of("e".repeat(64))));
    }
    if (chance(in, 10)) { // the producer approving itself
      extra.add(
          verdict(
              change,
              PRODUCER,
              RiskSurface.SECURITY,
              VerdictOutcome.APPROVE,
              List.of(),
              change.contentDigest()));
    }
    evidence = evidence.and(Evidence.of(extra, List.of(), List.of(), List.of(), List.of()));
    if (change.changeClass() == ChangeClass.EMERGENCY && chance(in, 70)) {
      evidence = evidence.and(acceptance(policy, change, chance(in, 85) ? 0.05 : 0.5));
    }
    ReleaseCalendar calendar = ReleaseCalendar.empty();
    if (chance(in, 12)) {
      calendar =
          ReleaseCalendar.builder()
              .freeze(
                  new FreezeWindow(
                      "incident-1",
                      Scope.everything(),
                      new Schedule.UntilLifted(NOW.minus(Duration.ofHours(1)), ZoneId.of("UTC")),
                      chance(in, 50) ? FreezeLevel.NON_CRITICAL : FreezeLevel.ALL,
                      "rita",
                      "incident in progress",
                      Optional.of("INC-1")))
              .build();
    } else if (chance(in, 6)) {
      calendar =
          ReleaseCalendar.builder()
              .mergeWindow(
                  new MergeWindow(
                      "weekends-only",
                      Scope.everything(),
                      new Schedule.Compact("Sat-Sun 00:00-24:00[UTC]"),
                      "rita",
                      "merge on quiet days",
                      Optional.empty()))
              .build();
    }
    List<ErrorBudget> budgets =
        chance(in, 6)
            ? List.of(new ErrorBudget("checkout-availability", Scope.everything(), -0.1, NOW))
            : List.of(new ErrorBudget("checkout-availability", Scope.everything(), 0.4, NOW));
    Set<ChangeRef> satisfied = chance(in, 60) ? Set.copyOf(change.dependsOn()) : Set.of();
    return new Scenario(change, new ReleaseContext(now, calendar, evidence, budgets, satisfied));
  }

  /**
   * A change; a {@code complete} one has an adequate rollback plan and a blast radius within its
   * class's default cap.
   */
  private static ChangeRequest change(RandomnessSource in, boolean drift, boolean complete) {
    String component = pick(in, COMPONENTS);
    List<FileChange> files = new ArrayList<>();
    int count = Generate.range(1, 6).generate(in);
    for (int i = 0; i < count; i++) {
      files.add(FileChange.modified("src/" + component + "/File" + i + ".java", 1 + i, i));
    }
    if (drift) {
      files.add(FileChange.added("infra/main.tf", 3));
    }
    Set<SensitiveKind> kinds = EnumSet.noneOf(SensitiveKind.class);
    if (component.equals("auth") && chance(in, 60)) {
      kinds.add(SensitiveKind.SECURITY);
    }
    boolean migration = chance(in, 8);
    if (migration) {
      kinds.add(SensitiveKind.SCHEMA_MIGRATION);
      files.add(FileChange.added("src/" + component + "/db/V42__add_column.sql", 4));
    }
    BlastLevel level =
        pick(
            in,
            List.of(
                BlastLevel.LOW,
                BlastLevel.LOW,
                BlastLevel.MEDIUM,
                BlastLevel.MEDIUM,
                BlastLevel.HIGH,
                BlastLevel.CRITICAL));
    ChangeClass changeClass =
        pick(
            in,
            List.of(
                ChangeClass.NORMAL,
                ChangeClass.NORMAL,
                ChangeClass.NORMAL,
                ChangeClass.NORMAL,
                ChangeClass.STANDARD,
                ChangeClass.EMERGENCY));
    if (changeClass == ChangeClass.STANDARD && (complete || chance(in, 80))) {
      level = BlastLevel.LOW;
    } else if (complete && changeClass == ChangeClass.NORMAL && level == BlastLevel.CRITICAL) {
      level = BlastLevel.HIGH;
    }
    ChangeRequest.Builder builder =
        ChangeRequest.builder(ChangeId.of(String.valueOf(Generate.range(1, 9999).generate(in))))
            .repository("acme/shop")
            .title("Change " + component)
            .producer(PRODUCER)
            .owner(OWNER)
            .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
            .contentDigest(ContentDigest.of("c".repeat(64)))
            .changes(new ChangeSet(files))
            .blastRadius(
                new BlastRadius(level, Set.of(component), Set.of("@acme/" + component), kinds))
            .declaredScope(Scope.ofPaths("src/**"))
            .changeClass(changeClass)
            .criticality(
                pick(
                    in,
                    List.of(
                        Criticality.ROUTINE,
                        Criticality.ROUTINE,
                        Criticality.HIGH,
                        Criticality.P0)))
            .securityFix(chance(in, 10))
            .proposedAt(NOW.minus(Duration.ofHours(2)));
    if (complete || !chance(in, 5)) {
      builder.rollback(
          migration && (complete || chance(in, 75))
              ? RollbackPlan.of(RollbackKind.MIGRATION_DOWN, "run V42 down")
              : RollbackPlan.revert());
    }
    if (chance(in, 12)) {
      builder.dependsOn(List.of(ChangeRef.of("acme/platform", "7")));
    }
    return builder.build();
  }

  private static Agent reviewer(RandomnessSource in, int index) {
    String family = pick(in, FAMILIES);
    return new Agent("reviewer-" + index + "-" + family, family + "-model", family, "op-review");
  }

  private static Finding fixNow() {
    return new Finding(
        Optional.of(RepoPath.of("src/auth/File0.java")),
        Optional.empty(),
        Severity.HIGH,
        Advice.FIX_NOW,
        "sql-injection",
        "query built from request input",
        Optional.empty(),
        0.9);
  }

  private static TrustedVerdict verdict(
      ChangeRequest change,
      Agent reviewer,
      RiskSurface surface,
      VerdictOutcome outcome,
      List<Finding> findings,
      ContentDigest digest) {
    return TrustedEvidence.fromBoard(
        new Verdict(
            change.ref(),
            reviewer,
            surface,
            outcome,
            Optional.empty(),
            findings,
            digest,
            NOW.minus(Duration.ofMinutes(30))));
  }

  /** Approvals for every required surface: all that is needed, or one short somewhere. */
  static Evidence approvals(
      ReleasePolicy policy, ChangeRequest change, RandomnessSource in, boolean complete) {
    List<TrustedVerdict> verdicts = new ArrayList<>();
    Map<RiskSurface, Requirement> required = policy.requiredSurfaces(change);
    RiskSurface short0 = complete ? null : pick(in, List.copyOf(required.keySet()));
    int index = 0;
    for (Map.Entry<RiskSurface, Requirement> entry : required.entrySet()) {
      int approvals = entry.getValue().quorum() - (entry.getKey() == short0 ? 1 : 0);
      for (int i = 0; i < approvals; i++) {
        String family = FAMILIES.get((i + index) % FAMILIES.size());
        Agent reviewer =
            new Agent(
                "reviewer-" + entry.getKey().name().toLowerCase(java.util.Locale.ROOT) + "-" + i,
                family + "-model",
                family,
                "op-review");
        verdicts.add(
            verdict(
                change,
                reviewer,
                entry.getKey(),
                VerdictOutcome.APPROVE,
                List.of(),
                change.contentDigest()));
      }
      index++;
    }
    return Evidence.of(verdicts, List.of(), List.of(), List.of(), List.of());
  }

  static Evidence acceptance(ReleasePolicy policy, ChangeRequest change, double probability) {
    VerifiedAcceptance accepted =
        TrustedEvidence.accepted(
            new RiskAcceptance(
                change.ref(),
                change.contentDigest(),
                policy.digest(),
                "the hotfix breaks checkout",
                probability,
                "checkout is down without it",
                "roll back and page the on-call",
                "rita",
                NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(2)),
                // one within the signer's limits also accepts the FIX_NOW finding fixNow() gives
                probability <= 0.05 ? Set.of("sql-injection") : Set.of()),
            RELEASE_MANAGER);
    return Evidence.of(List.of(), List.of(accepted), List.of(), List.of(), List.of());
  }
}
