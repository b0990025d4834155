package dev.signalbox.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.Consequence;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerEvent.DecisionMade;
import dev.signalbox.core.ledger.LedgerEvent.OutcomeRecorded;
import dev.signalbox.core.ledger.LedgerEvent.OverrideGiven;
import dev.signalbox.core.ledger.LedgerEvent.RiskAccepted;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.VerdictOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The calibration report over ledger events. */
class CalibrationReportTest {
  static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));
  static final PolicyDigest POLICY = PolicyDigest.of("d".repeat(64));
  static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-27T09:00:00Z");
  static final Envelope ENVELOPE = Envelope.of("application/x", new byte[] {1}, List.of());
  static final String KEY = "a".repeat(64);

  private static ChangeRef change(int i) {
    return ChangeRef.of("acme/payments", "c" + i);
  }

  private static RiskAccepted accepted(int change, double p, String signer) {
    return new RiskAccepted(
        new RiskAcceptance(
            change(change), DIGEST, POLICY, "risk", p, "why", "what then", signer, T0, T1),
        signer,
        KEY,
        ENVELOPE);
  }

  private static OutcomeRecorded outcome(int change, Consequence consequence) {
    return new OutcomeRecorded(change(change), consequence, "observed", T1);
  }

  @Test
  void brierScoreBinsAndSignatories() {
    List<LedgerEvent> events = new ArrayList<>();
    events.add(accepted(1, 0.05, "alice"));
    events.add(accepted(2, 0.05, "alice"));
    events.add(accepted(3, 0.8, "bob"));
    events.add(accepted(4, 0.3, "bob")); // no outcome yet: left out
    events.add(outcome(1, Consequence.NONE));
    events.add(outcome(2, Consequence.INCIDENT));
    events.add(outcome(3, Consequence.ROLLED_BACK));
    events.add(outcome(5, Consequence.INCIDENT)); // no acceptance: ignored

    CalibrationReport report = CalibrationReport.ofEvents(events);

    assertThat(report.acceptances()).isEqualTo(3);
    // (0.05 - 0)^2 + (0.05 - 1)^2 + (0.8 - 1)^2 = 0.0025 + 0.9025 + 0.04
    assertThat(report.brierScore().orElseThrow()).isCloseTo(0.945 / 3, within(1e-12));
    ReliabilityBin low = report.bins().get(0);
    assertThat(low.count()).isEqualTo(2);
    assertThat(low.meanPredicted()).isCloseTo(0.05, within(1e-12));
    assertThat(low.observedRate()).isEqualTo(0.5);
    assertThat(report.bins().get(8).count()).isEqualTo(1);
    assertThat(report.bins()).hasSize(10);
    assertThat(report.signatories())
        .extracting(SignatoryCalibration::signatory, SignatoryCalibration::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", 2L),
            org.assertj.core.groups.Tuple.tuple("bob", 1L));
    assertThat(report.signatories().get(1).brierScore()).isCloseTo(0.04, within(1e-12));
  }

  @Test
  void anOutcomeBeforeTheAcceptanceDoesNotCount() {
    CalibrationReport report =
        CalibrationReport.ofEvents(
            List.of(outcome(1, Consequence.INCIDENT), accepted(1, 0.5, "alice")));
    assertThat(report.acceptances()).isZero();
    assertThat(report.brierScore()).isEmpty();
  }

  @Test
  void notYetAndAgainstAdviceCallsReportOutcomeRates() {
    Decision notYet =
        Decision.notYet(
            change(1),
            Revision.of("b".repeat(40)),
            List.of(new Reason("tests", "a test is missing", Map.of())),
            List.of(),
            Optional.empty(),
            POLICY);
    Decision notYet2 =
        Decision.notYet(
            change(2),
            Revision.of("b".repeat(40)),
            List.of(new Reason("tests", "a test is missing", Map.of())),
            List.of(),
            Optional.empty(),
            POLICY);
    OverrideGiven override =
        new OverrideGiven(
            new VerdictOverride(
                change(3),
                DIGEST,
                POLICY,
                OverrideSubject.verdict("sec-1", RiskSurface.SECURITY),
                "accepted",
                "alice",
                T0,
                T1),
            "alice",
            KEY,
            ENVELOPE);
    CalibrationReport report =
        CalibrationReport.ofEvents(
            List.of(
                new DecisionMade(notYet, "e".repeat(64)),
                new DecisionMade(notYet, "e".repeat(64)),
                new DecisionMade(notYet2, "e".repeat(64)),
                override,
                outcome(1, Consequence.FIX_NEEDED),
                outcome(3, Consequence.NONE)));
    assertThat(report.notYet()).isEqualTo(new CallOutcomes(2, 1, 1));
    assertThat(report.notYet().adverseRate()).contains(1.0);
    assertThat(report.againstAdvice()).isEqualTo(new CallOutcomes(1, 1, 0));
    assertThat(report.againstAdvice().adverseRate()).contains(0.0);
    assertThat(new CallOutcomes(3, 0, 0).adverseRate()).isEmpty();
  }

  @Test
  void theReliabilityDiagramIsAnSvgWithOneDotPerNonEmptyBin() throws Exception {
    CalibrationReport report =
        CalibrationReport.ofEvents(
            List.of(
                accepted(1, 0.05, "alice"),
                accepted(2, 0.6, "alice"),
                outcome(1, Consequence.NONE),
                outcome(2, Consequence.INCIDENT)));
    String svg = report.svg();
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
    assertThat(svg.split("<circle", -1)).hasSize(3);
    assertThat(svg).contains("Brier score 0.081");
    // parses as XML
    assertThat(
            javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance()
                .newDocumentBuilder()
                .parse(
                    new java.io.ByteArrayInputStream(
                        svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getDocumentElement()
                .getTagName())
        .isEqualTo("svg");
  }

  @Test
  void theReportRoundTripsThroughJson() {
    CalibrationReport report =
        CalibrationReport.ofEvents(
            List.of(accepted(1, 0.05, "alice"), outcome(1, Consequence.NONE)));
    DocumentCodec json = DocumentCodec.json();
    assertThat(json.read(json.write(report), CalibrationReport.class)).isEqualTo(report);
  }
}
