package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Checks;
import java.time.Instant;

/**
 * An entry as stored: a JSON document (with its format version) whose SHA-256 is the entry's hash
 * and whose RFC 6962 leaf hash goes into the Merkle tree.
 *
 * @param sequence its index, from 0
 * @param recordedAt when it was recorded
 * @param previousHash the hash of the entry before (64 zeros for the first)
 * @param event what happened
 */
record LedgerRecord(long sequence, Instant recordedAt, String previousHash, LedgerEvent event) {
  static final String GENESIS = "0".repeat(64);

  LedgerRecord {
    Checks.instant(LedgerRecord.class, "recordedAt", recordedAt);
    Hex.sha256(LedgerRecord.class, "previousHash", previousHash);
    Checks.present(LedgerRecord.class, "event", event);
  }
}
