package dev.signalbox.core.notes;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.calendar.CalendarDefinition;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.calendar.WindowKind;
import dev.signalbox.core.calendar.WindowOccurrence;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.Verdict;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a ledger's entries say, indexed for rendering: trains planned and departed, changes shipped
 * and deferred, verdicts, accepted risks, decisions, post-reviews, and freezes declared and lifted.
 * Entries recorded at or after a cut-off instant are left out, so that a report at an instant in
 * the past reads the ledger as it was then.
 */
final class Recorded {
  /** A change shipped, with when the ledger recorded it. */
  record Shipped(LedgerEvent.ChangeShipped event, Instant at) {}

  /** A change deferred, with the position of its entry in the ledger's order. */
  record Deferred(LedgerEvent.ChangeDeferred event, int position) {}

  /** A train departed, with when the ledger recorded it. */
  record Departed(LedgerEvent.TrainDeparted event, Instant at) {}

  final Map<TrainId, Train> planned = new LinkedHashMap<>();
  final Map<TrainId, Departed> departed = new HashMap<>();
  final List<Shipped> shipped = new ArrayList<>();
  final Map<ChangeRef, Shipped> lastShipped = new HashMap<>();
  final Map<ChangeRef, List<Verdict>> verdicts = new HashMap<>();
  final Map<ChangeRef, List<LedgerEvent.RiskAccepted>> acceptances = new HashMap<>();
  final Map<ChangeRef, Decision> lastDecision = new HashMap<>();
  final Map<ChangeRef, Deferred> lastDeferred = new HashMap<>();

  /** Per change and revision, the position of the last entry that proposed it. */
  final Map<ChangeRef, Map<Revision, Integer>> proposed = new HashMap<>();

  /** Per change and revision, the position of the last decision that ships it. */
  final Map<ChangeRef, Map<Revision, Integer>> shipDecided = new HashMap<>();

  /** Per change and revision, the last decision that ships it. */
  private final Map<ChangeRef, Map<Revision, Decision>> shippingDecision = new HashMap<>();

  private int position;
  final Map<ChangeRef, Instant> postReviewDue = new HashMap<>();
  final Set<ChangeRef> postReviewDone = new HashSet<>();
  final Map<String, FreezeWindow> declared = new LinkedHashMap<>();
  final Map<String, Instant> lifted = new HashMap<>();

  private Recorded() {}

