package dev.signalbox.testkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.calendar.CalendarDefinition;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.DryRun;
import dev.signalbox.core.policy.DryRunReport;
import dev.signalbox.core.policy.EvidenceVerifier;
import dev.signalbox.core.policy.PolicyDefinition;
import dev.signalbox.core.policy.RecordedChange;
import dev.signalbox.core.policy.ReleasePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A dry run decides recorded changes again under two policies and reports what would change. */
class DryRunTest {
  private static final Instant DECIDED = Instant.parse("2026-11-20T15:00:00Z");
  private static final Human RITA = Human.of("rita", "Rita", "release-manager");
  private static final Agent PRODUCER = new Agent("builder-1", "claude-sonnet", "claude", "op-a");
  private static final Agent REVIEWER = new Agent("reviewer-1", "gemini-pro", "gemini", "op-r");
  private static final HmacEvidenceVerifier VERIFIER =
      new HmacEvidenceVerifier(Map.of("key-rita", RITA, "key-reviewer-1", REVIEWER));
  private static final DocumentCodec JSON = DocumentCodec.json();

  private static final ReleasePolicy DEFAULTS = ReleasePolicy.defaults();

  /** The default policy asking two approvals of LOW blast radius changes. */
  private static final ReleasePolicy STRICT = withLowQuorum(2);

