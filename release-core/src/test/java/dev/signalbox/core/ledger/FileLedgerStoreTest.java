package dev.signalbox.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store: frames, durability, recovery after a power loss or truncation, detection of every
 * flipped byte, the lock, and a failed force.
 */
class FileLedgerStoreTest {
  @TempDir Path dir;

  /** The {@code i}-th record of a test: distinct, of varied length (some over a sector). */
  static byte[] record(int i, int salt) {
    int length = (i * 37 + salt * 11) % 700;
    StringBuilder text = new StringBuilder("record-").append(i).append(':');
    while (text.length() < length) {
      text.append((char) ('a' + (text.length() + i) % 26));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> all(LedgerStore store) {
    try (var records = store.read(0)) {
      return records.toList();
    }
  }

  @Test
  void appendsAreNumberedAndReadBackInOrder() {
    try (FileLedgerStore store = FileLedgerStore.open(dir)) {
      assertThat(store.append(record(0, 0))).isEqualTo(0);
      assertThat(store.append(List.of(record(1, 0), record(2, 0)))).isEqualTo(1);
      assertThat(store.size()).isEqualTo(3);
      assertThat(all(store)).containsExactly(record(0, 0), record(1, 0), record(2, 0));
      try (var from = store.read(2)) {
        assertThat(from.toList()).containsExactly(record(2, 0));
      }
      assertThatThrownBy(() -> store.read(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }
    try (FileLedgerStore reopened = FileLedgerStore.open(dir)) {
      assertThat(reopened.recovery())
          .isEqualTo(
              new Recovery(3, reopened.recovery().truncatedAt(), 0, 0, java.util.Optional.empty()));
      assertThat(all(reopened)).hasSize(3);
    }
  }

  @Test
  void aSecondStoreOnTheSameFileIsRefusedClearly() {
    try (FileLedgerStore store = FileLedgerStore.open(dir)) {
      store.append(record(0, 0));
      assertThatThrownBy(() -> FileLedgerStore.open(dir))
          .isInstanceOf(LedgerLockedException.class)
          .hasMessageContaining("already open in this process");
    }
    try (FileLedgerStore again = FileLedgerStore.open(dir)) {
      assertThat(again.size()).isEqualTo(1);
    }
  }

  @Test
  void aFailedForceFailsTheStoreForGood() throws IOException {
    PowerLossChannel channel = new PowerLossChannel(new byte[0]);
    FileLedgerStore store = FileLedgerStore.open(channel, null, "double");
    store.append(record(0, 0));
    channel.failForceAt(channel.operations() + 2);
    assertThatThrownBy(() -> store.append(record(1, 0)))
        .isInstanceOf(LedgerFailedException.class)
        .hasMessageContaining("could not make an append durable")
        .hasRootCauseMessage("simulated fsync failure (EIO)");
    assertThatThrownBy(() -> store.append(record(2, 0)))
        .isInstanceOf(LedgerFailedException.class)
        .hasMessageContaining("failed earlier");
    assertThat(all(store)).containsExactly(record(0, 0));
  }

  @Test
  void closedStoresRefuseWork() {
    FileLedgerStore store = FileLedgerStore.open(dir);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.append(record(0, 0))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.read(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesEmptyAndNullAppends() {
    try (FileLedgerStore store = FileLedgerStore.open(dir)) {
      assertThatThrownBy(() -> store.append(List.of()))
          .isInstanceOf(IllegalArgumentException.class);
      List<byte[]> withNull = new ArrayList<>();
      withNull.add(new byte[1]);
      withNull.add(null);
      assertThatThrownBy(() -> store.append(withNull))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("records[1] must not be null");
      assertThat(store.size()).isZero();
    }
  }

  /**
   * Power loss: at any write or force of a run of appends, with each unforced sector kept, dropped,
   * torn or garbled, every acknowledged record survives, nothing is invented, nothing beyond the
   * last valid acknowledged-end marker is kept (so the append the power cut holds all its records
   * or none), and the recovered store takes new appends.
   */
  @Test
  void everyAcknowledgedRecordSurvivesAPowerLoss() {
    qt().withExamples(3000)
        .withShrinkCycles(100)
        .forAll(
            integers().between(1, 120),
            lists().of(integers().between(0, 3)).ofSizeBetween(1, 24),
            integers().between(1, 4),
            integers().between(0, 50))
        .checkAssert(
            (powerLossAt, fates, batch, salt) -> {
              PowerLossChannel channel = new PowerLossChannel(new byte[0]).losePowerAt(powerLossAt);
              List<byte[]> attempted = new ArrayList<>();
              int acknowledged = 0;
              try {
                FileLedgerStore store = FileLedgerStore.open(channel, null, "double");
                for (int i = 0; i < 40; i += batch) {
                  List<byte[]> records = new ArrayList<>();
                  for (int j = i; j < i + batch; j++) {
                    records.add(record(j, salt));
                  }
                  attempted.addAll(records);
                  store.append(records);
                  acknowledged = attempted.size();
                }
              } catch (PowerLossChannel.PowerLoss expected) {
                // the process is gone; what survives is what the disk holds
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              byte[] image = channel.crashImage(fates);
              List<byte[]> recovered;
              PowerLossChannel after = new PowerLossChannel(image);
              try {
                FileLedgerStore store = FileLedgerStore.open(after, null, "double");
                recovered = all(store);
                assertThat(recovered.size()).isGreaterThanOrEqualTo(acknowledged);
                // the append in flight either got its marker onto the disk, or is cut off whole
                assertThat(recovered.size()).isIn(acknowledged, attempted.size());
                assertThat(store.recovery().records()).isEqualTo(recovered.size());
                for (int i = 0; i < recovered.size(); i++) {
                  assertThat(recovered.get(i)).as("record %d", i).isEqualTo(attempted.get(i));
                }
                store.append(record(1000, salt));
                PowerLossChannel again = new PowerLossChannel(after.crashImage(fates));
                List<byte[]> next = all(FileLedgerStore.open(again, null, "double"));
                assertThat(next).hasSize(recovered.size() + 1);
                assertThat(next.get(recovered.size())).isEqualTo(record(1000, salt));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  /** The offsets at which each frame ends, for batches of records appended to a new file. */
  private static List<long[]> layout(List<List<byte[]>> batches) {
    // {end of frame, records acknowledged once this frame is whole, records whole at this end}
    List<long[]> ends = new ArrayList<>();
    long at = FileLedgerStore.FILE_HEADER;
    long records = 0;
    long acknowledged = 0;
    ends.add(new long[] {at, 0, 0});
    for (List<byte[]> batch : batches) {
      for (byte[] record : batch) {
        at += FileLedgerStore.FRAME_HEADER + record.length + FileLedgerStore.FRAME_TRAILER;
        records++;
        ends.add(new long[] {at, acknowledged, records});
      }
      // the marker's two copies: the first acknowledges the batch on its own
      acknowledged = records;
      for (int copy = 0; copy < 2; copy++) {
        at += FileLedgerStore.MARK_FRAME;
        ends.add(new long[] {at, acknowledged, records});
      }
    }
    return ends;
  }

  private List<List<byte[]>> writeSample(
      Path into, java.util.function.IntFunction<byte[]> records) {
    List<List<byte[]>> batches = new ArrayList<>();
    try (FileLedgerStore store = FileLedgerStore.open(into)) {
      int n = 0;
      for (int size : new int[] {1, 3, 1, 2, 1, 4}) {
        List<byte[]> batch = new ArrayList<>();
        for (int j = 0; j < size; j++) {
          batch.add(records.apply(n++));
        }
        store.append(batch);
        batches.add(batch);
      }
    }
    return batches;
  }

  /**
   * A real ledger file cut at every byte offset: recovery keeps exactly the records up to the last
   * whole acknowledged-end marker copy before the cut (a cut through the second copy keeps what the
   * first covers), cuts off and reports everything after it (whole records too, counted), and
   * invents nothing.
   */
  @Test
  void truncationAtEveryByteOffset() throws IOException {
    // small records keep the file short: every cut is a real file, forced when recovery cuts it
    List<List<byte[]>> batches =
        writeSample(dir.resolve("original"), i -> ("r" + i).getBytes(StandardCharsets.UTF_8));
    List<byte[]> records = batches.stream().flatMap(List::stream).toList();
    byte[] file = Files.readAllBytes(dir.resolve("original").resolve(FileLedgerStore.FILE_NAME));
    List<long[]> ends = layout(batches);
    assertThat(ends.get(ends.size() - 1)[0]).isEqualTo(file.length);

    for (int cut = 0; cut <= file.length; cut++) {
      Path copy = dir.resolve("cut-" + cut);
      Files.createDirectories(copy);
      Files.write(copy.resolve(FileLedgerStore.FILE_NAME), java.util.Arrays.copyOf(file, cut));
      long whole = 0;
      long acknowledged = 0;
      long markerEnd = cut < FileLedgerStore.FILE_HEADER ? 0 : FileLedgerStore.FILE_HEADER;
      for (long[] end : ends) {
        if (end[0] <= cut) {
          whole = end[2];
          if (end[1] == end[2]) { // the end of the header or of a marker
            acknowledged = end[1];
            markerEnd = end[0];
          }
        }
      }
      try (FileLedgerStore store = FileLedgerStore.open(copy)) {
        List<byte[]> kept = all(store);
        assertThat(kept).as("cut at %d", cut).hasSize((int) acknowledged);
        for (int i = 0; i < kept.size(); i++) {
          assertThat(kept.get(i)).isEqualTo(records.get(i));
        }
        Recovery recovery = store.recovery();
        assertThat(recovery.records()).as("cut at %d", cut).isEqualTo(acknowledged);
        assertThat(recovery.truncatedBytes()).as("cut at %d", cut).isEqualTo(cut - markerEnd);
        assertThat(recovery.droppedRecords()).as("cut at %d", cut).isEqualTo(whole - acknowledged);
        assertThat(recovery.truncated()).isEqualTo(cut != markerEnd);
        assertThat(recovery.problem().isPresent()).as("cut at %d", cut).isEqualTo(cut != markerEnd);
        // the recovered store appends after the acknowledged records
        store.append(("after-" + cut).getBytes(StandardCharsets.UTF_8));
        assertThat(store.size()).isEqualTo(acknowledged + 1);
      }
      try (FileLedgerStore reopened = FileLedgerStore.open(copy)) {
        assertThat(reopened.recovery().truncated()).as("cut at %d, reopened", cut).isFalse();
        assertThat(reopened.size()).isEqualTo(acknowledged + 1);
      }
    }
  }

  /**
   * Every single byte of a small ledger file flipped in turn (its low bit, and all its bits), every
   * append of which was acknowledged: opening either fails naming an offset at or before the flip,
   * or opens with every acknowledged record, unaltered, and reports the damage; never silently
   * fewer records. Only the last marker's two copies, which no later marker vouches for, open: a
   * damaged second copy is cut off as an unacknowledged tail, a damaged first copy is rewritten
   * from its twin.
   */
  @Test
  void everySingleFlippedByteIsDetectedAndLosesNoAcknowledgedRecord() throws IOException {
    List<List<byte[]>> batches = writeSample(dir.resolve("original"), i -> record(i, 3));
    List<byte[]> records = batches.stream().flatMap(List::stream).toList();
    byte[] file = Files.readAllBytes(dir.resolve("original").resolve(FileLedgerStore.FILE_NAME));
    long secondCopy = file.length - FileLedgerStore.MARK_FRAME;
    long firstCopy = secondCopy - FileLedgerStore.MARK_FRAME;
    int refused = 0;
    for (int at = 0; at < file.length; at++) {
      for (int mask : new int[] {0x01, 0xff}) {
        byte[] damaged = file.clone();
        damaged[at] ^= (byte) mask;
        PowerLossChannel channel = new PowerLossChannel(damaged);
        FileLedgerStore store;
        try {
          store = FileLedgerStore.open(channel, null, "double");
        } catch (LedgerCorruptedException e) {
          assertThat(e.offset()).as("flip of %x at %d", mask, at).isLessThanOrEqualTo(at);
          assertThat(at).as("flip of %x at %d refused", mask, at).isLessThan((int) firstCopy);
          refused++;
          continue;
        }
        assertThat(all(store)).as("flip of %x at %d", mask, at).containsExactlyElementsOf(records);
        Recovery recovery = store.recovery();
        assertThat(recovery.records()).isEqualTo(records.size());
        assertThat(recovery.droppedRecords()).isZero();
        assertThat(recovery.problem()).as("flip of %x at %d", mask, at).isPresent();
        if (at >= secondCopy) {
          assertThat(recovery.truncatedAt()).isEqualTo(secondCopy);
          assertThat(recovery.truncatedBytes()).isEqualTo(FileLedgerStore.MARK_FRAME);
        } else {
          assertThat(at)
              .as("flip of %x at %d opened", mask, at)
              .isGreaterThanOrEqualTo((int) firstCopy);
          assertThat(recovery.truncated()).isFalse();
          assertThat(recovery.problem().orElseThrow()).contains("rewritten from its valid twin");
        }
        // what recovery left is a clean ledger that takes appends
        store.append(record(99, 3));
        FileLedgerStore reopened =
            FileLedgerStore.open(
                new PowerLossChannel(channel.crashImage(List.of())), null, "double");
        assertThat(reopened.recovery().problem()).isEmpty();
        assertThat(reopened.size()).isEqualTo(records.size() + 1);
      }
    }
    assertThat(refused).isEqualTo(2 * (int) firstCopy);
  }

  /**
   * A power loss may keep the second copy of the last marker and lose the first (the disk persists
   * sectors of an unforced write in any order): the records are intact and the twin vouches for
   * them, so they are kept and the first copy restored; the same damage before any later frame is
   * corruption.
   */
  @Test
  void aLostFirstCopyIsRestoredFromItsTwinOnlyAtTheEnd() throws IOException {
    List<List<byte[]>> batches = writeSample(dir.resolve("original"), i -> record(i, 5));
    List<byte[]> records = batches.stream().flatMap(List::stream).toList();
    byte[] file = Files.readAllBytes(dir.resolve("original").resolve(FileLedgerStore.FILE_NAME));
    int firstCopy = file.length - 2 * FileLedgerStore.MARK_FRAME;
    byte[] lost = file.clone();
    java.util.Arrays.fill(lost, firstCopy, firstCopy + FileLedgerStore.MARK_FRAME, (byte) 0);
    PowerLossChannel channel = new PowerLossChannel(lost);
    FileLedgerStore store = FileLedgerStore.open(channel, null, "double");
    assertThat(all(store)).containsExactlyElementsOf(records);
    assertThat(store.recovery().problem()).isPresent();
    assertThat(channel.crashImage(List.of())).isEqualTo(file);

    // a later append's data after the pair proves the pair was forced: now it is corruption
    byte[] longer = java.util.Arrays.copyOf(lost, lost.length + 40);
    assertThatThrownBy(() -> FileLedgerStore.open(new PowerLossChannel(longer), null, "double"))
        .isInstanceOfSatisfying(
            LedgerCorruptedException.class, e -> assertThat(e.offset()).isEqualTo(firstCopy));
  }
}