  /**
   * The index of {@code entries} recorded before {@code cutoff} (all of them when it is null).
   *
   * @throws InvalidValueException naming {@code owner}'s {@code entries} if one is null
   */
  static Recorded of(Class<?> owner, List<LedgerEntry> entries, @Nullable Instant cutoff) {
    Recorded recorded = new Recorded();
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry entry = entries.get(i);
      if (entry == null) {
        throw new InvalidValueException(owner, "entries[" + i + "]", "must not be null", null);
      }
      if (cutoff == null || entry.recordedAt().isBefore(cutoff)) {
        recorded.position = i;
        recorded.add(entry);
      }
    }
    return recorded;
  }

  private void add(LedgerEntry entry) {
    Instant at = entry.recordedAt();
    LedgerEvent event = entry.event();
    if (event instanceof LedgerEvent.TrainPlanned e) {
      planned.putIfAbsent(e.train().id(), e.train());
    } else if (event instanceof LedgerEvent.TrainDeparted e) {
      departed.putIfAbsent(e.train(), new Departed(e, at));
    } else if (event instanceof LedgerEvent.ChangeShipped e) {
      Shipped one = new Shipped(e, at);
      shipped.add(one);
      lastShipped.put(e.change(), one);
    } else if (event instanceof LedgerEvent.ChangeDeferred e) {
      lastDeferred.put(e.change(), new Deferred(e, position));
    } else if (event instanceof LedgerEvent.ChangeProposed e) {
      proposed.computeIfAbsent(e.change(), c -> new HashMap<>()).put(e.head(), position);
    } else if (event instanceof LedgerEvent.VerdictRecorded e) {
      verdicts.computeIfAbsent(e.verdict().change(), c -> new ArrayList<>()).add(e.verdict());
    } else if (event instanceof LedgerEvent.RiskAccepted e) {
      acceptances.computeIfAbsent(e.acceptance().change(), c -> new ArrayList<>()).add(e);
    } else if (event instanceof LedgerEvent.DecisionMade e) {
      lastDecision.put(e.decision().change(), e.decision());
      if (e.decision().ships()) {
        shipDecided
            .computeIfAbsent(e.decision().change(), c -> new HashMap<>())
            .put(e.decision().revision(), position);
        shippingDecision
            .computeIfAbsent(e.decision().change(), c -> new HashMap<>())
            .put(e.decision().revision(), e.decision());
      }
    } else if (event instanceof LedgerEvent.EmergencyPostReviewDue e) {
      // as the ledger keeps them: a due entry after a done one owes the review again
      postReviewDue.put(e.change(), e.dueBy());
      postReviewDone.remove(e.change());
    } else if (event instanceof LedgerEvent.EmergencyPostReviewDone e) {
      postReviewDone.add(e.change());
    } else if (event instanceof LedgerEvent.FreezeDeclared e) {
      declared.put(e.freeze().id(), e.freeze());
      lifted.remove(e.freeze().id());
    } else if (event instanceof LedgerEvent.FreezeLifted e) {
      lifted.put(e.freezeId(), at);
    }
    // supersessions, overrides, policies, rollbacks and outcomes are not rendered
  }

  /**
   * The latest deferral of {@code change} if it still stands for {@code head}: not when a decision
   * recorded after it ships {@code head}, nor when {@code head} was proposed after it (the deferral
   * was about an earlier revision).
   */
  Optional<LedgerEvent.ChangeDeferred> standingDeferral(ChangeRef change, Revision head) {
    Deferred deferred = lastDeferred.get(change);
    if (deferred == null) {
      return Optional.empty();
    }
    Integer shipped = shipDecided.getOrDefault(change, Map.of()).get(head);
    Integer proposal = proposed.getOrDefault(change, Map.of()).get(head);
    if ((shipped != null && shipped > deferred.position())
        || (proposal != null && proposal > deferred.position())) {
      return Optional.empty();
    }
    return Optional.of(deferred.event());
  }

  /**
   * The latest verdict of each reviewer on each surface for {@code change} at {@code digest} issued
   * by {@code asOf}: a verdict on other content is stale, and one issued later had no part in what
   * happened at {@code asOf}. Ordered by surface, then reviewer.
   */
  List<Verdict> freshVerdicts(ChangeRef change, ContentDigest digest, Instant asOf) {
    Map<String, Verdict> latest = new HashMap<>();
    for (Verdict verdict : verdicts.getOrDefault(change, List.of())) {
      if (verdict.contentDigest().equals(digest) && !verdict.issuedAt().isAfter(asOf)) {
        String key = verdict.surface() + " " + verdict.reviewer().id();
        Verdict seen = latest.get(key);
        if (seen == null || !verdict.issuedAt().isBefore(seen.issuedAt())) {
          latest.put(key, verdict);
        }
      }
    }
    List<Verdict> fresh = new ArrayList<>(latest.values());
    fresh.sort(
        Comparator.comparing(Verdict::surface)
            .thenComparing(v -> v.reviewer().id())
            .thenComparing(Verdict::issuedAt));
    return fresh;
  }

  /**
   * The risks accepted for {@code change} at {@code digest} that were in force at {@code asOf}
   * (signed by then, not yet expired), by signing time, then risk.
   */
  List<AcceptedRisk> acceptedRisks(ChangeRef change, ContentDigest digest, Instant asOf) {
    List<AcceptedRisk> risks = new ArrayList<>();
    for (LedgerEvent.RiskAccepted accepted : acceptances.getOrDefault(change, List.of())) {
      RiskAcceptance acceptance = accepted.acceptance();
      if (acceptance.contentDigest().equals(digest)
          && !acceptance.signedAt().isAfter(asOf)
          && acceptance.expiresAt().isAfter(asOf)) {
        AcceptedRisk risk = AcceptedRisk.of(accepted);
        if (!risks.contains(risk)) {
          risks.add(risk);
        }
      }
    }
    risks.sort(
        Comparator.comparing(AcceptedRisk::signedAt)
            .thenComparing(AcceptedRisk::risk)
            .thenComparing(AcceptedRisk::signer));
    return risks;
  }

  /**
   * When the post-review of emergency change {@code change}, shipped at {@code revision}, is due:
   * the due date the ledger records, else the one the {@code emergency} rule stated in the last
   * recorded decision to ship that revision (a later decision not to ship it changes nothing), else
   * empty.
   */
  Optional<Instant> postReviewDue(ChangeRef change, Revision revision) {
    Instant due = postReviewDue.get(change);
    if (due != null) {
      return Optional.of(due);
    }
    Decision decision = shippingDecision.getOrDefault(change, Map.of()).get(revision);
    if (decision == null) {
      return Optional.empty();
    }
    for (Reason reason : decision.reasons()) {
      String stated = reason.evidence().get("postReviewDue");
      if (reason.rule().equals("emergency") && stated != null) {
        try {
          return Optional.of(Instant.parse(stated));
        } catch (DateTimeParseException e) {
          return Optional.empty(); // a custom rule's text, not an instant: no due date on record
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The calendar with the freezes the ledger records as declared that {@code calendar} does not
   * hold (by id) added to it.
   */
  ReleaseCalendar withDeclared(ReleaseCalendar calendar) {
    CalendarDefinition definition = calendar.definition();
    Set<String> known = new HashSet<>();
    definition.freezes().forEach(freeze -> known.add(freeze.id()));
    List<FreezeWindow> freezes = new ArrayList<>(definition.freezes());
    declared.values().stream().filter(f -> !known.contains(f.id())).forEach(freezes::add);
    if (freezes.size() == definition.freezes().size()) {
      return calendar;
    }
    return ReleaseCalendar.of(
        new CalendarDefinition(freezes, definition.mergeWindows(), definition.holidays()));
  }

  /**
   * The freeze periods of {@code calendar} (with the declared freezes added) overlapping {@code
   * [from, to)}, each cut where the ledger records its freeze lifted; periods that begin at or
   * after the lift are gone. Ordered by start, then window id.
   */
  List<WindowOccurrence> freezes(ReleaseCalendar calendar, Instant from, Instant to) {
    List<WindowOccurrence> periods = new ArrayList<>();
    for (WindowOccurrence period : withDeclared(calendar).between(from, to)) {
      if (period.kind() != WindowKind.FREEZE) {
        continue;
      }
      Instant lift = lifted.get(period.windowId());
      if (lift == null) {
        periods.add(period);
      } else if (lift.isAfter(period.start())
          && (period.end().isEmpty() || lift.isBefore(period.end().get()))) {
        periods.add(
            new WindowOccurrence(
                WindowKind.FREEZE, period.windowId(), period.start(), Optional.of(lift)));
      } else if (period.end().isPresent() && !lift.isBefore(period.end().get())) {
        periods.add(period); // lifted after this period had ended
      }
    }
    periods.removeIf(p -> p.end().isPresent() && !p.end().get().isAfter(from));
    periods.sort(
        Comparator.comparing(WindowOccurrence::start).thenComparing(WindowOccurrence::windowId));
    return periods;
  }

  /** The freeze window of {@code id}, from the calendar or as the ledger records it declared. */
  Optional<FreezeWindow> freeze(ReleaseCalendar calendar, String id) {
    for (FreezeWindow freeze : calendar.definition().freezes()) {
      if (freeze.id().equals(id)) {
        return Optional.of(freeze);
      }
    }
    return Optional.ofNullable(declared.get(id));
  }
}
