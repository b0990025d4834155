package dev.signalbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ledger benchmark measures what it says: each method does its work once, correctly. */
class LedgerBenchmarkTest {
  @Test
  void eachBenchmarkDoesItsWork() {
    LedgerBenchmark benchmark = new LedgerBenchmark();

    LedgerBenchmark.OpenStore store = new LedgerBenchmark.OpenStore();
    store.setUp();
    assertThat(benchmark.storeAppendForcePerAppend(store)).isZero();
    assertThat(benchmark.storeAppendForcePerAppend(store)).isEqualTo(1);
    store.tearDown();

    LedgerBenchmark.OpenLedger ledger = new LedgerBenchmark.OpenLedger();
    ledger.setUp();
    assertThat(benchmark.ledgerAppendOneThread(ledger)).isZero();
    assertThat(benchmark.ledgerAppendGroupCommit(ledger)).isEqualTo(1);
    ledger.tearDown();

    LedgerBenchmark.FullLedger full = new LedgerBenchmark.FullLedger();
    full.entries = 5_000;
    full.setUp();
    assertThat(benchmark.verifyLedger(full).entries()).isEqualTo(5_000);
    full.tearDown();

    LedgerBenchmark.Keys keys = new LedgerBenchmark.Keys();
    keys.setUp();
    assertThat(benchmark.ed25519Sign(keys)).hasSize(64);
    assertThat(benchmark.ed25519Verify(keys)).isTrue();
  }
}
