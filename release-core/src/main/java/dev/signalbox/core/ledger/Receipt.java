package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Checks;
import java.time.Instant;

/**
 * The proof of an append: where the entry is and what it hashes to.
 *
 * @param sequence the entry's index in the ledger, from 0
 * @param hash the SHA-256 (hexadecimal) of the entry's stored bytes, which the next entry chains to
 * @param recordedAt when the ledger recorded it
 */
public record Receipt(long sequence, String hash, Instant recordedAt) {
  /** Checks the fields. */
  public Receipt {
    Checks.present(Receipt.class, "hash", hash);
    Checks.instant(Receipt.class, "recordedAt", recordedAt);
  }
}