  @Test
  void tighteningTheQuorumTurnsShipIntoNotYetNamingTheRule() {
    RecordedChange low = approved(change("1", BlastLevel.LOW, ChangeClass.NORMAL));
    RecordedChange medium = approved(change("2", BlastLevel.MEDIUM, ChangeClass.NORMAL));

    DryRunReport report = DryRun.compare(DEFAULTS, STRICT, List.of(low, medium), VERIFIER);

    assertThat(report.currentPolicy()).isEqualTo(DEFAULTS.digest());
    assertThat(report.candidatePolicy()).isEqualTo(STRICT.digest());
    assertThat(report.decided()).isEqualTo(2);
    assertThat(report.unchanged()).as("the MEDIUM change needs one approval under both").isOne();
    assertThat(report.transitions())
        .containsExactly(new DryRunReport.Transition(Outcome.SHIP, Outcome.NOT_YET, 1));
    DryRunReport.Change changed = report.changes().get(0);
    assertThat(changed.change()).isEqualTo(low.change().ref());
    assertThat(changed.current().outcome()).isEqualTo(Outcome.SHIP);
    assertThat(changed.candidate().outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(changed.candidate().policyDigest()).isEqualTo(STRICT.digest());
    assertThat(changed.differences())
        .containsExactly(
            "outcome changed from SHIP to NOT_YET",
            "reason added by review-quorum: CODE_QUALITY has 1 counted approval of 2"
                + " (surface: CODE_QUALITY)",
            "required action added by review-quorum: needs an APPROVE on CODE_QUALITY from a"
                + " reviewer other than the producer");
  }

  @Test
  void looseningTheQuorumTurnsNotYetIntoShip() {
    RecordedChange low = approved(change("1", BlastLevel.LOW, ChangeClass.NORMAL));

    DryRunReport report = DryRun.compare(STRICT, DEFAULTS, List.of(low), VERIFIER);

    assertThat(report.transitions())
        .containsExactly(new DryRunReport.Transition(Outcome.NOT_YET, Outcome.SHIP, 1));
    assertThat(report.changes().get(0).differences())
        .contains(
            "outcome changed from NOT_YET to SHIP",
            "reason removed by review-quorum: CODE_QUALITY has 1 counted approval of 2"
                + " (surface: CODE_QUALITY)");
  }

  @Test
  void anAcceptanceMadeUnderTheCurrentPolicyDoesNotCountUnderACandidate() {
    ChangeRequest emergency = change("3", BlastLevel.MEDIUM, ChangeClass.EMERGENCY);
    RecordedChange recorded =
        recorded(
            emergency,
            List.of(
                approval(emergency),
                VERIFIER.signAcceptance("key-rita", acceptance(emergency, DEFAULTS))));

    DryRunReport report = DryRun.compare(DEFAULTS, STRICT, List.of(recorded), VERIFIER);

    DryRunReport.Change changed = report.changes().get(0);
    assertThat(changed.current().outcome()).isEqualTo(Outcome.SHIP);
    assertThat(changed.candidate().outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(changed.differences())
        .contains("outcome changed from SHIP to NOT_YET")
        .anySatisfy(d -> assertThat(d).startsWith("reason added by emergency: "));
    assertThat(changed.candidate().reasons())
        .anySatisfy(
            reason -> assertThat(reason.message()).contains("made under another policy than"));
  }

  @Test
  void anUnchangedPolicyReportsNoChanges() {
    List<RecordedChange> history = history();

    DryRunReport same = DryRun.compare(DEFAULTS, DEFAULTS, history, VERIFIER);
    DryRunReport reloaded =
        DryRun.compare(
            DEFAULTS, ReleasePolicy.loader().load(DEFAULTS.definition()), history, VERIFIER);

    for (DryRunReport report : List.of(same, reloaded)) {
      assertThat(report.decided()).isEqualTo(history.size());
      assertThat(report.unchanged()).isEqualTo(history.size());
      assertThat(report.changes()).isEmpty();
      assertThat(report.transitions()).isEmpty();
    }
  }

  @Test
  void verifiesOncePerPolicy() {
    AtomicInteger calls = new AtomicInteger();
    EvidenceVerifier counting =
        (change, policy, board, imported, checks, at) -> {
          calls.incrementAndGet();
          return VERIFIER.verify(change, policy, board, imported, checks, at);
        };
    List<RecordedChange> history = history();

    DryRun.compare(DEFAULTS, DEFAULTS, history, counting);
    assertThat(calls).as("one policy").hasValue(history.size());
    calls.set(0);
    DryRun.compare(DEFAULTS, STRICT, history, counting);
    assertThat(calls).as("two policies").hasValue(2 * history.size());
  }

  @Test
  void forgedEnvelopesAreRefusedEvidenceNotExceptions() {
    ChangeRequest change = change("4", BlastLevel.LOW, ChangeClass.NORMAL);
    Envelope approval = approval(change);
    Envelope forged =
        new Envelope(
            approval.payloadType(),
            approval.payload(),
            List.of(new dev.signalbox.core.model.EnvelopeSignature("key-mallory", "AAAA")));
    RecordedChange recorded = recorded(change, List.of(forged));

    DryRunReport report = DryRun.compare(DEFAULTS, STRICT, List.of(recorded), VERIFIER);

    assertThat(report.transitions())
        .as("no approval counts under either policy")
        .containsExactly(new DryRunReport.Transition(Outcome.NOT_YET, Outcome.NOT_YET, 1));
    assertThat(report.changes().get(0).current().reasons())
        .anySatisfy(
            reason ->
                assertThat(reason.message())
                    .contains("was refused")
                    .contains("no key is registered as key-mallory"));
  }

  @Test
  void reportAndHistoryRoundTripAsJson() {
    List<RecordedChange> history = history();
    DryRunReport report = DryRun.compare(DEFAULTS, STRICT, history, VERIFIER);
    assertThat(report.changes()).isNotEmpty();

    assertThat(JSON.read(JSON.write(report), DryRunReport.class)).isEqualTo(report);
    for (RecordedChange recorded : history) {
      assertThat(JSON.read(JSON.write(recorded), RecordedChange.class)).isEqualTo(recorded);
    }
    // the history read back decides as the original does: trust comes from the verifier
    List<RecordedChange> readBack =
        history.stream().map(r -> JSON.read(JSON.write(r), RecordedChange.class)).toList();
    assertThat(DryRun.compare(DEFAULTS, STRICT, readBack, VERIFIER)).isEqualTo(report);
  }

  @Test
  void aReportWhoseCountsDisagreeIsRefused() {
    DryRunReport report = DryRun.compare(DEFAULTS, STRICT, history(), VERIFIER);
    assertThatThrownBy(
            () ->
                new DryRunReport(
                    report.currentPolicy(),
                    report.candidatePolicy(),
                    report.decided(),
                    report.unchanged() + 1,
                    report.transitions(),
                    report.changes()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("changes must number decided - unchanged");
    assertThatThrownBy(
            () ->
                new DryRunReport(
                    report.currentPolicy(),
                    report.candidatePolicy(),
                    report.decided(),
                    report.unchanged(),
                    List.of(),
                    report.changes()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transitions must count the changes' outcomes");
  }

  @Test
  void aRecordedCalendarWhoseWindowsClashIsRefused() {
    FreezeWindow freeze =
        new FreezeWindow(
            "incident-1",
            Scope.everything(),
            new Schedule.UntilLifted(DECIDED.minus(Duration.ofHours(1)), ZoneId.of("UTC")),
            FreezeLevel.ALL,
            "rita",
            "incident in progress",
            Optional.empty());
    assertThatThrownBy(
            () ->
                new RecordedChange(
                    change("5", BlastLevel.LOW, ChangeClass.NORMAL),
                    DECIDED,
                    List.of(),
                    List.of(),
                    new CalendarDefinition(List.of(freeze, freeze), List.of(), List.of()),
                    List.of(),
                    Set.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("calendar.")
        .hasMessageContaining("incident-1");
  }

  @Test
  void nullArgumentsAreRefusedNamingThem() {
    assertThatThrownBy(() -> DryRun.compare(DEFAULTS, STRICT, history(), nullVerifier()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("verifier");
  }

  @SuppressWarnings("NullAway") // the point of the test
  private static EvidenceVerifier nullVerifier() {
    return null;
  }

  private static List<RecordedChange> history() {
    ChangeRequest emergency = change("3", BlastLevel.MEDIUM, ChangeClass.EMERGENCY);
    List<RecordedChange> history = new ArrayList<>();
    history.add(approved(change("1", BlastLevel.LOW, ChangeClass.NORMAL)));
    history.add(approved(change("2", BlastLevel.MEDIUM, ChangeClass.NORMAL)));
    history.add(
        recorded(
            emergency,
            List.of(
                approval(emergency),
                VERIFIER.signAcceptance("key-rita", acceptance(emergency, DEFAULTS)))));
    return history;
  }

  private static RecordedChange approved(ChangeRequest change) {
    return recorded(change, List.of(approval(change)));
  }

  private static RecordedChange recorded(ChangeRequest change, List<Envelope> envelopes) {
    return new RecordedChange(
        change,
        DECIDED,
        envelopes,
        List.of(),
        new CalendarDefinition(List.of(), List.of(), List.of()),
        List.of(new ErrorBudget("checkout-availability", Scope.everything(), 0.5, DECIDED)),
        Set.of());
  }

  private static Envelope approval(ChangeRequest change) {
    return VERIFIER.signVerdict(
        "key-reviewer-1",
        new Verdict(
            change.ref(),
            REVIEWER,
            RiskSurface.CODE_QUALITY,
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(),
            change.contentDigest(),
            DECIDED.minus(Duration.ofMinutes(20))));
  }

  private static RiskAcceptance acceptance(ChangeRequest change, ReleasePolicy policy) {
    return new RiskAcceptance(
        change.ref(),
        change.contentDigest(),
        policy.digest(),
        "the hotfix breaks checkout",
        0.05,
        "checkout is down without it",
        "roll back and page the on-call",
        "rita",
        DECIDED.minus(Duration.ofHours(1)),
        DECIDED.plus(Duration.ofDays(1)));
  }

  private static ChangeRequest change(String id, BlastLevel level, ChangeClass changeClass) {
    return ChangeRequest.builder(ChangeId.of(id))
        .repository("acme/shop")
        .title("Fix checkout totals " + id)
        .producer(PRODUCER)
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(Revision.of("a".repeat(40)), Revision.of("b".repeat(40)))
        .contentDigest(ContentDigest.of("c".repeat(64)))
        .changes(new ChangeSet(List.of(FileChange.modified("src/checkout/Totals.java", 3, 1))))
        .blastRadius(new BlastRadius(level, Set.of("checkout"), Set.of("@acme/checkout"), Set.of()))
        .declaredScope(Scope.ofPaths("src/**"))
        .changeClass(changeClass)
        .criticality(changeClass == ChangeClass.EMERGENCY ? Criticality.P0 : Criticality.ROUTINE)
        .rollback(RollbackPlan.revert())
        .proposedAt(DECIDED.minus(Duration.ofHours(2)))
        .build();
  }

  private static ReleasePolicy withLowQuorum(int quorum) {
    PolicyDefinition d = DEFAULTS.definition();
    PolicyDefinition.Review r = d.review();
    Map<BlastLevel, Integer> quorums = new EnumMap<>(r.quorum());
    quorums.put(BlastLevel.LOW, quorum);
    PolicyDefinition.Review review =
        new PolicyDefinition.Review(
            r.always(),
            r.bySensitiveKind(),
            r.byComponent(),
            r.securityFixes(),
            r.docs(),
            r.docsOnly(),
            quorums,
            r.distinctFamilies(),
            r.riskyAbove(),
            r.maxAge(),
            r.maxAgeBySurface(),
            r.sameOperator(),
            r.overrideRoles(),
            r.acceptanceAbove());
    return ReleasePolicy.loader()
        .load(
            new PolicyDefinition(
                "strict-low",
                d.disabled(),
                d.rollback(),
                review,
                d.emergency(),
                d.blastRadiusCaps(),
                d.roles(),
                d.custom()));
  }
}
