package dev.signalbox.core.verification;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerQuery;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A change's attempts as the ledger recorded them: each revision proposed, in order, the last one
 * current and every one before it superseded.
 *
 * @param change the change
 * @param attempts its attempts, oldest first; a head proposed again right after itself is one
 *     attempt
 */
public record ChangeHistory(ChangeRef change, List<Attempt> attempts) {
  /** Checks and copies the fields. */
  public ChangeHistory {
    Checks.present(ChangeHistory.class, "change", change);
    attempts = Checks.list(ChangeHistory.class, "attempts", attempts);
    for (int i = 1; i < attempts.size(); i++) {
      if (attempts.get(i).sequence() <= attempts.get(i - 1).sequence()) {
        throw new InvalidValueException(
            ChangeHistory.class, "attempts", "must be in ledger order", attempts.get(i));
      }
    }
  }

  /**
   * One attempt: a revision of the change as proposed.
   *
   * @param sequence the ledger entry that recorded it
   * @param recordedAt when it was recorded
   * @param head its head revision
   * @param contentDigest its content digest
   * @param producer the id of the agent that produced it
   */
  public record Attempt(
      long sequence,
      Instant recordedAt,
      Revision head,
      ContentDigest contentDigest,
      String producer) {
    /** Checks the fields. */
    public Attempt {
      if (sequence < 0) {
        throw new InvalidValueException(Attempt.class, "sequence", "must be at least 0", sequence);
      }
      Checks.instant(Attempt.class, "recordedAt", recordedAt);
      Checks.present(Attempt.class, "head", head);
      Checks.present(Attempt.class, "contentDigest", contentDigest);
      Checks.token(Attempt.class, "producer", producer);
    }
  }

  /**
   * The history of {@code change} in {@code ledger}: its {@link LedgerEvent.ChangeProposed} events.
   *
   * @throws InvalidValueException if an argument is null
   * @throws dev.signalbox.core.ledger.LedgerCorruptedException if the ledger cannot be read
   */
  public static ChangeHistory of(Ledger ledger, ChangeRef change) {
    Checks.present(ChangeHistory.class, "ledger", ledger);
    Checks.present(ChangeHistory.class, "change", change);
    List<Attempt> attempts = new ArrayList<>();
    try (Stream<LedgerEntry> entries = ledger.read(LedgerQuery.all().change(change))) {
      entries.forEach(
          entry -> {
            if (entry.event() instanceof LedgerEvent.ChangeProposed proposed
                && proposed.change().equals(change)) {
              boolean again =
                  !attempts.isEmpty()
                      && attempts.get(attempts.size() - 1).head().equals(proposed.head());
              if (!again) {
                attempts.add(
                    new Attempt(
                        entry.sequence(),
                        entry.recordedAt(),
                        proposed.head(),
                        proposed.contentDigest(),
                        proposed.producer()));
              }
            }
          });
    }
    return new ChangeHistory(change, attempts);
  }

  /** The current attempt, if the change was proposed at all. */
  public Optional<Attempt> current() {
    return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
  }

  /** The attempts superseded by a later one, oldest first. */
  public List<Attempt> superseded() {
    return attempts.isEmpty()
        ? List.of()
        : ImmutableList.copyOf(attempts.subList(0, attempts.size() - 1));
  }

  /** The supersessions in order: each attempt replacing the one before. */
  public List<Supersession> supersessions() {
    List<Supersession> steps = new ArrayList<>();
    for (int i = 1; i < attempts.size(); i++) {
      Attempt before = attempts.get(i - 1);
      Attempt after = attempts.get(i);
      steps.add(
          new Supersession(
              change, before.head(), before.contentDigest(), after.head(), after.contentDigest()));
    }
    return List.copyOf(steps);
  }
}
