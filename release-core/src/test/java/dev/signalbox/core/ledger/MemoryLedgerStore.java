package dev.signalbox.core.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link LedgerStore} in memory, for tests of the ledger over "any store": it can be tampered
 * with, and counts its appends.
 */
final class MemoryLedgerStore implements LedgerStore {
  private final List<byte[]> records = new ArrayList<>();
  private int appends;
  private boolean closed;

  @Override
  public synchronized long append(List<byte[]> batch) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (batch.isEmpty()) {
      throw new IllegalArgumentException("records must not be empty");
    }
    long first = records.size();
    batch.forEach(record -> records.add(record.clone()));
    appends++;
    return first;
  }

  @Override
  public synchronized Stream<byte[]> read(long from) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (from < 0 || from > records.size()) {
      throw new IndexOutOfBoundsException("from " + from);
    }
    return List.copyOf(records.subList((int) from, records.size())).stream().map(byte[]::clone);
  }

  @Override
  public synchronized long size() {
    return records.size();
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  synchronized void replace(int index, byte[] record) {
    records.set(index, record.clone());
  }

  synchronized byte[] get(int index) {
    return records.get(index).clone();
  }

  synchronized int appends() {
    return appends;
  }

  synchronized void reopen() {
    closed = false;
  }
}
