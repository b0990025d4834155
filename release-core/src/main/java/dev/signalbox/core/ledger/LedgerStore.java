package dev.signalbox.core.ledger;

import java.util.List;
import java.util.stream.Stream;

/**
 * The byte-level store under a {@link Ledger}: records in order, numbered from 0, durable once
 * acknowledged.
 *
 * <p>A store keeps records as opaque bytes and makes them durable; the ledger above it gives them
 * meaning, chains them by hash and keeps the Merkle tree. {@link FileLedgerStore} is the embedded
 * default; a database or an object store can implement this interface too, and {@code
 * dev.signalbox.testkit.contracts.LedgerStoreContract} is the contract test every implementation
 * should pass.
 *
 * <p>Implementations must be thread-safe. An append that throws may or may not have been stored (as
 * with any durable store, a failure while making it durable leaves that open), but one that
 * returned must survive a crash or a power loss.
 */
public interface LedgerStore extends AutoCloseable {
  /**
   * Appends {@code records} in order and returns once all of them are durable.
   *
   * @return the index of the first record appended
   * @throws LedgerFailedException if the store cannot make them durable; it then refuses every
   *     further append
   * @throws IllegalArgumentException if {@code records} is empty, holds a null, or a record is too
   *     large for the store
   * @throws IllegalStateException if the store is closed
   */
  long append(List<byte[]> records);

  /**
   * Appends one record; see {@link #append(List)}.
   *
   * @return its index
   */
  default long append(byte[] record) {
    return append(List.of(record));
  }

  /**
   * The acknowledged records from index {@code from} on, in order, as they are when the stream is
   * made: records appended later are not in it. The stream may read lazily; close it when done.
   *
   * @throws IndexOutOfBoundsException if {@code from} is negative or greater than {@link #size()}
   * @throws LedgerCorruptedException (from the stream) if a record no longer matches its checksum
   * @throws IllegalStateException if the store is closed
   */
  Stream<byte[]> read(long from);

  /** The number of acknowledged records. */
  long size();

  /** Releases the store; further calls fail with {@link IllegalStateException}. Idempotent. */
  @Override
  void close();
}
