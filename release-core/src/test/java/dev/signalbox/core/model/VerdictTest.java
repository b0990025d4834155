package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.CHANGE;
import static dev.signalbox.core.model.Samples.DIGEST;
import static dev.signalbox.core.model.Samples.REVIEWER;
import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Verdict and Abstention. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class VerdictTest {
  private static final Finding FYI = finding(Advice.FYI);
  private static final Finding FIX_NOW = finding(Advice.FIX_NOW);

  private static Finding finding(Advice advice) {
    return new Finding(
        Optional.empty(), Optional.empty(), Severity.LOW, advice, "r", "m", Optional.empty(), 1);
  }

  private static Verdict verdict(VerdictOutcome outcome, List<Finding> findings) {
    return new Verdict(
        CHANGE, REVIEWER, RiskSurface.SECURITY, outcome, Optional.empty(), findings, DIGEST, T0);
  }

  @Test
  void approveAndRejectHaveNoAbstention() {
    assertThat(verdict(VerdictOutcome.APPROVE, List.of()).abstention()).isEmpty();
    assertThat(verdict(VerdictOutcome.REJECT, List.of(FIX_NOW)).findings())
        .containsExactly(FIX_NOW);
  }

  @Test
  void abstainCarriesItsCause() {
    Verdict abstention =
        Verdict.abstain(
            CHANGE,
            REVIEWER,
            RiskSurface.TESTS,
            DIGEST,
            T0,
            AbstainCause.TIMED_OUT,
            "no answer in 30s");
    assertThat(abstention.outcome()).isEqualTo(VerdictOutcome.ABSTAIN);
    assertThat(abstention.abstention())
        .contains(new Abstention(AbstainCause.TIMED_OUT, "no answer in 30s"));
    assertThat(abstention.findings()).isEmpty();
    assertThat(abstention.surface()).isEqualTo(RiskSurface.TESTS);
  }

  @Test
  void hasFixNowWhenAnyFindingAdvisesIt() {
    assertThat(verdict(VerdictOutcome.APPROVE, List.of()).hasFixNow()).isFalse();
    assertThat(verdict(VerdictOutcome.APPROVE, List.of(FYI, finding(Advice.MAY_DEFER))).hasFixNow())
        .isFalse();
    assertThat(verdict(VerdictOutcome.REJECT, List.of(FYI, FIX_NOW)).hasFixNow()).isTrue();
  }

  @Test
  void copiesAndProtectsTheFindings() {
    List<Finding> findings = new ArrayList<>(List.of(FYI));
    Verdict verdict = verdict(VerdictOutcome.APPROVE, findings);
    findings.add(FIX_NOW);
    assertThat(verdict.findings()).containsExactly(FYI);
    assertThat(verdict.hasFixNow()).isFalse();
    assertThatThrownBy(() -> verdict.findings().add(FIX_NOW))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void abstainRequiresAnAbstention() {
    assertRejected(
        () -> verdict(VerdictOutcome.ABSTAIN, List.of()),
        Verdict.class,
        "abstention",
        "abstention must be present when the outcome is ABSTAIN");
  }

  @ParameterizedTest
  @EnumSource(
      value = VerdictOutcome.class,
      names = {"APPROVE", "REJECT"})
  void onlyAbstainHasAnAbstention(VerdictOutcome outcome) {
    assertRejected(
        () ->
            new Verdict(
                CHANGE,
                REVIEWER,
                RiskSurface.SECURITY,
                outcome,
                Optional.of(new Abstention(AbstainCause.DECLINED, "not my area")),
                List.of(),
                DIGEST,
                T0),
        Verdict.class,
        "abstention",
        "abstention must be absent when the outcome is " + outcome + ", was DECLINED");
  }

  @Test
  void rejectsNulls() {
    RiskSurface s = RiskSurface.SECURITY;
    VerdictOutcome a = VerdictOutcome.APPROVE;
    Optional<Abstention> none = Optional.empty();
    assertNullRejected(
        () -> new Verdict(null, REVIEWER, s, a, none, List.of(), DIGEST, T0),
        Verdict.class,
        "change");
    assertNullRejected(
        () -> new Verdict(CHANGE, null, s, a, none, List.of(), DIGEST, T0),
        Verdict.class,
        "reviewer");
    assertNullRejected(
        () -> new Verdict(CHANGE, REVIEWER, null, a, none, List.of(), DIGEST, T0),
        Verdict.class,
        "surface");
    assertNullRejected(
        () -> new Verdict(CHANGE, REVIEWER, s, null, none, List.of(), DIGEST, T0),
        Verdict.class,
        "outcome");
    assertNullRejected(
        () -> new Verdict(CHANGE, REVIEWER, s, a, null, List.of(), DIGEST, T0),
        Verdict.class,
        "abstention");
    assertNullRejected(
        () -> new Verdict(CHANGE, REVIEWER, s, a, none, null, DIGEST, T0),
        Verdict.class,
        "findings");
    assertNullRejected(
        () -> new Verdict(CHANGE, REVIEWER, s, a, none, Arrays.asList(FYI, null), DIGEST, T0),
        Verdict.class,
        "findings[1]");
    assertNullRejected(
        () -> new Verdict(CHANGE, REVIEWER, s, a, none, List.of(), null, T0),
        Verdict.class,
        "contentDigest");
    assertNullRejected(
        () -> new Verdict(CHANGE, REVIEWER, s, a, none, List.of(), DIGEST, null),
        Verdict.class,
        "issuedAt");
  }

  @Test
  void abstainFactoryRejectsNulls() {
    assertNullRejected(
        () -> Verdict.abstain(CHANGE, REVIEWER, RiskSurface.DOCS, DIGEST, T0, null, "x"),
        Abstention.class,
        "cause");
    assertNullRejected(
        () ->
            Verdict.abstain(
                CHANGE, REVIEWER, RiskSurface.DOCS, DIGEST, T0, AbstainCause.FAILED, null),
        Abstention.class,
        "detail");
    assertNullRejected(
        () ->
            Verdict.abstain(null, REVIEWER, RiskSurface.DOCS, DIGEST, T0, AbstainCause.FAILED, "x"),
        Verdict.class,
        "change");
  }

  @Test
  void abstentionNeedsADetail() {
    assertRejected(
        () -> new Abstention(AbstainCause.MALFORMED, ""),
        Abstention.class,
        "detail",
        "detail must not be blank, was \"\"");
    assertRejected(
        () -> new Abstention(AbstainCause.FAILED, "boom\0"),
        Abstention.class,
        "detail",
        "detail must not contain NUL, was \"boom\\u0000\"");
    assertThat(new Abstention(AbstainCause.FAILED, "exit 2\nstack trace").detail()).contains("\n");
  }
}
