/**
 * The ledger: an append-only, tamper-evident record of what was proposed, decided, accepted,
 * shipped, deferred and rolled back, and what came of it.
 *
 * <p>{@link dev.signalbox.core.ledger.Ledger} chains entries by hash and keeps an RFC 6962 Merkle
 * tree over them, with inclusion and consistency proofs and signed checkpoints; it stands on any
 * {@link dev.signalbox.core.ledger.LedgerStore}, of which {@link
 * dev.signalbox.core.ledger.FileLedgerStore} (framed, checksummed, forced before acknowledging,
 * recovered on open) is the embedded default.
 */
@NullMarked
package dev.signalbox.core.ledger;

import org.jspecify.annotations.NullMarked;
