package dev.signalbox.core.notes;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.calendar.WindowOccurrence;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.train.TrainPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The release standup at an instant: what shipped since an earlier instant, what is on the next
 * train, what is frozen and until when, who is blocked and on what (each waiting change with its
 * reasons, the actions required and whose action each is), and the post-reviews that shipped
 * emergency changes owe.
 *
 * <p>An EMERGENCY change that shipped owes a post-review until the ledger records it done ({@code
 * EmergencyPostReviewDone}). It is due at the instant the ledger records ({@code
 * EmergencyPostReviewDue}), else at the post-review due date that the {@code emergency} rule stated
 * in the recorded decision to ship that revision, else at once: an emergency shipped with no due
 * date on record is overdue from the moment it shipped. It is overdue once that instant is before
 * the standup's.
 *
 * <p>{@link #markdown()} renders it for people, {@link #json()} writes the same data as a versioned
 * JSON document; both are deterministic. Immutable and thread-safe.
 *
 * @param since the start of the period reported on
 * @param at the instant of the standup; only ledger entries recorded before it count
 * @param shipped the changes shipped in {@code [since, at)}, in ledger order
 * @param nextTrain the next train, if one is planned
 * @param frozen the freezes in force at {@code at}, by start, then window
 * @param blocked the changes waiting, by owner, then change
 * @param postReviews the post-reviews owed, by due date, then change
 */
public record Standup(
    Instant since,
    Instant at,
    List<ShippedLine> shipped,
    Optional<NextTrain> nextTrain,
    List<FreezePeriod> frozen,
    List<Blocked> blocked,
    List<PostReview> postReviews) {
  private static final DocumentCodec JSON = DocumentCodec.json();

  /** Checks the fields; {@code since} must not come after {@code at}. */
  public Standup {
    Class<?> t = Standup.class;
    Checks.instant(t, "since", since);
    Checks.instant(t, "at", at);
    if (since.isAfter(at)) {
      throw new InvalidValueException(t, "since", "must not be after at (" + at + ")", since);
    }
    shipped = Checks.list(t, "shipped", shipped);
    Checks.optional(t, "nextTrain", nextTrain);
    frozen = Checks.list(t, "frozen", frozen);
    blocked = Checks.list(t, "blocked", blocked);
    postReviews = Checks.list(t, "postReviews", postReviews);
  }

  /**
   * The standup at {@code at} about {@code [since, at)}, from a ledger's entries (those recorded
   * before {@code at}), the change requests in flight, the calendar and the next train's plan.
   *
   * <p>A change is blocked when its request is given, it has not shipped, it is not on the next
   * train, and something says why it waits: the next train's carryover and the plan's decision
   * (when that decision does not ship), or else the latest deferral and decision the ledger records
   * for its head. A deferral no longer stands once a later decision ships the head, or when the
   * head was proposed after it (the deferral was about an earlier revision). A change with neither
   * is not listed (nothing on record says it waits).
   *
   * @param since the start of the period reported on
   * @param at the instant of the standup; no clock is read
   * @param entries the ledger's entries in order, as {@code ledger.read(LedgerQuery.all())} gives
   *     them
   * @param changes the change requests in flight (and shipped ones, for their titles)
   * @param calendar the release calendar; freezes the ledger records as declared are added and
   *     those it records lifted are cut
   * @param nextTrain the plan of the next train, if one is planned
   * @throws InvalidValueException if an argument is null, {@code since} is after {@code at}, or two
   *     requests name one change
   */
  public static Standup of(
      Instant since,
      Instant at,
      List<LedgerEntry> entries,
      Collection<ChangeRequest> changes,
      ReleaseCalendar calendar,
      Optional<TrainPlan> nextTrain) {
    Class<?> t = Standup.class;
    Checks.instant(t, "since", since);
    Checks.instant(t, "at", at);
    if (since.isAfter(at)) {
      throw new InvalidValueException(t, "since", "must not be after at (" + at + ")", since);
    }
    Checks.present(t, "entries", entries);
    Map<ChangeRef, ChangeRequest> requests = Requests.index(t, changes);
    Checks.present(t, "calendar", calendar);
    Checks.optional(t, "nextTrain", nextTrain);
    Recorded recorded = Recorded.of(t, entries, at);

    List<ShippedLine> shipped = new ArrayList<>();
    for (Recorded.Shipped one : recorded.shipped) {
      if (!one.at().isBefore(since)) {
        LedgerEvent.ChangeShipped event = one.event();
        shipped.add(
            new ShippedLine(
                event.change(),
                title(requests, event.change()),
                event.train(),
                one.at(),
                Optional.ofNullable(requests.get(event.change())).map(ChangeRequest::changeClass)));
      }
    }

    Optional<NextTrain> next = nextTrain.map(plan -> NextTrain.of(plan, requests));
    Set<ChangeRef> onNext = new HashSet<>();
    nextTrain.ifPresent(plan -> plan.train().cars().forEach(car -> onNext.add(car.change())));

    List<FreezePeriod> frozen = new ArrayList<>();
    for (WindowOccurrence period : recorded.freezes(calendar, at, at.plus(Duration.ofSeconds(1)))) {
      if (!period.start().isAfter(at)) {
        Optional<FreezeWindow> window = recorded.freeze(calendar, period.windowId());
        window.ifPresent(w -> frozen.add(FreezePeriod.of(w, period.start(), period.end())));
      }
    }

    List<Blocked> blocked = new ArrayList<>();
    for (ChangeRequest request : requests.values()) {
      ChangeRef ref = request.ref();
      if (recorded.lastShipped.containsKey(ref) || onNext.contains(ref)) {
        continue;
      }
      Blocked.of(request, nextTrain, recorded).ifPresent(blocked::add);
    }
    blocked.sort(Comparator.comparing(Blocked::owner).thenComparing(Blocked::change));

    List<PostReview> owed = new ArrayList<>();
    Set<ChangeRef> seen = new HashSet<>();
    for (Recorded.Shipped one : recorded.shipped) {
      ChangeRef ref = one.event().change();
      ChangeRequest request = requests.get(ref);
      boolean emergency =
          recorded.postReviewDue.containsKey(ref)
              || (request != null && request.changeClass() == ChangeClass.EMERGENCY);
      if (emergency && !recorded.postReviewDone.contains(ref) && seen.add(ref)) {
        Instant due = recorded.postReviewDue(ref, one.event().revision()).orElse(one.at());
        List<String> acceptedBy =
            recorded.acceptedRisks(ref, one.event().contentDigest(), one.at()).stream()
                .map(AcceptedRisk::signer)
                .distinct()
                .sorted()
                .toList();
        owed.add(
            new PostReview(
                ref,
                title(requests, ref),
                Optional.of(one.event().train()),
                Optional.of(one.at()),
                due,
                due.isBefore(at),
                acceptedBy));
      }
    }
    // a due date recorded for a change the ledger does not show shipped is owed all the same
    for (Map.Entry<ChangeRef, Instant> due : recorded.postReviewDue.entrySet()) {
      ChangeRef ref = due.getKey();
      if (!seen.contains(ref) && !recorded.postReviewDone.contains(ref)) {
        owed.add(
            new PostReview(
                ref,
                title(requests, ref),
                Optional.empty(),
                Optional.empty(),
                due.getValue(),
                due.getValue().isBefore(at),
                List.of()));
      }
    }
    owed.sort(Comparator.comparing(PostReview::dueBy).thenComparing(PostReview::change));
    return new Standup(since, at, shipped, next, frozen, blocked, owed);
  }

  private static Optional<String> title(Map<ChangeRef, ChangeRequest> requests, ChangeRef ref) {
    return Optional.ofNullable(requests.get(ref)).map(ChangeRequest::title);
  }

  /** The standup in Markdown. */
  public String markdown() {
    return StandupMarkdown.render(this);
  }

  /** The standup as a JSON document of this format version, for tools. */
  public String json() {
    return JSON.write(this);
  }

  /**
   * The post-reviews owed that are overdue at the standup's instant.
   *
   * @return those of {@link #postReviews()} whose due date is before {@link #at()}
   */
  public List<PostReview> overduePostReviews() {
    return postReviews.stream().filter(PostReview::overdue).toList();
  }

  /**
   * A change that shipped in the period.
   *
   * @param change the change
   * @param title its title, if its request was given
   * @param train the train it shipped on
   * @param shippedAt when the ledger recorded it shipped
   * @param changeClass its change class, if its request was given
   */
  public record ShippedLine(
      ChangeRef change,
      Optional<String> title,
      TrainId train,
      Instant shippedAt,
      Optional<ChangeClass> changeClass) {
    /** Checks the fields. */
    public ShippedLine {
      Checks.present(ShippedLine.class, "change", change);
      Checks.optional(ShippedLine.class, "title", title);
      Checks.present(ShippedLine.class, "train", train);
      Checks.instant(ShippedLine.class, "shippedAt", shippedAt);
      Checks.optional(ShippedLine.class, "changeClass", changeClass);
    }
  }

  /**
   * The next train: when it departs and its cars, by merge group.
   *
   * @param train the train
   * @param departure when it is planned to depart
   * @param cars its cars in merge order
   * @param carriedOver how many candidates it carries over (each is listed as blocked)
   */
  public record NextTrain(TrainId train, Instant departure, List<Boarding> cars, int carriedOver) {
    /** Checks the fields. */
    public NextTrain {
      Checks.present(NextTrain.class, "train", train);
      Checks.instant(NextTrain.class, "departure", departure);
      cars = Checks.list(NextTrain.class, "cars", cars);
      Checks.atLeast(NextTrain.class, "carriedOver", carriedOver, 0);
    }

    static NextTrain of(TrainPlan plan, Map<ChangeRef, ChangeRequest> requests) {
      List<Boarding> cars = new ArrayList<>();
      for (int g = 0; g < plan.train().groups().size(); g++) {
        for (Car car : plan.train().groups().get(g).cars()) {
          ChangeRequest request = requests.get(car.change());
          cars.add(
              new Boarding(
                  car.change(),
                  Optional.ofNullable(request).map(ChangeRequest::title),
                  Optional.ofNullable(request).map(r -> r.owner().id()),
                  g + 1));
        }
      }
      return new NextTrain(
          plan.train().id(), plan.train().departure(), cars, plan.train().carriedOver().size());
    }
  }

  /**
   * A change on the next train.
   *
   * @param change the change
   * @param title its title, if its request was given
   * @param owner the id of its accountable human, if its request was given
   * @param mergeGroup its merge group's number, from 1
   */
  public record Boarding(
      ChangeRef change, Optional<String> title, Optional<String> owner, int mergeGroup) {
    /** Checks the fields. */
    public Boarding {
      Checks.present(Boarding.class, "change", change);
      Checks.optional(Boarding.class, "title", title);
      Checks.optional(Boarding.class, "owner", owner);
      Checks.atLeast(Boarding.class, "mergeGroup", mergeGroup, 1);
    }
  }

  /**
   * A change that waits, and on what.
   *
   * @param change the change
   * @param title its title
   * @param owner the id of its accountable human
   * @param producer the id of the agent that produced it
   * @param operator the id of the human operating that agent
   * @param outcome the outcome of the decision that holds it, if one that does not ship is on
   *     record; empty for a change carried over for a train's own reason (a merge conflict, the
   *     train's cap, a wave), which may have been decided SHIP
   * @param blockers what holds it, one per rule, in the order the reasons came
   * @param earliestRetry the earliest instant the holding decision could turn out otherwise, if
   *     known; empty when no decision that does not ship holds it
   */
  public record Blocked(
      ChangeRef change,
      String title,
      String owner,
      String producer,
      String operator,
      Optional<Outcome> outcome,
      List<Blocker> blockers,
      Optional<Instant> earliestRetry) {
    /** Checks the fields; something must hold the change. */
    public Blocked {
      Class<?> t = Blocked.class;
      Checks.present(t, "change", change);
      Checks.text(t, "title", title);
      Checks.token(t, "owner", owner);
      Checks.token(t, "producer", producer);
      Checks.token(t, "operator", operator);
      Checks.optional(t, "outcome", outcome);
      blockers = Checks.nonEmptyList(t, "blockers", blockers);
      Checks.optional(t, "earliestRetry", earliestRetry);
    }

    static Optional<Blocked> of(
        ChangeRequest request, Optional<TrainPlan> next, Recorded recorded) {
      ChangeRef ref = request.ref();
      List<Reason> reasons = new ArrayList<>();
      Decision decision = null;
      Optional<Carryover> carryover = next.flatMap(plan -> plan.carryover(ref));
      if (carryover.isPresent()) {
        reasons.addAll(carryover.get().reasons());
        Decision planned = next.get().decisions().get(ref);
        // a change decided SHIP is carried over for the train's own reason: no outcome holds it
        decision = planned == null || planned.ships() ? null : planned;
      } else {
        recorded
            .standingDeferral(ref, request.head())
            .ifPresent(deferred -> reasons.addAll(deferred.reasons()));
        Decision last = recorded.lastDecision.get(ref);
        if (last != null && last.revision().equals(request.head()) && !last.ships()) {
          decision = last;
        }
      }
      if (decision != null && !decision.ships()) {
        for (Reason reason : decision.reasons()) {
          if (!reasons.contains(reason)) {
            reasons.add(reason);
          }
        }
      }
      if (reasons.isEmpty()) {
        return Optional.empty();
      }
      Outcome outcome = decision == null ? null : decision.outcome();
      Map<String, List<String>> messages = new LinkedHashMap<>();
      Map<String, List<String>> actions = new LinkedHashMap<>();
      for (Reason reason : reasons) {
        messages.computeIfAbsent(reason.rule(), r -> new ArrayList<>()).add(reason.message());
      }
      if (decision != null) {
        for (RequiredAction action : decision.required()) {
          messages.computeIfAbsent(action.rule(), r -> new ArrayList<>());
          actions.computeIfAbsent(action.rule(), r -> new ArrayList<>()).add(action.action());
        }
      }
      List<Blocker> blockers = new ArrayList<>();
      for (Map.Entry<String, List<String>> rule : messages.entrySet()) {
        blockers.add(
            new Blocker(
                rule.getKey(),
                rule.getValue(),
                actions.getOrDefault(rule.getKey(), List.of()),
                Party.of(rule.getKey(), outcome)));
      }
      return Optional.of(
          new Blocked(
              ref,
              request.title(),
              request.owner().id(),
              request.producer().id(),
              request.producer().operatorId(),
              Optional.ofNullable(outcome),
              blockers,
              decision == null ? Optional.empty() : decision.earliestRetry()));
    }
  }

  /**
   * One rule holding a change: what it said, what it requires, and whose move it is.
   *
   * @param rule the rule's id
   * @param reasons what it said, in words people read; may be empty when it only asks for actions
   * @param actions what must happen before the change can ship
   * @param party whose action it is
   */
  public record Blocker(String rule, List<String> reasons, List<String> actions, Party party) {
    /** Checks the fields. */
    public Blocker {
      Checks.token(Blocker.class, "rule", rule);
      reasons = Checks.texts(Blocker.class, "reasons", reasons);
      actions = Checks.texts(Blocker.class, "actions", actions);
      Checks.present(Blocker.class, "party", party);
    }
  }

  /**
   * Whose action a blocker waits for. Every rule of a {@code SEND_BACK} waits for the producer (a
   * new revision is needed); otherwise the built-in rule decides, and a rule this table does not
   * know (a custom rule) waits for the owner, who is accountable for the change.
   */
  public enum Party {
    /** The producing agent (and its operator): a new revision, a rebase, a rollback plan. */
    PRODUCER,
    /** The accountable human: a signed risk acceptance or override, or a decision. */
    OWNER,
    /** The review board: approvals still missing, stale or too old. */
    REVIEWERS,
    /** The CI system: required checks not run or not passed on the head commit. */
    CHECKS,
    /** Nobody: a freeze, a merge window, an error budget, a dependency or a train must pass. */
    WAITING;

    /** The party that {@code rule} waits for, given the outcome that holds the change. */
    static Party of(String rule, @Nullable Outcome outcome) {
      if (outcome == Outcome.SEND_BACK) {
        return PRODUCER;
      }
      return switch (rule) {
        case "rollback-plan", "scope-drift", "agent-claims", "merge-conflict", "revert-check" ->
            PRODUCER;
        case "review-quorum", "approval-age", "separation-of-duties", "evidence-freshness" ->
            REVIEWERS;
        case "required-checks" -> CHECKS;
        case "freeze",
                "merge-window",
                "error-budget",
                "dependencies",
                "train-ahead",
                "train-scope",
                "train-cap",
                "wave" ->
            WAITING;
        default -> OWNER;
      };
    }
  }

  /**
   * A post-review an emergency change owes.
   *
   * @param change the change
   * @param title its title, if its request was given
   * @param train the train it shipped on, if the ledger shows it shipped
   * @param shippedAt when it shipped, if the ledger shows it shipped
   * @param dueBy when the post-review is due
   * @param overdue whether {@code dueBy} is before the standup's instant
   * @param acceptedBy who signed the risk acceptances it shipped with
   */
  public record PostReview(
      ChangeRef change,
      Optional<String> title,
      Optional<TrainId> train,
      Optional<Instant> shippedAt,
      Instant dueBy,
      boolean overdue,
      List<String> acceptedBy) {
    /** Checks the fields. */
    public PostReview {
      Checks.present(PostReview.class, "change", change);
      Checks.optional(PostReview.class, "title", title);
      Checks.optional(PostReview.class, "train", train);
      Checks.optional(PostReview.class, "shippedAt", shippedAt);
      Checks.instant(PostReview.class, "dueBy", dueBy);
      acceptedBy = Checks.list(PostReview.class, "acceptedBy", acceptedBy);
    }
  }
}
