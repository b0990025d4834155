package dev.signalbox.core.notes;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Target;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.train.TrainPlan;
import dev.signalbox.core.train.TrainSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A week of one shop's releases, as a ledger records it: a hotfix train on Tuesday, an incident
 * freeze, Wednesday's train (three changes in two merge groups, two carried over), the freeze
 * lifted, another incident on Thursday, and Thursday's plan for the next train. Titles, paths,
 * reasons and ids are full of Markdown's special characters.
 */
final class NotesWeek {
  static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");
  static final Instant NEXT_MONDAY = Instant.parse("2026-11-30T00:00:00Z");
  static final String REPO = "acme/shop";
  static final TrainId HOTFIX = TrainId.of("hotfix#1*");
  static final TrainId WEDNESDAY = TrainId.of("2026-11-25_shop");
  static final TrainId THURSDAY = TrainId.of("2026-11-26_shop");
  static final PolicyDigest POLICY = PolicyDigest.of("e".repeat(64));
  static final Human RITA = Human.of("rita", "Rita", "release-manager");
  static final Agent BUILDER = new Agent("builder_1", "claude-sonnet", "claude", "op-alice");
  static final Agent CRITIC = new Agent("critic_1", "gpt-5", "gpt", "op-review");
  static final Agent GUARD = new Agent("sec-guard", "gemini-2", "gemini", "op-review");

  final ChangeRequest hotfix =
      change("40", "Patch session fixation", "auth", ChangeClass.EMERGENCY);
  final ChangeRequest feature = change("41", "Add wish list", "web", ChangeClass.NORMAL);
  final ChangeRequest tricky =
      change(
          "42",
          "Fix *cart* totals_v2 [urgent](javascript:alert(1)) <img src=x onerror=alert(1)> | # 1.",
          "cart",
          ChangeClass.EMERGENCY);
  final ChangeRequest migration = change("43", "Add `orders` index", "db", ChangeClass.NORMAL);
  final ChangeRequest conflicting = change("44", "Rename checkout step", "web", ChangeClass.NORMAL);
  final ChangeRequest frozen = change("45", "Harden login_rate limits", "auth", ChangeClass.NORMAL);
  final ChangeRequest sentBack = change("46", "Refactor payments", "payments", ChangeClass.NORMAL);

  private final List<Instant> times = new ArrayList<>();
  private final List<LedgerEvent> events = new ArrayList<>();

