package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Checks;
import java.time.Instant;

/**
 * One entry of a ledger as read back: the event and where it sits in the hash chain.
 *
 * @param sequence its index, from 0
 * @param recordedAt when the ledger recorded it (never earlier than the entry before)
 * @param previousHash the hash of the entry before it (64 zeros for the first)
 * @param hash the SHA-256 (hexadecimal) of this entry's stored bytes
 * @param event what happened
 */
public record LedgerEntry(
    long sequence, Instant recordedAt, String previousHash, String hash, LedgerEvent event) {
  /** Checks the fields. */
  public LedgerEntry {
    Checks.instant(LedgerEntry.class, "recordedAt", recordedAt);
    Hex.sha256(LedgerEntry.class, "previousHash", previousHash);
    Hex.sha256(LedgerEntry.class, "hash", hash);
    Checks.present(LedgerEntry.class, "event", event);
  }
}
