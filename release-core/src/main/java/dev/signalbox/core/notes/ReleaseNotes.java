package dev.signalbox.core.notes;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.calendar.WindowOccurrence;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The release notes of one train, rendered from what the ledger records: "what's shipping" in three
 * bullets (what ships by class and component; the risks knowingly accepted and the rollbacks not
 * verified; what was deferred), then each shipped change with its train and merge group, its
 * reviewers' verdicts, the risks accepted with their signatories, its rollback plan and whether its
 * revert was verified on the train's final tree, then what was deferred and why, and a timeline of
 * the period's trains and freezes.
 *
 * <p>{@link #markdown()} renders the notes for people, {@link #json()} writes the same data as a
 * versioned JSON document for tools; both are deterministic (nothing reads a clock) and every value
 * from outside is escaped in the Markdown. Immutable and thread-safe.
 *
 * @param train the train
 * @param scope what the train ships
 * @param state {@code DEPARTED}, or {@code DEPARTING} while the ledger does not record its
 *     departure
 * @param departure when the train was planned to depart
 * @param departedAt when the ledger recorded its departure, if it did
 * @param head the commit the branch pointed to after it departed, if it did
 * @param whatsShipping the three bullets of "what's shipping", as plain text (not Markdown)
 * @param shipped the changes shipped, in merge order
 * @param pending the cars not merged yet, in merge order; empty once the train departed
 * @param deferred the changes carried over, with their reasons, ordered by change
 * @param timeline the period's trains and freezes
 */
public record ReleaseNotes(
    TrainId train,
    Scope scope,
    TrainState state,
    Instant departure,
    Optional<Instant> departedAt,
    Optional<Revision> head,
    List<String> whatsShipping,
    List<ShippedChange> shipped,
    List<ChangeRef> pending,
    List<DeferredChange> deferred,
    Timeline timeline) {
  private static final DocumentCodec JSON = DocumentCodec.json();

  /**
   * Checks the fields: three bullets, and a departed train has its departure and no pending car.
   */
  public ReleaseNotes {
    Class<?> t = ReleaseNotes.class;
    Checks.present(t, "train", train);
    Checks.present(t, "scope", scope);
    Checks.present(t, "state", state);
    Checks.instant(t, "departure", departure);
    Checks.optional(t, "departedAt", departedAt);
    Checks.optional(t, "head", head);
    whatsShipping = Checks.texts(t, "whatsShipping", whatsShipping);
    if (whatsShipping.size() != 3) {
      throw new InvalidValueException(
          t, "whatsShipping", "must hold three bullets", whatsShipping.size());
    }
    shipped = Checks.list(t, "shipped", shipped);
    pending = Checks.list(t, "pending", pending);
    deferred = Checks.list(t, "deferred", deferred);
    Checks.present(t, "timeline", timeline);
    if (state != TrainState.DEPARTED && state != TrainState.DEPARTING) {
      throw new InvalidValueException(t, "state", "must be DEPARTED or DEPARTING", state);
    }
    boolean departed = state == TrainState.DEPARTED;
    if (departed != departedAt.isPresent() || departed != head.isPresent()) {
      throw new InvalidValueException(
          t, "departedAt", "and head must be present exactly when the train departed", state);
    }
    if (departed && !pending.isEmpty()) {
      throw new InvalidValueException(
          t, "pending", "must be empty once the train departed", pending);
    }
  }

  /**
   * The release notes of {@code train} from a ledger's entries: the train as its departure recorded
   * it (the {@code TrainPlanned} entry), the changes shipped, the verdicts and accepted risks
   * recorded for the content that shipped ({@code VerdictRecorded}, {@code RiskAccepted}), and the
   * departure; titles, classes, components and rollback plans come from the change requests. The
   * timeline shows the trains the ledger records and the calendar's freezes (with freezes the
   * ledger records as declared, cut where it records them lifted) in {@code [periodStart,
   * periodEnd)}.
   *
   * @param train the train
   * @param entries the ledger's entries in order, as {@code ledger.read(LedgerQuery.all())} gives
   *     them
   * @param changes the requests of the train's cars and carryovers (others are ignored); a car's
   *     request must be at the head that boarded
   * @param calendar the release calendar, for the timeline's freezes
   * @param periodStart the first instant of the timeline
   * @param periodEnd the first instant after it; within {@link ReleaseCalendar#SEARCH_HORIZON} of
   *     the start
   * @throws InvalidValueException if an argument is null, the ledger records no departure of {@code
   *     train}, a car's or carryover's request is missing or at another head, two requests name one
   *     change, or the period is empty or too long
   */
  public static ReleaseNotes of(
      TrainId train,
      List<LedgerEntry> entries,
      Collection<ChangeRequest> changes,
      ReleaseCalendar calendar,
      Instant periodStart,
      Instant periodEnd) {
    Class<?> t = ReleaseNotes.class;
    Checks.present(t, "train", train);
    Checks.present(t, "entries", entries);
    Map<ChangeRef, ChangeRequest> requests = Requests.index(t, changes);
    Checks.present(t, "calendar", calendar);
    period(t, periodStart, periodEnd);
    Recorded recorded = Recorded.of(t, entries, null);
    Train planned = recorded.planned.get(train);
    if (planned == null) {
      throw new InvalidValueException(
          t, "train", "has no TrainPlanned entry in the ledger: it has not begun departing", train);
    }
    Optional<Recorded.Departed> departed = Optional.ofNullable(recorded.departed.get(train));

    List<ShippedChange> shipped = new ArrayList<>();
    List<ChangeRef> pending = new ArrayList<>();
    List<Car> cars = planned.cars();
    for (int g = 0; g < planned.groups().size(); g++) {
      for (Car car : planned.groups().get(g).cars()) {
        ChangeRequest request = Requests.require(t, requests, car.change(), train);
        if (!request.head().equals(car.head())) {
          throw new InvalidValueException(
              t,
              "changes",
              "must hold "
                  + car.change()
                  + " at the head that boarded train "
                  + train
                  + " ("
                  + car.head().commit()
                  + ")",
              request.head().commit());
        }
        Recorded.Shipped record = shippedOn(recorded, car, train);
        if (record == null) {
          pending.add(car.change());
        } else {
          shipped.add(ShippedChange.of(request, car, g + 1, record.at(), recorded));
        }
      }
    }
    List<DeferredChange> deferred = new ArrayList<>();
    for (Carryover carryover : planned.carriedOver()) {
      ChangeRequest request = Requests.require(t, requests, carryover.change(), train);
      deferred.add(
          new DeferredChange(
              carryover.change(), request.title(), request.owner().id(), carryover.reasons()));
    }
    deferred.sort(Comparator.comparing(DeferredChange::change));

    Timeline timeline = timeline(recorded, calendar, periodStart, periodEnd);
    List<String> bullets = Bullets.whatsShipping(train, shipped, deferred, cars.size());
    return new ReleaseNotes(
        train,
        planned.scope(),
        departed.isPresent() ? TrainState.DEPARTED : TrainState.DEPARTING,
        planned.departure(),
        departed.map(Recorded.Departed::at),
        departed.map(d -> d.event().head()),
        bullets,
        shipped,
        departed.isPresent() ? List.of() : pending,
        deferred,
        timeline);
  }

  private static Recorded.@Nullable Shipped shippedOn(Recorded recorded, Car car, TrainId train) {
    for (Recorded.Shipped shipped : recorded.shipped) {
      if (shipped.event().change().equals(car.change()) && shipped.event().train().equals(train)) {
        return shipped;
      }
    }
    return null;
  }

  /** Checks that {@code [start, end)} is a period the calendar can show. */
  static void period(Class<?> t, Instant start, Instant end) {
    Checks.instant(t, "periodStart", start);
    Checks.instant(t, "periodEnd", end);
    if (!end.isAfter(start)) {
      throw new InvalidValueException(
          t, "periodEnd", "must be after periodStart (" + start + ")", end);
    }
    if (Duration.between(start, end).compareTo(ReleaseCalendar.SEARCH_HORIZON) > 0) {
      throw new InvalidValueException(
          t,
          "periodEnd",
          "must be within " + ReleaseCalendar.SEARCH_HORIZON.toDays() + " days of periodStart",
          end);
    }
  }

  private static Timeline timeline(
      Recorded recorded, ReleaseCalendar calendar, Instant from, Instant to) {
    List<Timeline.TrainMark> trains = new ArrayList<>();
    for (Train planned : recorded.planned.values()) {
      Recorded.Departed departed = recorded.departed.get(planned.id());
      Instant at = departed == null ? planned.departure() : departed.at();
      if (!at.isBefore(from) && at.isBefore(to)) {
        trains.add(new Timeline.TrainMark(planned.id(), at, departed != null));
      }
    }
    trains.sort(Comparator.comparing(Timeline.TrainMark::at).thenComparing(m -> m.train().value()));
    List<FreezePeriod> freezes = new ArrayList<>();
    for (WindowOccurrence period : recorded.freezes(calendar, from, to)) {
      Optional<FreezeWindow> window = recorded.freeze(calendar, period.windowId());
      window.ifPresent(w -> freezes.add(FreezePeriod.of(w, period.start(), period.end())));
    }
    return new Timeline(from, to, trains, freezes);
  }

  /** The release notes in Markdown, with a Mermaid timeline. */
  public String markdown() {
    return ReleaseNotesMarkdown.render(this);
  }

  /** The release notes as a JSON document of this format version, for tools. */
  public String json() {
    return JSON.write(this);
  }

  /**
   * A change that shipped on the train, with what it shipped on.
   *
   * @param change the change
   * @param title its title
   * @param changeClass its change class
   * @param criticality its criticality
   * @param securityFix whether it fixes a security problem
   * @param components the components in its blast radius
   * @param owner the id of the accountable human
   * @param producer the id of the agent that produced it
   * @param mergeGroup its merge group's number on the train, from 1
   * @param revision the head revision that shipped
   * @param contentDigest that revision's content digest
   * @param shippedAt when the ledger recorded it shipped
   * @param verdicts the reviewers' latest verdicts on the content that shipped
   * @param acceptedRisks the risks accepted for the content that shipped
   * @param rollback its rollback plan, if it has one
   * @param revertCheck whether its revert applies to the train's final tree, as the car records
   * @param postReviewDue for an EMERGENCY change, when its post-review is due, if on record
   */
  public record ShippedChange(
      ChangeRef change,
      String title,
      ChangeClass changeClass,
      Criticality criticality,
      boolean securityFix,
      Set<String> components,
      String owner,
      String producer,
      int mergeGroup,
      Revision revision,
      ContentDigest contentDigest,
      Instant shippedAt,
      List<ReviewVerdict> verdicts,
      List<AcceptedRisk> acceptedRisks,
      Optional<RollbackPlan> rollback,
      RevertCheck revertCheck,
      Optional<Instant> postReviewDue) {
    /** Checks the fields. */
    public ShippedChange {
      Class<?> t = ShippedChange.class;
      Checks.present(t, "change", change);
      Checks.text(t, "title", title);
      Checks.present(t, "changeClass", changeClass);
      Checks.present(t, "criticality", criticality);
      components = Checks.tokens(t, "components", components);
      Checks.token(t, "owner", owner);
      Checks.token(t, "producer", producer);
      Checks.atLeast(t, "mergeGroup", mergeGroup, 1);
      Checks.present(t, "revision", revision);
      Checks.present(t, "contentDigest", contentDigest);
      Checks.instant(t, "shippedAt", shippedAt);
      verdicts = Checks.list(t, "verdicts", verdicts);
      acceptedRisks = Checks.list(t, "acceptedRisks", acceptedRisks);
      Checks.optional(t, "rollback", rollback);
      Checks.present(t, "revertCheck", revertCheck);
      Checks.optional(t, "postReviewDue", postReviewDue);
    }

    static ShippedChange of(
        ChangeRequest request, Car car, int group, Instant at, Recorded recorded) {
      List<ReviewVerdict> verdicts = new ArrayList<>();
      for (Verdict verdict : recorded.freshVerdicts(car.change(), car.contentDigest(), at)) {
        verdicts.add(ReviewVerdict.of(verdict));
      }
      Optional<Instant> due =
          request.changeClass() == ChangeClass.EMERGENCY
              ? recorded.postReviewDue(car.change(), car.head())
              : Optional.empty();
      return new ShippedChange(
          car.change(),
          request.title(),
          request.changeClass(),
          request.criticality(),
          request.securityFix(),
          new TreeSet<>(request.blastRadius().components()),
          request.owner().id(),
          request.producer().id(),
          group,
          car.head(),
          car.contentDigest(),
          at,
          verdicts,
          recorded.acceptedRisks(car.change(), car.contentDigest(), at),
          request.rollback(),
          car.revertCheck(),
          due);
    }
  }

  /**
   * One reviewer's verdict on one risk surface, as release notes show it.
   *
   * @param reviewer the reviewing agent's id
   * @param modelFamily its model family
   * @param surface the risk surface
   * @param outcome approve, reject or abstain
   * @param findings how many findings it reported
   */
  public record ReviewVerdict(
      String reviewer,
      String modelFamily,
      RiskSurface surface,
      VerdictOutcome outcome,
      int findings) {
    /** Checks the fields. */
    public ReviewVerdict {
      Checks.token(ReviewVerdict.class, "reviewer", reviewer);
      Checks.token(ReviewVerdict.class, "modelFamily", modelFamily);
      Checks.present(ReviewVerdict.class, "surface", surface);
      Checks.present(ReviewVerdict.class, "outcome", outcome);
      Checks.atLeast(ReviewVerdict.class, "findings", findings, 0);
    }

    static ReviewVerdict of(Verdict verdict) {
      return new ReviewVerdict(
          verdict.reviewer().id(),
          verdict.reviewer().modelFamily(),
          verdict.surface(),
          verdict.outcome(),
          verdict.findings().size());
    }
  }

  /**
   * A change carried over from the train, and why.
   *
   * @param change the change
   * @param title its title
   * @param owner the id of the accountable human
   * @param reasons why it did not board, at least one
   */
  public record DeferredChange(ChangeRef change, String title, String owner, List<Reason> reasons) {
    /** Checks the fields. */
    public DeferredChange {
      Checks.present(DeferredChange.class, "change", change);
      Checks.text(DeferredChange.class, "title", title);
      Checks.token(DeferredChange.class, "owner", owner);
      reasons = Checks.nonEmptyList(DeferredChange.class, "reasons", reasons);
    }
  }
}
