package dev.signalbox.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.LedgerEvent.ChangeDeferred;
import dev.signalbox.core.ledger.LedgerEvent.ChangeProposed;
import dev.signalbox.core.ledger.LedgerEvent.ChangeShipped;
import dev.signalbox.core.ledger.LedgerEvent.EmergencyPostReviewDone;
import dev.signalbox.core.ledger.LedgerEvent.EmergencyPostReviewDue;
import dev.signalbox.core.ledger.LedgerEvent.OutcomeRecorded;
import dev.signalbox.core.ledger.LedgerEvent.PolicyAdopted;
import dev.signalbox.core.ledger.LedgerEvent.TrainDeparted;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.signing.Ed25519Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger over any store: chain, queries, policies, post-reviews, checkpoints, verify. */
class LedgerTest {
  static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
  static final ChangeRef C42 = ChangeRef.of("acme/payments", "42");
  static final ChangeRef C43 = ChangeRef.of("acme/payments", "43");
  static final TrainId TRAIN = TrainId.of("2026-11-26-api");
  static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));

  @TempDir Path dir;
  private final Ed25519Signer signer = Ed25519Signer.generate();
  private final TestClock clock = new TestClock(T0);
  private final MemoryLedgerStore store = new MemoryLedgerStore();

  private Ledger open(LedgerStore on) {
    return Ledger.builder(on).clock(clock).checkpoints(signer, "signalbox.dev/test").open();
  }

  static ChangeProposed proposed(ChangeRef change) {
    return new ChangeProposed(change, Revision.of("b".repeat(40)), DIGEST, "builder-7", "alice");
  }

  @Test
  void entriesChainAndReadBackByChangeTrainAndTime() {
    try (Ledger ledger = open(store)) {
      Receipt first = ledger.append(proposed(C42));
      clock.advance(Duration.ofMinutes(1));
      ledger.append(proposed(C43));
      clock.advance(Duration.ofMinutes(1));
      ledger.append(new ChangeShipped(C42, Revision.of("b".repeat(40)), DIGEST, TRAIN));
      ledger.append(
          new ChangeDeferred(C43, TRAIN, List.of(new Reason("freeze", "frozen", Map.of()))));
      clock.advance(Duration.ofMinutes(1));
      Receipt last = ledger.append(new TrainDeparted(TRAIN, Revision.of("d".repeat(40))));

      assertThat(first.sequence()).isZero();
      assertThat(last.sequence()).isEqualTo(4);
      assertThat(ledger.size()).isEqualTo(5);
      assertThat(ledger.entry(0).previousHash()).isEqualTo("0".repeat(64));
      assertThat(ledger.entry(1).previousHash()).isEqualTo(first.hash());
      assertThat(ledger.entry(4).hash()).isEqualTo(last.hash());

      assertThat(ledger.read(LedgerQuery.all().change(C42)).map(LedgerEntry::sequence))
          .containsExactly(0L, 2L);
      assertThat(ledger.read(LedgerQuery.all().train(TRAIN)).map(LedgerEntry::sequence))
          .containsExactly(2L, 3L, 4L);
      assertThat(ledger.read(LedgerQuery.all().change(C43).train(TRAIN)).map(LedgerEntry::sequence))
          .containsExactly(3L);
      assertThat(
              ledger
                  .read(LedgerQuery.all().between(T0.plusSeconds(60), T0.plusSeconds(180)))
                  .map(LedgerEntry::sequence))
          .containsExactly(1L, 2L, 3L);
      assertThat(ledger.read(LedgerQuery.all()).count()).isEqualTo(5);
    }
  }

  @Test
  void recordsCarryAFormatVersion() {
    try (Ledger ledger = open(store)) {
      ledger.append(proposed(C42));
    }
    String stored = new String(store.get(0), StandardCharsets.UTF_8);
    assertThat(stored).startsWith("{\n  \"formatVersion\": 1,\n  \"sequence\": 0,");
    assertThat(stored).contains("\"type\": \"change-proposed\"");
  }

  @Test
  void timeNeverRunsBackwardsInTheLedger() {
    try (Ledger ledger = open(store)) {
      ledger.append(proposed(C42));
      clock.set(T0.minusSeconds(30));
      Receipt receipt = ledger.append(proposed(C43));
      assertThat(receipt.recordedAt()).isEqualTo(T0);
    }
  }

  @Test
  void reopeningRestoresEverything() {
    String root;
    try (Ledger ledger = open(store)) {
      ledger.append(proposed(C42));
      ledger.append(PolicyAdopted.of("{\"rules\":[]}"));
      ledger.append(new EmergencyPostReviewDue(C42, T0.plus(Duration.ofDays(1))));
      root = ledger.rootHash(3);
    }
    store.reopen();
    try (Ledger ledger = open(store)) {
      assertThat(ledger.size()).isEqualTo(3);
      assertThat(ledger.rootHash(3)).isEqualTo(root);
      assertThat(ledger.policies()).hasSize(1);
      assertThat(ledger.overduePostReviews(T0.plus(Duration.ofDays(2)))).hasSize(1);
      assertThat(ledger.read(LedgerQuery.all().change(C42)).count()).isEqualTo(2);
    }
  }

  @Test
  void aPolicyIsStoredOnceByDigest() {
    try (Ledger ledger = open(store)) {
      Receipt first = ledger.append(PolicyAdopted.of("{\"rules\":[]}"));
      ledger.append(proposed(C42));
      Receipt again = ledger.append(PolicyAdopted.of("{\"rules\":[]}"));
      assertThat(again).isEqualTo(first);
      assertThat(ledger.size()).isEqualTo(2);
      Receipt other = ledger.append(PolicyAdopted.of("{\"rules\":[1]}"));
      assertThat(other.sequence()).isEqualTo(2);
    }
  }

  @Test
  void aPolicyDigestMustBeTheTextsDigest() {
    assertThatThrownBy(
            () ->
                new PolicyAdopted(
                    dev.signalbox.core.model.PolicyDigest.of("d".repeat(64)), "{\"rules\":[]}"))
        .isInstanceOf(dev.signalbox.core.InvalidValueException.class)
        .hasMessageContaining("digest must be the SHA-256 of the policy");
  }

  @Test
  void overduePostReviewsAreThoseDueAndNotDone() {
    try (Ledger ledger = open(store)) {
      ledger.append(new EmergencyPostReviewDue(C42, T0.plus(Duration.ofHours(24))));
      ledger.append(new EmergencyPostReviewDue(C43, T0.plus(Duration.ofHours(48))));
      assertThat(ledger.overduePostReviews(T0.plus(Duration.ofHours(24)))).isEmpty();
      assertThat(ledger.overduePostReviews(T0.plus(Duration.ofHours(49))))
          .extracting(EmergencyPostReviewDue::change)
          .containsExactly(C42, C43);
      ledger.append(new EmergencyPostReviewDone(C42, "alice", "the hotfix was sound"));
      assertThat(ledger.overduePostReviews(T0.plus(Duration.ofHours(49))))
          .extracting(EmergencyPostReviewDue::change)
          .containsExactly(C43);
    }
  }

  @Test
  void checkpointsAreSignedNotesThatVerifyAndProofsCheckAgainstThem() {
    try (Ledger ledger = open(store)) {
      for (int i = 0; i < 7; i++) {
        ledger.append(proposed(ChangeRef.of("acme/payments", "c" + i)));
      }
      Checkpoint seven = ledger.checkpoint();
      assertThat(seven.note())
          .startsWith(
              "signalbox.dev/test\n7\n" + ledger.rootHash(7) + "\n\n\u2014 signalbox.dev/test ");
      assertThat(seven.verify(signer.publicKey())).isTrue();
      assertThat(seven.verify(Ed25519Signer.generate().publicKey())).isFalse();

      for (int i = 7; i < 12; i++) {
        ledger.append(proposed(ChangeRef.of("acme/payments", "c" + i)));
      }
      Checkpoint twelve = ledger.checkpoint();
      assertThat(
              MerkleProofs.verifyConsistency(
                  ledger.consistencyProof(7, 12), seven.rootHash(), twelve.rootHash()))
          .isTrue();
      assertThat(
              MerkleProofs.verifyInclusion(
                  ledger.inclusionProof(3, 12), ledger.leafHash(3), twelve.rootHash()))
          .isTrue();
      assertThat(ledger.verify(List.of(seven, twelve)).ok()).isTrue();

      String forged = twelve.note().replace("\n12\n", "\n13\n");
      Checkpoint bogus = new Checkpoint(twelve.origin(), 13, twelve.rootHash(), forged);
      assertThat(bogus.verify(signer.publicKey())).isFalse();
      assertThat(DocumentCodec.json().read(DocumentCodec.json().write(twelve), Checkpoint.class))
          .isEqualTo(twelve);
    }
  }

  @Test
  void verifyFindsAnEntryRewrittenBehindTheLedgersBack() {
    Checkpoint checkpoint;
    try (Ledger ledger = open(store)) {
      for (int i = 0; i < 5; i++) {
        ledger.append(proposed(ChangeRef.of("acme/payments", "c" + i)));
      }
      checkpoint = ledger.checkpoint();
      assertThat(ledger.verify(List.of(checkpoint)).ok()).isTrue();

      String text = new String(store.get(2), StandardCharsets.UTF_8).replace("\"c2\"", "\"cX\"");
      store.replace(2, text.getBytes(StandardCharsets.UTF_8));
      VerificationReport report = ledger.verify(List.of(checkpoint));
      assertThat(report.ok()).isFalse();
      assertThat(report.problems())
          .contains(
              "entry 3 does not chain to entry 2",
              "the Merkle root of the stored entries differs from the ledger's",
              "checkpoint of size 5 does not match the stored entries: history was rewritten");
    }
    store.reopen();
    assertThatThrownBy(() -> open(store))
        .isInstanceOf(LedgerCorruptedException.class)
        .hasMessageContaining("entry 3 does not chain to the hash of entry 2");
  }

  @Test
  void aFailedStoreFailsTheLedger() {
    LedgerStore failing =
        new LedgerStore() {
          @Override
          public long append(List<byte[]> records) {
            throw new LedgerFailedException("disk gone", null);
          }

          @Override
          public java.util.stream.Stream<byte[]> read(long from) {
            return java.util.stream.Stream.empty();
          }

          @Override
          public long size() {
            return 0;
          }

          @Override
          public void close() {}
        };
    try (Ledger ledger = open(failing)) {
      assertThatThrownBy(() -> ledger.append(proposed(C42)))
          .isInstanceOf(LedgerFailedException.class)
          .hasMessage("disk gone");
      assertThatThrownBy(() -> ledger.append(proposed(C42)))
          .isInstanceOf(LedgerFailedException.class)
          .hasMessageContaining("failed earlier");
    }
  }

  @Test
  void aStoreThatNumbersOtherwiseFailsTheLedger() {
    LedgerStore skewed =
        new LedgerStore() {
          @Override
          public long append(List<byte[]> records) {
            return store.append(records) + 5;
          }

          @Override
          public java.util.stream.Stream<byte[]> read(long from) {
            return store.read(from);
          }

          @Override
          public long size() {
            return store.size();
          }

          @Override
          public void close() {
            store.close();
          }
        };
    try (Ledger ledger = open(skewed)) {
      assertThatThrownBy(() -> ledger.append(proposed(C42)))
          .isInstanceOf(LedgerFailedException.class)
          .hasMessage("the store numbered the batch from 5, the ledger from 0");
    }
  }

  @Test
  void concurrentAppendsAreGroupCommittedAndChainInOrder() throws Exception {
    int threads = 8;
    int each = 50;
    try (Ledger ledger = open(store)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<List<Receipt>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          futures.add(
              pool.submit(
                  () -> {
                    List<Receipt> receipts = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                      receipts.add(
                          ledger.append(
                              new OutcomeRecorded(
                                  C42, Consequence.NONE, "t" + thread + "-" + i, T0)));
                    }
                    return receipts;
                  }));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<List<Receipt>> future : futures) {
          future.get().forEach(receipt -> sequences.add(receipt.sequence()));
        }
        assertThat(sequences).doesNotHaveDuplicates().hasSize(threads * each);
      } finally {
        pool.shutdown();
      }
      assertThat(ledger.size()).isEqualTo(threads * each);
      assertThat(ledger.verify(List.of(ledger.checkpoint())).ok()).isTrue();
      assertThat(store.appends()).isBetween(1, threads * each);
    }
  }

  @Test
  void aLedgerOnTheFileStoreSurvivesReopening() {
    try (Ledger ledger = open(Ledger.fileStore(dir))) {
      ledger.append(proposed(C42));
      ledger.append(new OutcomeRecorded(C42, Consequence.INCIDENT, "INC-7", T0));
    }
    try (Ledger ledger = open(Ledger.fileStore(dir))) {
      assertThat(
              ledger
                  .read(LedgerQuery.all().change(C42))
                  .map(e -> e.event().getClass().getSimpleName()))
          .containsExactly("ChangeProposed", "OutcomeRecorded");
      assertThat(ledger.verify(List.of()).ok()).isTrue();
    }
  }
}