  NotesWeek() {
    // Tuesday: the hotfix train, then an incident freezes auth
    record("2026-11-24T10:00:00Z", new LedgerEvent.TrainPlanned(hotfixTrain()));
    record("2026-11-24T10:01:00Z", shipped(hotfix, HOTFIX));
    record("2026-11-24T10:02:00Z", new LedgerEvent.TrainDeparted(HOTFIX, rev('1')));
    record(
        "2026-11-24T10:03:00Z",
        new LedgerEvent.EmergencyPostReviewDue(hotfix.ref(), at("2026-11-25T10:00:00Z")));
    record("2026-11-24T14:00:00Z", new LedgerEvent.FreezeDeclared(incident42()));
    // Wednesday morning: verdicts, an acceptance and the decision on the emergency change
    record(
        "2026-11-25T08:00:00Z",
        verdict(
            feature,
            CRITIC,
            RiskSurface.CODE_QUALITY,
            VerdictOutcome.APPROVE,
            digest(feature),
            List.of()));
    record(
        "2026-11-25T08:01:00Z",
        verdict(
            feature,
            GUARD,
            RiskSurface.SECURITY,
            VerdictOutcome.REJECT,
            ContentDigest.of("9".repeat(64)),
            List.of()));
    record(
        "2026-11-25T08:02:00Z",
        verdict(
            tricky,
            CRITIC,
            RiskSurface.CODE_QUALITY,
            VerdictOutcome.APPROVE,
            digest(tricky),
            List.of()));
    record(
        "2026-11-25T08:03:00Z",
        verdict(
            tricky,
            GUARD,
            RiskSurface.SECURITY,
            VerdictOutcome.REJECT,
            digest(tricky),
            List.of(finding())));
    record(
        "2026-11-25T08:04:00Z",
        verdict(
            migration,
            CRITIC,
            RiskSurface.DATA,
            VerdictOutcome.APPROVE,
            digest(migration),
            List.of()));
    record("2026-11-25T08:30:00Z", accepted(tricky));
    record(
        "2026-11-25T08:31:00Z",
        new LedgerEvent.DecisionMade(
            Decision.ship(
                tricky.ref(),
                tricky.head(),
                List.of(
                    new Reason(
                        "emergency",
                        "EMERGENCY change accepted by rita; post-review due by 2026-11-27T10:00:00Z",
                        Map.of("postReviewDue", "2026-11-27T10:00:00Z", "acceptedBy", "rita"))),
                POLICY),
            "f".repeat(64)));
    // Wednesday's train
    record("2026-11-25T10:00:00Z", new LedgerEvent.TrainPlanned(wednesdayTrain()));
    record("2026-11-25T10:01:00Z", shipped(feature, WEDNESDAY));
    record("2026-11-25T10:01:00Z", shipped(tricky, WEDNESDAY));
    record("2026-11-25T10:02:00Z", shipped(migration, WEDNESDAY));
    for (Carryover carryover : wednesdayTrain().carriedOver()) {
      record(
          "2026-11-25T10:03:00Z",
          new LedgerEvent.ChangeDeferred(carryover.change(), WEDNESDAY, carryover.reasons()));
    }
    record("2026-11-25T10:04:00Z", new LedgerEvent.TrainDeparted(WEDNESDAY, rev('2')));
    record(
        "2026-11-25T16:00:00Z",
        new LedgerEvent.FreezeLifted("incident-42", "rita", "the fix is verified"));
    // Thursday: payments is sent back, another incident freezes auth until lifted
    record(
        "2026-11-26T07:00:00Z",
        new LedgerEvent.DecisionMade(
            Decision.sendBack(
                sentBack.ref(),
                sentBack.head(),
                List.of(
                    Reason.of(
                        "agent-claims",
                        "claimed-file-absent: the agent claims src/pay/*Ghost*.java")),
                List.of(new RequiredAction("agent-claims", "send the change back to its agent")),
                POLICY),
            "f".repeat(64)));
    record("2026-11-26T08:00:00Z", new LedgerEvent.FreezeDeclared(incident99()));
  }

  /** The calendar as the team keeps it: a migration freeze, a release freeze and the weekend. */
  static ReleaseCalendar calendar() {
    return ReleaseCalendar.builder()
        .freeze(
            new FreezeWindow(
                "quarter-end",
                Scope.everything(),
                new Schedule.OneOff(
                    at("2026-11-25T06:00:00Z"), at("2026-11-25T09:00:00Z"), ZoneOffset.UTC),
                FreezeLevel.ALL,
                "rita",
                "reporting run: *no* deploys <please>",
                Optional.empty()))
        .freeze(
            new FreezeWindow(
                "db-migrations",
                Scope.ofPaths("db/**"),
                new Schedule.OneOff(
                    at("2026-11-26T06:00:00Z"), at("2026-11-27T06:00:00Z"), ZoneOffset.UTC),
                FreezeLevel.ALL,
                "dana",
                "replica rebuild",
                Optional.empty()))
        .freeze(
            new FreezeWindow(
                "weekend",
                Scope.everything(),
                new Schedule.OneOff(
                    at("2026-11-27T18:00:00Z"), at("2026-11-30T08:00:00Z"), ZoneOffset.UTC),
                FreezeLevel.NON_CRITICAL,
                "rita",
                "weekend",
                Optional.empty()))
        .build();
  }

