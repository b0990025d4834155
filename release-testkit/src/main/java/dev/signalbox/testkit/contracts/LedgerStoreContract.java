package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.ledger.LedgerStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link LedgerStore} must keep: records numbered from 0 in the order appended,
 * read back byte for byte, batches kept together and in order, copies in and out, bad arguments
 * refused, thread safety, and (for stores that persist) everything acknowledged still there after
 * reopening.
 *
 * <p>Extend it in the implementation's tests and open the store from {@link #open(Path)}.
 */
public abstract class LedgerStoreContract {
  /** A fresh directory per test, for stores that keep files. */
  @TempDir protected Path directory;

  /** Creates the contract test; JUnit instantiates the subclass. */
  protected LedgerStoreContract() {}

  /**
   * Opens the store kept in {@code directory}: a new one the first time, the same records when
   * opened again after {@link LedgerStore#close()}.
   */
  protected abstract LedgerStore open(Path directory);

  /** Whether the store keeps its records across close and open; true unless overridden. */
  protected boolean persistent() {
    return true;
  }

  private static byte[] record(int i) {
    return ("record " + i).getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> all(LedgerStore store, long from) {
    try (Stream<byte[]> records = store.read(from)) {
      return records.toList();
    }
  }

  @Test
  void numbersRecordsFromZeroInOrder() {
    try (LedgerStore store = open(directory)) {
      assertThat(store.size()).isZero();
      assertThat(store.append(record(0))).isZero();
      assertThat(store.append(List.of(record(1), record(2), record(3)))).isEqualTo(1);
      assertThat(store.append(record(4))).isEqualTo(4);
      assertThat(store.size()).isEqualTo(5);
      assertThat(all(store, 0))
          .containsExactly(record(0), record(1), record(2), record(3), record(4));
      assertThat(all(store, 3)).containsExactly(record(3), record(4));
      assertThat(all(store, 5)).isEmpty();
    }
  }

  @Test
  void keepsEmptyAndBinaryRecords() {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    try (LedgerStore store = open(directory)) {
      store.append(List.of(new byte[0], binary));
      assertThat(all(store, 0)).containsExactly(new byte[0], binary);
    }
  }

  @Test
  void copiesRecordsInAndOut() {
    try (LedgerStore store = open(directory)) {
      byte[] record = record(7);
      store.append(record);
      record[0] = 'X';
      byte[] read = all(store, 0).get(0);
      assertThat(read).isEqualTo(record(7));
      read[0] = 'Y';
      assertThat(all(store, 0).get(0)).isEqualTo(record(7));
    }
  }

  @Test
  void refusesBadArgumentsWithoutStoringAnything() {
    try (LedgerStore store = open(directory)) {
      assertThatThrownBy(() -> store.append(List.of()))
          .isInstanceOf(IllegalArgumentException.class);
      List<byte[]> withNull = new ArrayList<>();
      withNull.add(record(0));
      withNull.add(null);
      assertThatThrownBy(() -> store.append(withNull)).isInstanceOf(IllegalArgumentException.class);
      assertThat(store.size()).isZero();
      assertThatThrownBy(() -> store.read(-1)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> store.read(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void aReadSeesTheRecordsAcknowledgedWhenItStarted() {
    try (LedgerStore store = open(directory)) {
      store.append(record(0));
      try (Stream<byte[]> before = store.read(0)) {
        store.append(record(1));
        assertThat(before.toList()).containsExactly(record(0));
      }
    }
  }

  @Test
  void keepsEverythingAcrossReopening() {
    if (!persistent()) {
      return;
    }
    try (LedgerStore store = open(directory)) {
      store.append(List.of(record(0), record(1)));
    }
    try (LedgerStore store = open(directory)) {
      assertThat(all(store, 0)).containsExactly(record(0), record(1));
      assertThat(store.append(record(2))).isEqualTo(2);
    }
    try (LedgerStore store = open(directory)) {
      assertThat(store.size()).isEqualTo(3);
    }
  }

  @Test
  void refusesWorkOnceClosed() {
    LedgerStore store = open(directory);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.append(record(0))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.read(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void concurrentAppendsKeepEachBatchTogetherAndInOrder() throws Exception {
    int threads = 4;
    int batches = 20;
    try (LedgerStore store = open(directory)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          done.add(
              pool.submit(
                  () -> {
                    for (int b = 0; b < batches; b++) {
                      store.append(
                          List.of(
                              ("t" + thread + " b" + b + " first").getBytes(StandardCharsets.UTF_8),
                              ("t" + thread + " b" + b + " second")
                                  .getBytes(StandardCharsets.UTF_8)));
                    }
                  }));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        pool.shutdown();
      }
      List<String> records =
          all(store, 0).stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
      assertThat(records).hasSize(threads * batches * 2).doesNotHaveDuplicates();
      for (int i = 0; i < records.size(); i += 2) {
        assertThat(records.get(i)).endsWith(" first");
        assertThat(records.get(i + 1)).isEqualTo(records.get(i).replace(" first", " second"));
      }
      for (int t = 0; t < threads; t++) {
        String prefix = "t" + t + " b";
        List<Integer> order =
            records.stream()
                .filter(r -> r.startsWith(prefix) && r.endsWith(" first"))
                .map(
                    r ->
                        Integer.parseInt(
                            r.substring(prefix.length(), r.indexOf(' ', prefix.length()))))
                .toList();
        assertThat(order).isSorted();
      }
    }
  }
}
