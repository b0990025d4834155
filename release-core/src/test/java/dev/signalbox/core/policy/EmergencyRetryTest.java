package dev.signalbox.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.trust.TrustedValues;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The earliest retry of an EMERGENCY change accepted through a freeze but outside its merge window:
 * no freeze holds it, so only the merge windows' next opening may decide when it can go.
 *
 * <p>Now is Thursday 2026-11-26 10:00 UTC. An ALL freeze runs until Saturday 10:00; merge windows
 * open on weekdays 08:00-09:00. Through the freeze, the next opening is Friday 08:00; for a change
 * the freeze holds, it is Monday 08:00.
 */
class EmergencyRetryTest {
  private static final ReleasePolicy POLICY = ReleasePolicy.defaults();
  private static final Instant NOW = Examples.NOW;
  private static final Instant FRIDAY_MORNING = Instant.parse("2026-11-27T08:00:00Z");
  private static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T08:00:00Z");
  private static final Human RITA = Human.of("rita", "Rita", "release-manager");

  private static ReleaseCalendar.Builder frozenOutsideTheWindow() {
    return ReleaseCalendar.builder()
        .freeze(
            new FreezeWindow(
                "year-end",
                Scope.everything(),
                new Schedule.OneOff(
                    NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(2)), ZoneId.of("UTC")),
                FreezeLevel.ALL,
                "rita",
                "year-end freeze",
                Optional.empty()))
        .mergeWindow(
            new MergeWindow(
                "mornings",
                Scope.everything(),
                new Schedule.Compact("Mon-Fri 08:00-09:00[UTC]"),
                "rita",
                "reviewers are around",
                Optional.empty()));
  }

  private static ChangeRequest emergency() {
    return Examples.change().toBuilder().changeClass(ChangeClass.EMERGENCY).build();
  }

  private static Evidence evidence(ChangeRequest change, boolean accepted) {
    List<TrustedVerdict> verdicts = new ArrayList<>();
    POLICY
        .requiredSurfaces(change)
        .forEach(
            (surface, requirement) -> {
              for (int i = 0; i < requirement.quorum(); i++) {
                verdicts.add(
                    TrustedValues.fromBoard(
                        new Verdict(
                            change.ref(),
                            new Agent("r-" + surface + "-" + i, "gpt-5", "gpt", "op-review"),
                            surface,
                            VerdictOutcome.APPROVE,
                            Optional.empty(),
                            List.of(),
                            change.contentDigest(),
                            NOW.minus(Duration.ofMinutes(10)))));
              }
            });
    List<VerifiedAcceptance> acceptances =
        accepted
            ? List.of(
                TrustedValues.acceptance(
                    new RiskAcceptance(
                        change.ref(),
                        change.contentDigest(),
                        POLICY.digest(),
                        "checkout breaks",
                        0.05,
                        "checkout is down without it",
                        "roll back",
                        "rita",
                        NOW.minus(Duration.ofMinutes(1)),
                        NOW.plus(Duration.ofDays(3))),
                    RITA,
                    "key-rita"))
            : List.of();
    return Evidence.of(verdicts, acceptances, List.of(), List.of(), List.of());
  }

  private static Decision decide(ChangeRequest change, boolean accepted, ReleaseCalendar calendar) {
    return POLICY.decide(
        change,
        ReleaseContext.at(NOW).withCalendar(calendar).withEvidence(evidence(change, accepted)));
  }

  private static List<String> rules(Decision decision) {
    return decision.reasons().stream().map(Reason::rule).distinct().toList();
  }

  @Test
  void anAcceptedEmergencyWaitsOnlyForTheMergeWindow() {
    Decision decision = decide(emergency(), true, frozenOutsideTheWindow().build());
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(rules(decision)).containsExactly("merge-window", "emergency", "freeze");
    assertThat(decision.reasons())
        .filteredOn(reason -> reason.rule().equals("freeze"))
        .map(Reason::message)
        .containsExactly("EMERGENCY change passes freeze year-end with a signed risk acceptance");
    // the calendar alone, which knows nothing of the acceptance, would say Monday
    assertThat(decision.earliestRetry()).contains(FRIDAY_MORNING);
    assertThat(
            decide(
                    emergency(),
                    true,
                    ReleaseCalendar.builder()
                        .mergeWindow(
                            frozenOutsideTheWindow().build().definition().mergeWindows().get(0))
                        .build())
                .earliestRetry())
        .as("the same retry as with no freeze at all")
        .contains(FRIDAY_MORNING);
  }

  @Test
  void aChangeTheFreezeHoldsRetriesWhenBothLetItThrough() {
    assertThat(decide(Examples.change(), true, frozenOutsideTheWindow().build()).earliestRetry())
        .contains(MONDAY_MORNING);
    Decision unaccepted = decide(emergency(), false, frozenOutsideTheWindow().build());
    assertThat(rules(unaccepted)).contains("emergency", "freeze", "merge-window");
    assertThat(unaccepted.earliestRetry()).contains(MONDAY_MORNING);
  }

  @Test
  void withTwoMergeScopesTheRetryIsWhenBothAreOpen() {
    ReleaseCalendar calendar =
        frozenOutsideTheWindow()
            .mergeWindow(
                new MergeWindow(
                    "web-late",
                    Scope.ofComponents("web"),
                    new Schedule.Compact("Fri 08:30-10:00[UTC]"),
                    "rita",
                    "the web team deploys late on Fridays",
                    Optional.empty()))
            .build();
    Decision decision = decide(emergency(), true, calendar);
    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(decision.earliestRetry()).contains(Instant.parse("2026-11-27T08:30:00Z"));
  }
}