  /** The ledger's entries as a ledger reads them back (the hashes are not what a ledger writes). */
  List<LedgerEntry> entries() {
    List<LedgerEntry> entries = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      entries.add(
          new LedgerEntry(
              i,
              times.get(i),
              String.format("%064x", i),
              String.format("%064x", i + 1),
              events.get(i)));
    }
    return entries;
  }

  List<Instant> times() {
    return List.copyOf(times);
  }

  List<LedgerEvent> events() {
    return List.copyOf(events);
  }

  List<ChangeRequest> changes() {
    return List.of(hotfix, feature, tricky, migration, conflicting, frozen, sentBack);
  }

  /** Thursday's plan: the change that conflicted boards, the frozen one is carried over again. */
  TrainPlan thursdayPlan() {
    Car car = car(conflicting, RevertCheck.clean());
    Decision ship = Decision.ship(conflicting.ref(), conflicting.head(), List.of(), POLICY);
    Decision notYet =
        Decision.notYet(
            frozen.ref(),
            frozen.head(),
            List.of(
                Reason.of(
                    "freeze",
                    "frozen by incident-99 (NON_CRITICAL) until lifted: logins | <b>failing</b>"),
                Reason.of("review-quorum", "SECURITY has 0 counted approvals of 2")),
            List.of(
                new RequiredAction(
                    "review-quorum",
                    "needs an APPROVE on SECURITY from a reviewer other than the producer")),
            Optional.empty(),
            POLICY);
    Train train =
        new Train(
            THURSDAY,
            Scope.everything(),
            at("2026-11-26T15:00:00Z"),
            TrainState.PLANNED,
            List.of(new MergeGroup(List.of(car))),
            List.of(new Carryover(frozen.ref(), notYet.reasons())));
    TrainSpec spec =
        TrainSpec.of(
            THURSDAY, Scope.everything(), at("2026-11-26T15:00:00Z"), "refs/heads/main", rev('2'));
    return new TrainPlan(
        spec,
        train,
        Map.of(conflicting.ref(), ship, frozen.ref(), notYet),
        Map.of(conflicting.ref(), target(conflicting)),
        Map.of());
  }

  Train wednesdayTrain() {
    return new Train(
        WEDNESDAY,
        Scope.everything(),
        at("2026-11-25T10:00:00Z"),
        TrainState.PLANNED,
        List.of(
            new MergeGroup(
                List.of(
                    car(feature, RevertCheck.clean()),
                    car(tricky, new RevertCheck(RevertStatus.NOT_APPLICABLE, List.of())))),
            new MergeGroup(
                List.of(
                    car(
                        migration,
                        new RevertCheck(
                            RevertStatus.CONFLICTS,
                            List.of(RepoPath.of("src/cart/*star*_under[1].java"))))))),
        List.of(
            new Carryover(
                frozen.ref(),
                List.of(
                    Reason.of(
                        "freeze",
                        "frozen by incident-42 (NON_CRITICAL) until lifted: login errors spiking"))),
            new Carryover(
                conflicting.ref(),
                List.of(
                    new Reason(
                        "merge-conflict",
                        "conflicts with acme/shop#41 at web/checkout.ts",
                        Map.of("with", "acme/shop#41"))))));
  }

  private Train hotfixTrain() {
    return new Train(
        HOTFIX,
        Scope.ofComponents("auth"),
        at("2026-11-24T10:00:00Z"),
        TrainState.PLANNED,
        List.of(new MergeGroup(List.of(car(hotfix, RevertCheck.notChecked())))),
        List.of());
  }

  static FreezeWindow incident42() {
    return new FreezeWindow(
        "incident-42",
        Scope.ofComponents("auth"),
        new Schedule.UntilLifted(at("2026-11-24T14:00:00Z"), ZoneOffset.UTC),
        FreezeLevel.NON_CRITICAL,
        "rita",
        "login errors spiking",
        Optional.of("INC-42"));
  }

  static FreezeWindow incident99() {
    return new FreezeWindow(
        "incident-99",
        Scope.ofComponents("auth"),
        new Schedule.UntilLifted(at("2026-11-26T08:00:00Z"), ZoneOffset.UTC),
        FreezeLevel.NON_CRITICAL,
        "rita",
        "logins | <b>failing</b>",
        Optional.of("INC-99"));
  }

  private void record(String at, LedgerEvent event) {
    times.add(at(at));
    events.add(event);
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  static Revision rev(char c) {
    return Revision.of(String.valueOf(c).repeat(40));
  }

  static ContentDigest digest(ChangeRequest change) {
    return change.contentDigest();
  }

  static Car car(ChangeRequest change, RevertCheck revert) {
    return new Car(change.ref(), change.head(), change.contentDigest(), revert);
  }

  static Target target(ChangeRequest change) {
    return new Target(
        change.blastRadius().components(),
        Set.of(),
        Optional.empty(),
        change.changeClass(),
        change.criticality(),
        change.securityFix());
  }

  static LedgerEvent.ChangeShipped shipped(ChangeRequest change, TrainId train) {
    return new LedgerEvent.ChangeShipped(
        change.ref(), change.head(), change.contentDigest(), train);
  }

  static LedgerEvent.VerdictRecorded verdict(
      ChangeRequest change,
      Agent reviewer,
      RiskSurface surface,
      VerdictOutcome outcome,
      ContentDigest digest,
      List<Finding> findings) {
    return new LedgerEvent.VerdictRecorded(
        new Verdict(
            change.ref(),
            reviewer,
            surface,
            outcome,
            Optional.empty(),
            findings,
            digest,
            at("2026-11-25T07:00:00Z")),
        Optional.empty());
  }

  static Finding finding() {
    return new Finding(
        Optional.of(RepoPath.of("src/cart/Totals.java")),
        Optional.empty(),
        dev.signalbox.core.model.Severity.HIGH,
        dev.signalbox.core.model.Advice.FIX_NOW,
        "sql-injection",
        "query built by concatenation",
        Optional.empty(),
        0.8);
  }

  static LedgerEvent.RiskAccepted accepted(ChangeRequest change) {
    RiskAcceptance acceptance =
        new RiskAcceptance(
            change.ref(),
            change.contentDigest(),
            POLICY,
            "totals *rounded* wrong for | some currencies",
            0.05,
            "only JPY is affected_",
            "roll back with V42 down",
            "rita",
            at("2026-11-25T08:20:00Z"),
            at("2026-11-26T08:20:00Z"),
            Set.of("sql-injection"));
    Envelope envelope =
        Envelope.of(
            "application/vnd.signalbox.risk-acceptance+json",
            "{}".getBytes(StandardCharsets.UTF_8),
            List.of());
    return new LedgerEvent.RiskAccepted(acceptance, "rita", "key-rita", envelope);
  }

  private static ChangeRequest change(
      String id, String title, String component, ChangeClass changeClass) {
    char c = "abcdef8".charAt(Integer.parseInt(id) - 40);
    ChangeRequest.Builder builder =
        ChangeRequest.builder(ChangeId.of(id))
            .repository(REPO)
            .title(title)
            .producer(BUILDER)
            .owner(Human.of(component.equals("web") ? "bob" : "alice", "Owner", "engineer"))
            .revisions(Revision.of("0".repeat(40)), Revision.of(String.valueOf(c).repeat(40)))
            .contentDigest(ContentDigest.of(String.valueOf(c).repeat(64)))
            .changes(ChangeSet.of(FileChange.modified(component + "/file.txt", 1, 1)))
            .blastRadius(BlastRadius.of(BlastLevel.LOW, component))
            .declaredScope(Scope.everything())
            .changeClass(changeClass)
            .criticality(
                changeClass == ChangeClass.EMERGENCY ? Criticality.P0 : Criticality.ROUTINE)
            .proposedAt(at("2026-11-23T09:00:00Z"));
    if (id.equals("42")) {
      builder.rollback(
          RollbackPlan.of(RollbackKind.MIGRATION_DOWN, "run **V42** down", "redeploy <web>"));
    } else if (!id.equals("46")) {
      builder.rollback(RollbackPlan.revert());
    }
    return builder.build();
  }
}
