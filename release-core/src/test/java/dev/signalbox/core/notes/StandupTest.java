package dev.signalbox.core.notes;

import static dev.signalbox.core.notes.Goldens.assertGolden;
import static dev.signalbox.core.notes.NotesWeek.POLICY;
import static dev.signalbox.core.notes.NotesWeek.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.train.TrainPlan;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The standup on Thursday morning renders as the golden files say; who waits for whom, what is
 * frozen and which post-reviews are overdue come out right, and bad input is refused by name.
 */
class StandupTest {
  private static final Instant THURSDAY_9 = at("2026-11-26T09:00:00Z");
  private static final Instant WEDNESDAY_9 = at("2026-11-25T09:00:00Z");
  private final NotesWeek week = new NotesWeek();

  private Standup thursday() {
    return Standup.of(
        WEDNESDAY_9,
        THURSDAY_9,
        week.entries(),
        week.changes(),
        NotesWeek.calendar(),
        Optional.of(week.thursdayPlan()));
  }

  @Test
  void thursdaysStandupRendersAsTheGoldenMarkdown() throws IOException {
    assertGolden("thursday-standup.md", thursday().markdown());
  }

  @Test
  void thursdaysStandupWritesTheGoldenJson() throws IOException {
    assertGolden("thursday-standup.json", thursday().json());
  }

  @Test
  void theJsonReadsBack() {
    Standup standup = thursday();
    assertThat(DocumentCodec.json().read(standup.json(), Standup.class)).isEqualTo(standup);
  }

  @Test
  void whatShippedIsWhatTheLedgerRecordsInThePeriod() {
    assertThat(thursday().shipped())
        .extracting(Standup.ShippedLine::change)
        .containsExactly(week.feature.ref(), week.tricky.ref(), week.migration.ref());
  }

