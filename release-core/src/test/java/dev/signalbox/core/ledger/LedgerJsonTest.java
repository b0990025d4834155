package dev.signalbox.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.LedgerEvent.ChangeDeferred;
import dev.signalbox.core.ledger.LedgerEvent.ChangeProposed;
import dev.signalbox.core.ledger.LedgerEvent.ChangeRolledBack;
import dev.signalbox.core.ledger.LedgerEvent.ChangeShipped;
import dev.signalbox.core.ledger.LedgerEvent.ChangeSuperseded;
import dev.signalbox.core.ledger.LedgerEvent.DecisionMade;
import dev.signalbox.core.ledger.LedgerEvent.EmergencyPostReviewDone;
import dev.signalbox.core.ledger.LedgerEvent.EmergencyPostReviewDue;
import dev.signalbox.core.ledger.LedgerEvent.FreezeDeclared;
import dev.signalbox.core.ledger.LedgerEvent.FreezeLifted;
import dev.signalbox.core.ledger.LedgerEvent.OutcomeRecorded;
import dev.signalbox.core.ledger.LedgerEvent.OverrideGiven;
import dev.signalbox.core.ledger.LedgerEvent.PolicyAdopted;
import dev.signalbox.core.ledger.LedgerEvent.RiskAccepted;
import dev.signalbox.core.ledger.LedgerEvent.TrainDeparted;
import dev.signalbox.core.ledger.LedgerEvent.TrainPlanned;
import dev.signalbox.core.ledger.LedgerEvent.VerdictRecorded;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.VerdictOverride;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ledger event and every public ledger value round-trips through the JSON codec. */
class LedgerJsonTest {
  static final ChangeRef C = ChangeRef.of("acme/payments", "42");
  static final Revision REV = Revision.of("b".repeat(40));
  static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));
  static final PolicyDigest POLICY = PolicyDigest.of("d".repeat(64));
  static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-27T09:00:00Z");
  static final TrainId TRAIN = TrainId.of("2026-11-26-api");
  static final Envelope ENVELOPE =
      Envelope.of("application/x", new byte[] {1, 2}, List.of(new EnvelopeSignature("k", "c2ln")));
  static final List<Reason> REASONS = List.of(new Reason("freeze", "frozen", Map.of("id", "f1")));

  static Stream<Object> values() {
    return Stream.of(
        new ChangeProposed(C, REV, DIGEST, "builder-7", "alice"),
        new ChangeSuperseded(C, ChangeRef.of("acme/payments", "57"), "replaced"),
        new VerdictRecorded(
            new Verdict(
                C,
                new Agent("sec-1", "gpt-5", "gpt", "bob"),
                RiskSurface.SECURITY,
                VerdictOutcome.APPROVE,
                Optional.empty(),
                List.of(),
                DIGEST,
                T0),
            Optional.of("e".repeat(64))),
        new DecisionMade(Decision.sendBack(C, REV, REASONS, List.of(), POLICY), "f".repeat(64)),
        PolicyAdopted.of("{\"rules\":[]}"),
        new RiskAccepted(
            new RiskAcceptance(C, DIGEST, POLICY, "risk", 0.1, "why", "then", "alice", T0, T1),
            "alice",
            "a".repeat(64),
            ENVELOPE),
        new OverrideGiven(
            new VerdictOverride(
                C,
                DIGEST,
                POLICY,
                OverrideSubject.verdict("sec-1", RiskSurface.SECURITY),
                "why",
                "alice",
                T0,
                T1),
            "alice",
            "a".repeat(64),
            ENVELOPE),
        new FreezeDeclared(
            new FreezeWindow(
                "f1",
                Scope.ofPaths("**"),
                new Schedule.OneOff(T0, T1, java.time.ZoneOffset.UTC),
                FreezeLevel.ALL,
                "alice",
                "incident",
                Optional.of("INC-7"))),
        new FreezeLifted("f1", "alice", "resolved"),
        new TrainPlanned(
            new Train(TRAIN, Scope.ofPaths("**"), T1, TrainState.PLANNED, List.of(), List.of())),
        new TrainDeparted(TRAIN, REV),
        new ChangeShipped(C, REV, DIGEST, TRAIN),
        new ChangeDeferred(C, TRAIN, REASONS),
        new ChangeRolledBack(C, REV, "broke checkout"),
        new OutcomeRecorded(C, Consequence.INCIDENT, "INC-9", T1),
        new EmergencyPostReviewDue(C, T1),
        new EmergencyPostReviewDone(C, "alice", "fine"),
        new LedgerEntry(3, T0, "0".repeat(64), "1".repeat(64), new TrainDeparted(TRAIN, REV)),
        new Receipt(3, "1".repeat(64), T0),
        LedgerQuery.all().change(C).train(TRAIN).between(T0, T1),
        new InclusionProof(2, 5, List.of("AAAA")),
        new ConsistencyProof(2, 5, List.of("AAAA")),
        new VerificationReport(5, 1, List.of("entry 3 does not chain to entry 2")),
        new Recovery(4, 100, 12, 1, Optional.of("torn")));
  }

  @ParameterizedTest
  @MethodSource("values")
  void roundTrips(Object value) {
    DocumentCodec json = DocumentCodec.json();
    String written = json.write(value);
    assertThat(written).startsWith("{\n  \"formatVersion\": 1,");
    assertThat(json.read(written, value.getClass())).isEqualTo(value);
    if (value instanceof LedgerEvent) {
      assertThat(json.read(written, LedgerEvent.class)).isEqualTo(value);
    }
  }
}
