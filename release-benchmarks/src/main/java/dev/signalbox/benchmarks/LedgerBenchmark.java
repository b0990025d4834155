package dev.signalbox.benchmarks;

import dev.signalbox.core.ledger.Consequence;
import dev.signalbox.core.ledger.FileLedgerStore;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerEvent.OutcomeRecorded;
import dev.signalbox.core.ledger.VerificationReport;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.signing.Ed25519;
import dev.signalbox.core.signing.Ed25519Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What the ledger and signing cost: appends per second to a real ledger file with a force per
 * append and with group commit (eight threads appending at once), the time to verify a ledger of
 * 1,000,000 entries, and Ed25519 signing and verifying with the JDK.
 */
public class LedgerBenchmark {
  /** Creates the benchmark; JMH calls it. */
  public LedgerBenchmark() {}

  static OutcomeRecorded event(long i) {
    return new OutcomeRecorded(
        ChangeRef.of("acme/payments", "c" + (i % 1000)),
        Consequence.NONE,
        "observation " + i,
        Instant.parse("2026-11-26T09:00:00Z"));
  }

  static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("signalbox-ledger-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Ledger open(Path directory) {
    return Ledger.builder(Ledger.fileStore(directory))
        .checkpoints(Ed25519Signer.generate(), "signalbox.dev/benchmark")
        .open();
  }

  /** A ledger on a fresh file, shared by the threads of one benchmark. */
  @State(Scope.Benchmark)
  public static class OpenLedger {
    Path directory = temporaryDirectory();
    Ledger ledger = open(directory);
    final AtomicLong next = new AtomicLong();

    /** Creates the state; JMH calls it. */
    public OpenLedger() {}

    /** Opens a ledger on a fresh file for each trial. */
    @Setup(Level.Trial)
    public void setUp() {
      ledger.close();
      delete(directory);
      directory = temporaryDirectory();
      ledger = open(directory);
    }

    /** Closes the ledger and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      ledger.close();
      delete(directory);
    }
  }

  /** A raw file store on a fresh file. */
  @State(Scope.Benchmark)
  public static class OpenStore {
    Path directory = temporaryDirectory();
    FileLedgerStore store = FileLedgerStore.open(directory);
    final byte[] record =
        "{\"an\": \"entry of about a hundred bytes, like a small ledger record\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** Creates the state; JMH calls it. */
    public OpenStore() {}

    /** Opens a store on a fresh file for each trial. */
    @Setup(Level.Trial)
    public void setUp() {
      store.close();
      delete(directory);
      directory = temporaryDirectory();
      store = FileLedgerStore.open(directory);
    }

    /** Closes the store and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      store.close();
      delete(directory);
    }
  }

  /** A ledger of {@code entries} entries on a real file, written once per trial. */
  @State(Scope.Benchmark)
  public static class FullLedger {
    @Param("1000000")
    int entries;

    Path directory = temporaryDirectory();
    Ledger ledger = open(directory);

    /** Creates the state; JMH calls it. */
    public FullLedger() {}

    /** Writes the ledger in batches of 10,000 entries. */
    @Setup(Level.Trial)
    public void setUp() {
      ledger.close();
      delete(directory);
      directory = temporaryDirectory();
      ledger = open(directory);
      List<LedgerEvent> batch = new ArrayList<>();
      for (long i = 0; i < entries; i++) {
        batch.add(event(i));
        if (batch.size() == 10_000) {
          ledger.appendAll(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        ledger.appendAll(batch);
      }
    }

    /** Closes the ledger and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      ledger.close();
      delete(directory);
    }
  }

  /** Keys and a message for the signing benchmarks. */
  @State(Scope.Benchmark)
  public static class Keys {
    final Ed25519Signer signer = Ed25519Signer.generate();
    final byte[] message = new byte[512];
    byte[] signature = new byte[0];

    /** Creates the state; JMH calls it. */
    public Keys() {}

    /** Signs the message once, for the verify benchmark. */
    @Setup
    public void setUp() {
      signature = signer.sign(message);
    }
  }

  /** One record per append straight to the file store: two forces each (data, then marker). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public long storeAppendForcePerAppend(OpenStore state) {
    return state.store.append(state.record);
  }

  /** One ledger entry per append from one thread: every entry waits for its own forces. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public long ledgerAppendOneThread(OpenLedger state) {
    return state.ledger.append(event(state.next.getAndIncrement())).sequence();
  }

  /** Ledger appends from eight threads at once: concurrent entries share forces (group commit). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public long ledgerAppendGroupCommit(OpenLedger state) {
    return state.ledger.append(event(state.next.getAndIncrement())).sequence();
  }

  /** Verifies the whole ledger: reads every frame (CRC32C), parses, chains, rebuilds the tree. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public VerificationReport verifyLedger(FullLedger state) {
    VerificationReport report = state.ledger.verify(List.of(state.ledger.checkpoint()));
    if (!report.ok()) {
      throw new IllegalStateException(report.problems().toString());
    }
    return report;
  }

  /** Ed25519 signature of 512 bytes. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] ed25519Sign(Keys keys) {
    return keys.signer.sign(keys.message);
  }

  /** Ed25519 verification of a signature of 512 bytes. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean ed25519Verify(Keys keys) {
    return Ed25519.verify(keys.signer.publicKey(), keys.message, keys.signature);
  }
}
