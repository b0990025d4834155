package dev.signalbox.core.notes;

import static dev.signalbox.core.notes.Goldens.assertGolden;
import static dev.signalbox.core.notes.NotesWeek.MONDAY;
import static dev.signalbox.core.notes.NotesWeek.NEXT_MONDAY;
import static dev.signalbox.core.notes.NotesWeek.WEDNESDAY;
import static dev.signalbox.core.notes.NotesWeek.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerQuery;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.signing.Ed25519Signer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release notes of a week's train render as the golden files say, and the JSON reads back. */
class ReleaseNotesTest {
  private final NotesWeek week = new NotesWeek();

  private ReleaseNotes wednesday() {
    return ReleaseNotes.of(
        WEDNESDAY, week.entries(), week.changes(), NotesWeek.calendar(), MONDAY, NEXT_MONDAY);
  }

  @Test
  void wednesdaysTrainRendersAsTheGoldenMarkdown() throws IOException {
    assertGolden("wednesday-notes.md", wednesday().markdown());
  }

  @Test
  void wednesdaysTrainWritesTheGoldenJson() throws IOException {
    assertGolden("wednesday-notes.json", wednesday().json());
  }

  @Test
  void theJsonReadsBack() {
    ReleaseNotes notes = wednesday();
    assertThat(DocumentCodec.json().read(notes.json(), ReleaseNotes.class)).isEqualTo(notes);
  }