  @Test
  void frozenIsWhatIsInForceNowWithItsEnd() {
    assertThat(thursday().frozen())
        .extracting(FreezePeriod::window, FreezePeriod::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "db-migrations", Optional.of(at("2026-11-27T06:00:00Z"))),
            org.assertj.core.groups.Tuple.tuple("incident-99", Optional.empty()));
  }

  @Test
  void aStandupInThePastReadsTheLedgerAsItWasThen() {
    Standup wednesdayNoon =
        Standup.of(
            WEDNESDAY_9,
            at("2026-11-25T12:00:00Z"),
            week.entries(),
            week.changes(),
            NotesWeek.calendar(),
            Optional.empty());
    // incident-42 was lifted at 16:00, incident-99 declared on Thursday
    assertThat(wednesdayNoon.frozen())
        .extracting(FreezePeriod::window, FreezePeriod::end)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("incident-42", Optional.empty()));
    // the payments decision is Thursday's: nothing on record yet says it waits
    assertThat(wednesdayNoon.blocked())
        .extracting(Standup.Blocked::change)
        .containsExactly(week.frozen.ref(), week.conflicting.ref());
  }

  @Test
  void eachBlockerSaysWhoseMoveItIs() {
    List<Standup.Blocked> blocked = thursday().blocked();
    assertThat(blocked)
        .extracting(Standup.Blocked::change)
        .containsExactly(week.frozen.ref(), week.sentBack.ref());
    Standup.Blocked frozen = blocked.get(0);
    assertThat(frozen.outcome()).contains(Outcome.NOT_YET);
    assertThat(frozen.blockers())
        .extracting(Standup.Blocker::rule, Standup.Blocker::party)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("freeze", Standup.Party.WAITING),
            org.assertj.core.groups.Tuple.tuple("review-quorum", Standup.Party.REVIEWERS));
    assertThat(frozen.blockers().get(1).actions())
        .containsExactly("needs an APPROVE on SECURITY from a reviewer other than the producer");
    Standup.Blocked sentBack = blocked.get(1);
    assertThat(sentBack.outcome()).contains(Outcome.SEND_BACK);
    assertThat(sentBack.blockers())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.party()).isEqualTo(Standup.Party.PRODUCER);
              assertThat(b.actions()).containsExactly("send the change back to its agent");
            });
  }

  @Test
  void aChangeCarriedOverThoughDecidedShipIsCarriedOverNotHeldByAShip() {
    TrainPlan plan = week.thursdayPlan();
    Decision ship =
        Decision.ship(week.conflicting.ref(), week.conflicting.head(), List.of(), POLICY);
    Train capped =
        new Train(
            plan.train().id(),
            plan.train().scope(),
            plan.train().departure(),
            TrainState.PLANNED,
            List.of(),
            List.of(
                new Carryover(
                    week.conflicting.ref(),
                    List.of(Reason.of("train-cap", "the train holds 0 changes at most")))));
    TrainPlan cappedPlan =
        new TrainPlan(
            plan.spec(), capped, Map.of(week.conflicting.ref(), ship), Map.of(), Map.of());
    Standup standup =
        Standup.of(
            WEDNESDAY_9,
            THURSDAY_9,
            week.entries(),
            week.changes(),
            NotesWeek.calendar(),
            Optional.of(cappedPlan));
    Standup.Blocked blocked =
        standup.blocked().stream()
            .filter(b -> b.change().equals(week.conflicting.ref()))
            .findFirst()
            .orElseThrow();
    assertThat(blocked.outcome()).isEmpty();
    assertThat(blocked.earliestRetry()).isEmpty();
    assertThat(blocked.blockers())
        .extracting(Standup.Blocker::rule, Standup.Blocker::party)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("train-cap", Standup.Party.WAITING));
    assertThat(standup.markdown())
        .contains("- acme/shop\\#44: Rename checkout step: carried over (agent")
        .doesNotContain(": SHIP");
  }

  @Test
  void aDeferralStandsUntilItsHeadShipsOrIsProposedAgain() {
    Instant noon = at("2026-11-25T12:00:00Z");
    Instant later = at("2026-11-25T11:00:00Z");
    // Wednesday's train deferred the conflicting change at 10:03
    assertThat(blockedAt(noon, week.entries())).contains(week.conflicting.ref());

    List<LedgerEntry> decided = new ArrayList<>(week.entries());
    decided.add(
        entry(
            decided.size(),
            later,
            new LedgerEvent.DecisionMade(
                Decision.ship(week.conflicting.ref(), week.conflicting.head(), List.of(), POLICY),
                "f".repeat(64))));
    assertThat(blockedAt(noon, decided)).doesNotContain(week.conflicting.ref());

    List<LedgerEntry> proposed = new ArrayList<>(week.entries());
    proposed.add(
        entry(
            proposed.size(),
            later,
            new LedgerEvent.ChangeProposed(
                week.conflicting.ref(),
                week.conflicting.head(),
                NotesWeek.digest(week.conflicting),
                "builder_1",
                "alice")));
    assertThat(blockedAt(noon, proposed)).doesNotContain(week.conflicting.ref());

    // a decision that ships another revision leaves the deferral of the head standing
    List<LedgerEntry> other = new ArrayList<>(week.entries());
    other.add(
        entry(
            other.size(),
            later,
            new LedgerEvent.DecisionMade(
                Decision.ship(week.conflicting.ref(), NotesWeek.rev('7'), List.of(), POLICY),
                "f".repeat(64))));
    assertThat(blockedAt(noon, other)).contains(week.conflicting.ref());
  }

  private List<ChangeRef> blockedAt(Instant at, List<LedgerEntry> entries) {
    return Standup.of(
            WEDNESDAY_9, at, entries, week.changes(), NotesWeek.calendar(), Optional.empty())
        .blocked()
        .stream()
        .map(Standup.Blocked::change)
        .toList();
  }

  private static LedgerEntry entry(int sequence, Instant at, LedgerEvent event) {
    return new LedgerEntry(sequence, at, "a".repeat(64), "b".repeat(64), event);
  }

  @Test
  void partiesFollowTheRuleAndASendBackIsTheProducers() {
    assertThat(Standup.Party.of("required-checks", Outcome.NOT_YET))
        .isEqualTo(Standup.Party.CHECKS);
    assertThat(Standup.Party.of("emergency", Outcome.NOT_YET)).isEqualTo(Standup.Party.OWNER);
    assertThat(Standup.Party.of("needs-ticket", Outcome.NOT_YET)).isEqualTo(Standup.Party.OWNER);
    assertThat(Standup.Party.of("merge-conflict", null)).isEqualTo(Standup.Party.PRODUCER);
    assertThat(Standup.Party.of("dependencies", null)).isEqualTo(Standup.Party.WAITING);
    assertThat(Standup.Party.of("review-quorum", Outcome.SEND_BACK))
        .isEqualTo(Standup.Party.PRODUCER);
  }

  @Test
  void emergencyPostReviewsAreDueOrOverdueUntilDone() {
    Standup standup = thursday();
    assertThat(standup.postReviews())
        .extracting(
            Standup.PostReview::change, Standup.PostReview::dueBy, Standup.PostReview::overdue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                week.hotfix.ref(), at("2026-11-25T10:00:00Z"), true),
            org.assertj.core.groups.Tuple.tuple(
                week.tricky.ref(), at("2026-11-27T10:00:00Z"), false));
    assertThat(standup.overduePostReviews())
        .extracting(Standup.PostReview::change)
        .containsExactly(week.hotfix.ref());
    assertThat(standup.postReviews().get(1).acceptedBy()).containsExactly("rita");

    List<LedgerEntry> entries = new ArrayList<>(week.entries());
    entries.add(
        new LedgerEntry(
            entries.size(),
            at("2026-11-26T08:30:00Z"),
            "a".repeat(64),
            "b".repeat(64),
            new LedgerEvent.EmergencyPostReviewDone(week.hotfix.ref(), "rita", "sound fix")));
    Standup done =
        Standup.of(
            WEDNESDAY_9,
            THURSDAY_9,
            entries,
            week.changes(),
            NotesWeek.calendar(),
            Optional.empty());
    assertThat(done.postReviews())
        .extracting(Standup.PostReview::change)
        .containsExactly(week.tricky.ref());
  }

  @Test
  void aPostReviewDueAgainAfterItWasDoneIsOwedAgainAsTheLedgerSays() {
    List<LedgerEntry> entries = new ArrayList<>(week.entries());
    entries.add(
        new LedgerEntry(
            entries.size(),
            at("2026-11-26T08:30:00Z"),
            "a".repeat(64),
            "b".repeat(64),
            new LedgerEvent.EmergencyPostReviewDone(week.hotfix.ref(), "rita", "sound fix")));
    entries.add(
        new LedgerEntry(
            entries.size(),
            at("2026-11-26T08:40:00Z"),
            "b".repeat(64),
            "c".repeat(64),
            new LedgerEvent.EmergencyPostReviewDue(week.hotfix.ref(), at("2026-11-28T10:00:00Z"))));
    Standup standup =
        Standup.of(
            WEDNESDAY_9,
            THURSDAY_9,
            entries,
            week.changes(),
            NotesWeek.calendar(),
            Optional.empty());
    assertThat(standup.postReviews())
        .extracting(Standup.PostReview::change, Standup.PostReview::dueBy)
        .contains(
            org.assertj.core.groups.Tuple.tuple(week.hotfix.ref(), at("2026-11-28T10:00:00Z")));
  }

  @Test
  void aLaterDecisionNotToShipKeepsTheDueDateTheShippingDecisionSet() {
    List<LedgerEntry> entries = new ArrayList<>(week.entries());
    entries.add(
        new LedgerEntry(
            entries.size(),
            at("2026-11-26T08:30:00Z"),
            "a".repeat(64),
            "b".repeat(64),
            new LedgerEvent.DecisionMade(
                Decision.notYet(
                    week.tricky.ref(),
                    week.tricky.head(),
                    List.of(Reason.of("freeze", "held by freeze incident-99")),
                    List.of(),
                    Optional.empty(),
                    NotesWeek.POLICY),
                "f".repeat(64))));
    Standup standup =
        Standup.of(
            WEDNESDAY_9,
            THURSDAY_9,
            entries,
            week.changes(),
            NotesWeek.calendar(),
            Optional.empty());
    assertThat(standup.postReviews())
        .filteredOn(r -> r.change().equals(week.tricky.ref()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.dueBy()).isEqualTo(at("2026-11-27T10:00:00Z"));
              assertThat(r.overdue()).isFalse();
            });
  }

  @Test
  void anEmergencyShippedWithNoDueDateOnRecordIsOverdueFromShipping() {
    List<LedgerEntry> entries = new ArrayList<>();
    entries.add(
        new LedgerEntry(
            0,
            at("2026-11-24T10:01:00Z"),
            "0".repeat(64),
            "1".repeat(64),
            NotesWeek.shipped(week.hotfix, NotesWeek.HOTFIX)));
    Standup standup =
        Standup.of(
            WEDNESDAY_9,
            THURSDAY_9,
            entries,
            week.changes(),
            NotesWeek.calendar(),
            Optional.empty());
    assertThat(standup.postReviews())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.dueBy()).isEqualTo(at("2026-11-24T10:01:00Z"));
              assertThat(r.overdue()).isTrue();
            });
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                Standup.of(
                    THURSDAY_9,
                    WEDNESDAY_9,
                    week.entries(),
                    week.changes(),
                    NotesWeek.calendar(),
                    Optional.empty()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("since must not be after at");
    assertThatThrownBy(
            () ->
                Standup.of(
                    WEDNESDAY_9,
                    THURSDAY_9,
                    week.entries(),
                    List.of(week.feature, week.feature),
                    NotesWeek.calendar(),
                    Optional.empty()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("changes must hold one request per change")
        .hasMessageContaining("acme/shop#41");
    assertThatThrownBy(
            () ->
                Standup.of(
                    WEDNESDAY_9,
                    THURSDAY_9,
                    Arrays.asList((LedgerEntry) null),
                    week.changes(),
                    NotesWeek.calendar(),
                    Optional.empty()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("entries[0] must not be null");
  }

  @Test
  void nothingAnAgentWritesMakesMarkdownStructure() {
    String markdown = thursday().markdown();
    assertThat(markdown).doesNotContain(" <img").doesNotContain("<b>").contains("\\<b\\>");
    ReleaseNotesTest.assertNoAgentStructure(markdown);
    assertThat(markdown.lines().filter(line -> line.startsWith("#")))
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "# Standup, .*|## (Shipped since .*|Next train|Frozen|Blocked"
                            + "|Emergency post-reviews)|### alice"));
  }

  @Test
  void aQuietDaySaysSoInEverySection() {
    Standup quiet =
        Standup.of(
            WEDNESDAY_9,
            THURSDAY_9,
            List.of(),
            week.changes(),
            dev.signalbox.core.calendar.ReleaseCalendar.empty(),
            Optional.empty());
    assertThat(quiet.markdown())
        .isEqualTo(
            "# Standup, 2026-11-26T09:00:00Z\n\n"
                + "## Shipped since 2026-11-25T09:00:00Z\n\nNothing shipped.\n\n"
                + "## Next train\n\nNo train is planned.\n\n"
                + "## Frozen\n\nNothing is frozen.\n\n"
                + "## Blocked\n\nNobody is blocked.\n\n"
                + "## Emergency post-reviews\n\nNo emergency change owes a post-review.\n");
  }
}
