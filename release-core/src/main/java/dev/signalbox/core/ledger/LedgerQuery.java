package dev.signalbox.core.ledger;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.TrainId;
import java.time.Instant;
import java.util.Optional;

/**
 * Which entries to read: all of them, or those about one change, one train, or recorded in a time
 * range, or any combination (all conditions hold).
 *
 * @param change only entries concerning this change
 * @param train only entries concerning this train
 * @param from only entries recorded at or after this instant
 * @param until only entries recorded before this instant
 */
public record LedgerQuery(
    Optional<ChangeRef> change,
    Optional<TrainId> train,
    Optional<Instant> from,
    Optional<Instant> until) {
  /** Checks the fields; {@code from} must not come after {@code until}. */
  public LedgerQuery {
    Checks.optional(LedgerQuery.class, "change", change);
    Checks.optional(LedgerQuery.class, "train", train);
    Checks.optional(LedgerQuery.class, "from", from);
    Checks.optional(LedgerQuery.class, "until", until);
    if (from.isPresent() && until.isPresent() && from.get().isAfter(until.get())) {
      throw new InvalidValueException(
          LedgerQuery.class, "until", "must not be before from (" + from.get() + ")", until.get());
    }
  }

  /** Every entry. */
  public static LedgerQuery all() {
    return new LedgerQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This query, narrowed to entries about {@code ref}. */
  public LedgerQuery change(ChangeRef ref) {
    return new LedgerQuery(Optional.of(ref), train, from, until);
  }

  /** This query, narrowed to entries about {@code id}. */
  public LedgerQuery train(TrainId id) {
    return new LedgerQuery(change, Optional.of(id), from, until);
  }

  /** This query, narrowed to entries recorded in {@code [start, end)}. */
  public LedgerQuery between(Instant start, Instant end) {
    return new LedgerQuery(change, train, Optional.of(start), Optional.of(end));
  }

  boolean matches(LedgerEntry entry) {
    return change.map(c -> entry.event().changesConcerned().contains(c)).orElse(true)
        && train.map(t -> entry.event().trainConcerned().equals(Optional.of(t))).orElse(true)
        && from.map(f -> !entry.recordedAt().isBefore(f)).orElse(true)
        && until.map(u -> entry.recordedAt().isBefore(u)).orElse(true);
  }
}