  @Test
  void nothingAnAgentWritesMakesMarkdownStructure() {
    String markdown = wednesday().markdown();
    assertThat(markdown)
        .doesNotContain(" <img")
        .doesNotContain("[urgent](")
        .doesNotContain("*cart*")
        .contains("Fix \\*cart\\* totals\\_v2 \\[urgent\\](javascript:alert(1)) \\<img")
        .contains("src/cart/\\*star\\*\\_under\\[1\\].java")
        .contains("logins \\| \\<b\\>failing\\</b\\>");
    // every heading is one of the document's own: a title is escaped where it heads a change
    assertThat(markdown.lines().filter(line -> line.startsWith("#")))
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "# Release notes: train .*|## (What's shipping|Shipped|Deferred|Timeline)"
                            + "|### acme/shop\\\\#4[0-9]: .*"));
    assertNoAgentStructure(markdown);
    // a train id full of specials reaches the chart as letters, digits and underscores only
    assertThat(markdown)
        .contains("    Train hotfix_1_ departed :milestone, train1, 2026-11-24 10:02, 0m");
  }

  @Test
  void theRiskBulletNamesEveryRollbackNotVerified() {
    ReleaseNotes notes = wednesday();
    assertThat(notes.whatsShipping().get(1))
        .endsWith(
            "Rollback: revert verified clean for 1 of 2; not verified:"
                + " acme/shop#42 (MIGRATION_DOWN plan, not a revert), acme/shop#43 (CONFLICTS).");
    assertThat(notes.markdown())
        .contains("- Rollback plan: MIGRATION_DOWN\n")
        .contains(
            "- Rollback verified: no: the rollback plan is not a revert, and only a revert is"
                + " checked\n");
  }

  @Test
  void aChangeWithNoRollbackPlanSaysSoOnce() {
    ReleaseNotes notes =
        shipping(week.sentBack, new RevertCheck(RevertStatus.NOT_APPLICABLE, List.of()));
    assertThat(notes.markdown())
        .contains("- Rollback plan: none, so no rollback is verified\n")
        .doesNotContain("Rollback verified")
        .doesNotContain("not applicable");
    assertThat(notes.whatsShipping().get(1))
        .endsWith(
            "Rollback: no change rolls back by revert; not verified: acme/shop#46 (no rollback"
                + " plan).");
  }

  @Test
  void stepsAndTitlesMakeNoListsAndNoAutolinks() {
    ChangeRequest hostile =
        week.sentBack.toBuilder()
            .title("see https://evil.example/x and www.evil.example or WWW.evil.example")
            .rollback(RollbackPlan.of(RollbackKind.MIGRATION_DOWN, "- x", "+ y", "1. z", "* w"))
            .build();
    String markdown =
        shipping(hostile, new RevertCheck(RevertStatus.NOT_APPLICABLE, List.of())).markdown();
    assertThat(markdown)
        .contains("  1. \\- x\n  2. \\+ y\n  3. 1\\. z\n  4. \\* w\n")
        .contains("see https\\://evil.example/x and www\\.evil.example or WWW\\.evil.example");
    assertNoAgentStructure(markdown);
  }

  /**
   * No line opens a list nested in a rollback plan's steps, and no address is left for GitHub to
   * autolink: every {@code ://} and word-initial {@code www.} is escaped.
   */
  static void assertNoAgentStructure(String markdown) {
    assertThat(markdown.lines())
        .noneMatch(line -> line.matches(" {2}[0-9]+\\. ([-+*]|[0-9]+[.)]) .*"));
    assertThat(markdown.lines().filter(line -> !line.contains("](<")))
        .noneMatch(line -> line.matches("(?i).*(?<!\\\\)://.*|(.*[^\\p{Alnum}])?www\\..*"));
  }

  private ReleaseNotes shipping(ChangeRequest change, RevertCheck check) {
    Train train =
        new Train(
            EMPTY,
            Scope.everything(),
            TUESDAY,
            TrainState.PLANNED,
            List.of(new MergeGroup(List.of(NotesWeek.car(change, check)))),
            List.of());
    List<LedgerEntry> entries =
        List.of(
            new LedgerEntry(
                0, TUESDAY, "0".repeat(64), "1".repeat(64), new LedgerEvent.TrainPlanned(train)),
            new LedgerEntry(
                1, TUESDAY, "1".repeat(64), "2".repeat(64), NotesWeek.shipped(change, EMPTY)),
            new LedgerEntry(
                2,
                TUESDAY,
                "2".repeat(64),
                "3".repeat(64),
                new LedgerEvent.TrainDeparted(train.id(), NotesWeek.rev('1'))));
    return ReleaseNotes.of(
        train.id(), entries, List.of(change), ReleaseCalendar.empty(), MONDAY, NEXT_MONDAY);
  }

  @Test
  void onlyWhatWasInForceWhenTheChangeShippedIsShown() {
    // the feature shipped at 2026-11-25T10:01; an acceptance signed later, one expired by then and
    // a verdict issued later had no part in it
    List<LedgerEntry> entries = new ArrayList<>(week.entries());
    Instant recordedAt = NotesWeek.at("2026-11-25T18:00:00Z");
    entries.add(
        entry(
            entries.size(),
            recordedAt,
            acceptance(
                week.feature,
                "signed late",
                at("2026-11-25T12:00:00Z"),
                at("2026-11-26T12:00:00Z"))));
    entries.add(
        entry(
            entries.size(),
            recordedAt,
            acceptance(
                week.feature,
                "expired first",
                at("2026-11-24T08:00:00Z"),
                at("2026-11-25T09:00:00Z"))));
    entries.add(
        entry(
            entries.size(),
            recordedAt,
            acceptance(
                week.feature, "in force", at("2026-11-25T09:00:00Z"), at("2026-11-26T09:00:00Z"))));
    entries.add(
        entry(
            entries.size(),
            recordedAt,
            new LedgerEvent.VerdictRecorded(
                new Verdict(
                    week.feature.ref(),
                    NotesWeek.GUARD,
                    RiskSurface.DATA,
                    VerdictOutcome.REJECT,
                    Optional.empty(),
                    List.of(),
                    NotesWeek.digest(week.feature),
                    at("2026-11-25T11:00:00Z")),
                Optional.empty())));
    ReleaseNotes notes =
        ReleaseNotes.of(
            WEDNESDAY, entries, week.changes(), NotesWeek.calendar(), MONDAY, NEXT_MONDAY);
    ReleaseNotes.ShippedChange feature =
        notes.shipped().stream()
            .filter(c -> c.change().equals(week.feature.ref()))
            .findFirst()
            .orElseThrow();
    assertThat(feature.acceptedRisks()).extracting(AcceptedRisk::risk).containsExactly("in force");
    assertThat(feature.verdicts()).noneMatch(v -> v.surface() == RiskSurface.DATA);
    assertThat(wednesday().shipped().stream().filter(c -> c.change().equals(week.feature.ref())))
        .singleElement()
        .satisfies(c -> assertThat(c.verdicts()).hasSameSizeAs(feature.verdicts()));
  }

  private static LedgerEntry entry(int sequence, Instant at, LedgerEvent event) {
    return new LedgerEntry(
        sequence,
        at,
        String.format("%064x", sequence),
        String.format("%064x", sequence + 1),
        event);
  }

  private static LedgerEvent.RiskAccepted acceptance(
      ChangeRequest change, String risk, Instant signedAt, Instant expiresAt) {
    RiskAcceptance acceptance =
        new RiskAcceptance(
            change.ref(),
            change.contentDigest(),
            NotesWeek.POLICY,
            risk,
            0.01,
            "a reason",
            "a plan",
            "rita",
            signedAt,
            expiresAt,
            Set.of());
    Envelope envelope =
        Envelope.of(
            "application/vnd.signalbox.risk-acceptance+json",
            "{}".getBytes(StandardCharsets.UTF_8),
            List.of());
    return new LedgerEvent.RiskAccepted(acceptance, "rita", "key-rita", envelope);
  }

  @Test
  void theOrderOfTheRequestsChangesNothing() {
    String notes = wednesday().markdown();
    Instant thursday = at("2026-11-26T09:00:00Z");
    Instant wednesday = at("2026-11-25T09:00:00Z");
    String standup =
        Standup.of(
                wednesday,
                thursday,
                week.entries(),
                week.changes(),
                NotesWeek.calendar(),
                Optional.of(week.thursdayPlan()))
            .markdown();
    List<ChangeRequest> changes = new ArrayList<>(week.changes());
    for (int turn = 0; turn < 2 * changes.size(); turn++) {
      if (turn == changes.size()) {
        Collections.reverse(changes);
      }
      Collections.rotate(changes, 1);
      assertThat(
              ReleaseNotes.of(
                      WEDNESDAY, week.entries(), changes, NotesWeek.calendar(), MONDAY, NEXT_MONDAY)
                  .markdown())
          .isEqualTo(notes);
      assertThat(
              Standup.of(
                      wednesday,
                      thursday,
                      week.entries(),
                      changes,
                      NotesWeek.calendar(),
                      Optional.of(week.thursdayPlan()))
                  .markdown())
          .isEqualTo(standup);
    }
  }

  @Test
  void mermaidLabelsKeepOnlySafeCharacters() {
    assertThat(Mermaid.label("a:b;c#d`e%f\ng<h>(i),j.k/l-m_n é"))
        .isEqualTo("a_b_c_d_e_f_g_h_(i),j.k/l-m_n_é");
  }

  @Test
  void anEmptyTrainSaysSo() {
    ReleaseNotes notes =
        departed(
            new Train(
                EMPTY, Scope.everything(), TUESDAY, TrainState.PLANNED, List.of(), List.of()));
    assertThat(notes.whatsShipping())
        .containsExactly(
            "Nothing shipped on train empty-train.",
            "No risk accepted and no rollback to verify: nothing shipped.",
            "Nothing deferred: every candidate boarded.");
    assertThat(notes.markdown())
        .contains("Nothing shipped on this train.")
        .contains("Nothing was deferred: every candidate boarded.");
  }

  @Test
  void aTrainThatDeferredEverythingListsEveryReason() {
    Train train =
        new Train(
            EMPTY,
            Scope.everything(),
            TUESDAY,
            TrainState.PLANNED,
            List.of(),
            List.of(
                new Carryover(
                    week.frozen.ref(),
                    List.of(
                        Reason.of("freeze", "frozen"), Reason.of("review-quorum", "no approval"))),
                new Carryover(
                    week.feature.ref(), List.of(Reason.of("train-cap", "max-changes reached")))));
    ReleaseNotes notes = departed(train);
    assertThat(notes.shipped()).isEmpty();
    assertThat(notes.deferred())
        .extracting(ReleaseNotes.DeferredChange::change)
        .containsExactly(week.feature.ref(), week.frozen.ref());
    assertThat(notes.whatsShipping())
        .containsExactly(
            "Nothing shipped on train empty-train.",
            "No risk accepted and no rollback to verify: nothing shipped.",
            "2 changes deferred: acme/shop#41 (train-cap), acme/shop#45 (freeze, review-quorum).");
    assertThat(notes.markdown()).contains("  - freeze: frozen\n  - review-quorum: no approval\n");
  }

  @Test
  void aTrainStillDepartingListsWhatIsLeftToMerge() {
    List<LedgerEntry> entries = new ArrayList<>();
    for (LedgerEntry entry : week.entries()) {
      entries.add(entry);
      if (entry.event() instanceof LedgerEvent.ChangeShipped shipped
          && shipped.change().equals(week.tricky.ref())) {
        break; // the departure stopped after the first merge group
      }
    }
    ReleaseNotes notes =
        ReleaseNotes.of(
            WEDNESDAY, entries, week.changes(), NotesWeek.calendar(), MONDAY, NEXT_MONDAY);
    assertThat(notes.state()).isEqualTo(TrainState.DEPARTING);
    assertThat(notes.departedAt()).isEmpty();
    assertThat(notes.pending()).containsExactly(week.migration.ref());
    assertThat(notes.whatsShipping().get(0))
        .isEqualTo(
            "2 changes ship on train 2026-11-25_shop (1 more car still to merge): 1 NORMAL, 1 EMERGENCY;"
                + " by component: cart 1, web 1.");
    assertThat(notes.markdown()).contains("## Still to merge\n\n- acme/shop\\#43\n");
  }

  @Test
  void theTimelineShowsOverlappingFreezesEachOnItsOwnBarClippedToThePeriod() {
    Timeline timeline =
        new Timeline(
            at("2026-11-25T00:00:00Z"),
            at("2026-11-26T00:00:00Z"),
            List.of(new Timeline.TrainMark(WEDNESDAY, at("2026-11-25T10:04:30Z"), false)),
            List.of(
                freeze("long", at("2026-11-20T00:00:00Z"), Optional.empty()),
                freeze(
                    "overlapping",
                    at("2026-11-25T06:00:00Z"),
                    Optional.of(at("2026-11-25T09:00:00Z"))),
                freeze(
                    "blink", at("2026-11-25T12:00:10Z"), Optional.of(at("2026-11-25T12:00:20Z")))));
    assertThat(timeline.mermaid())
        .isEqualTo(
            "gantt\n"
                + "    title Trains and freezes, 2026-11-25 00:00 to 2026-11-26 00:00 UTC\n"
                + "    dateFormat YYYY-MM-DD HH:mm\n"
                + "    axisFormat %m-%d %H:%M\n"
                + "    section Trains\n"
                + "    Train 2026-11-25_shop planned :milestone, train1, 2026-11-25 10:04, 0m\n"
                + "    section Freezes\n"
                + "    Freeze long NON_CRITICAL until lifted :crit, freeze1, 2026-11-25 00:00, 2026-11-26 00:00\n"
                + "    Freeze overlapping NON_CRITICAL :crit, freeze2, 2026-11-25 06:00, 2026-11-25 09:00\n"
                + "    Freeze blink NON_CRITICAL :crit, freeze3, 2026-11-25 12:00, 2026-11-25 12:01\n");
  }

  @Test
  void idsThatAreMermaidKeywordsStayTaskLabels() {
    Instant from = at("2026-11-25T00:00:00Z");
    Timeline timeline =
        new Timeline(
            from,
            at("2026-11-26T00:00:00Z"),
            List.of(
                new Timeline.TrainMark(TrainId.of("section"), at("2026-11-25T10:00:00Z"), true),
                new Timeline.TrainMark(TrainId.of("title"), at("2026-11-25T11:00:00Z"), false)),
            List.of(
                freeze("click", from, Optional.of(at("2026-11-25T01:00:00Z"))),
                freeze("excludes", from, Optional.of(at("2026-11-25T02:00:00Z")))));
    List<String> tasks =
        timeline
            .mermaid()
            .lines()
            .skip(4)
            .filter(line -> !line.startsWith("    section "))
            .toList();
    assertThat(tasks)
        .containsExactly(
            "    Train section departed :milestone, train1, 2026-11-25 10:00, 0m",
            "    Train title planned :milestone, train2, 2026-11-25 11:00, 0m",
            "    Freeze click NON_CRITICAL :crit, freeze1, 2026-11-25 00:00, 2026-11-25 01:00",
            "    Freeze excludes NON_CRITICAL :crit, freeze2, 2026-11-25 00:00, 2026-11-25 02:00");
    assertThat(timeline.mermaid().lines().filter(line -> line.startsWith("    section ")))
        .containsExactly("    section Trains", "    section Freezes");
  }

  @Test
  void theLedgerCutsAFreezeWhereItWasLifted() {
    ReleaseNotes notes = wednesday();
    assertThat(notes.timeline().freezes())
        .filteredOn(f -> f.window().equals("incident-42"))
        .singleElement()
        .satisfies(f -> assertThat(f.end()).contains(at("2026-11-25T16:00:00Z")));
  }

  @Test
  void aRealLedgerGivesTheSameNotesAndStandup(@TempDir Path directory) {
    MovableClock clock = new MovableClock();
    List<LedgerEntry> read;
    try (Ledger ledger =
        Ledger.builder(Ledger.fileStore(directory))
            .clock(clock)
            .checkpoints(Ed25519Signer.generate(), "signalbox.dev/test")
            .open()) {
      for (int i = 0; i < week.events().size(); i++) {
        clock.now = week.times().get(i);
        ledger.append(week.events().get(i));
      }
      try (Stream<LedgerEntry> entries = ledger.read(LedgerQuery.all())) {
        read = entries.toList();
      }
    }
    assertThat(
            ReleaseNotes.of(
                WEDNESDAY, read, week.changes(), NotesWeek.calendar(), MONDAY, NEXT_MONDAY))
        .isEqualTo(wednesday());
    Instant thursday = at("2026-11-26T09:00:00Z");
    Instant wednesday = at("2026-11-25T09:00:00Z");
    assertThat(
            Standup.of(
                wednesday,
                thursday,
                read,
                week.changes(),
                NotesWeek.calendar(),
                Optional.of(week.thursdayPlan())))
        .isEqualTo(
            Standup.of(
                wednesday,
                thursday,
                week.entries(),
                week.changes(),
                NotesWeek.calendar(),
                Optional.of(week.thursdayPlan())));
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                ReleaseNotes.of(
                    TrainId.of("nope"),
                    week.entries(),
                    week.changes(),
                    NotesWeek.calendar(),
                    MONDAY,
                    NEXT_MONDAY))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "train has no TrainPlanned entry in the ledger: it has not begun departing, was nope");
    assertThatThrownBy(
            () ->
                ReleaseNotes.of(
                    WEDNESDAY,
                    week.entries(),
                    List.of(week.feature, week.tricky),
                    NotesWeek.calendar(),
                    MONDAY,
                    NEXT_MONDAY))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "changes must hold the request of acme/shop#43, which train 2026-11-25_shop boarded or carried over");
    assertThatThrownBy(
            () ->
                ReleaseNotes.of(
                    WEDNESDAY,
                    week.entries(),
                    List.of(
                        week.feature.toBuilder()
                            .revisions(NotesWeek.rev('0'), NotesWeek.rev('9'))
                            .build()),
                    NotesWeek.calendar(),
                    MONDAY,
                    NEXT_MONDAY))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith(
            "changes must hold acme/shop#41 at the head that boarded train 2026-11-25_shop");
    assertThatThrownBy(
            () ->
                ReleaseNotes.of(
                    WEDNESDAY,
                    week.entries(),
                    week.changes(),
                    NotesWeek.calendar(),
                    NEXT_MONDAY,
                    MONDAY))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("periodEnd must be after periodStart");
    assertThatThrownBy(
            () ->
                ReleaseNotes.of(
                    WEDNESDAY,
                    week.entries(),
                    week.changes(),
                    NotesWeek.calendar(),
                    MONDAY,
                    MONDAY.plus(ReleaseCalendar.SEARCH_HORIZON).plusSeconds(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("periodEnd must be within");
  }

  private static final TrainId EMPTY = TrainId.of("empty-train");
  private static final Instant TUESDAY = at("2026-11-24T12:00:00Z");

  private ReleaseNotes departed(Train train) {
    List<LedgerEntry> entries =
        List.of(
            new LedgerEntry(
                0, TUESDAY, "0".repeat(64), "1".repeat(64), new LedgerEvent.TrainPlanned(train)),
            new LedgerEntry(
                1,
                TUESDAY,
                "1".repeat(64),
                "2".repeat(64),
                new LedgerEvent.TrainDeparted(train.id(), NotesWeek.rev('1'))));
    return ReleaseNotes.of(
        train.id(), entries, week.changes(), ReleaseCalendar.empty(), MONDAY, NEXT_MONDAY);
  }

  private static FreezePeriod freeze(String id, Instant start, Optional<Instant> end) {
    return new FreezePeriod(
        id,
        FreezeLevel.NON_CRITICAL,
        Scope.everything(),
        "because",
        "rita",
        Optional.empty(),
        start,
        end);
  }

  /** A clock the test sets by hand, for the ledger's timestamps. */
  private static final class MovableClock extends Clock {
    Instant now = Instant.EPOCH;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
