package dev.signalbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The codec benchmark measures what it says: each method does its work once, correctly. */
class DocumentCodecBenchmarkTest {
  @Test
  void eachBenchmarkDoesItsWork() {
    DocumentCodecBenchmark benchmark = new DocumentCodecBenchmark();
    benchmark.setUp();

    assertThat(benchmark.readChangeRequest()).isEqualTo(DocumentCodecBenchmark.sample(20));
    assertThat(benchmark.writeChangeRequest())
        .contains("\"formatVersion\": 1")
        .contains("Pay19.java");
    assertThat(benchmark.parseTreeOnly().get("changes").get("files").size()).isEqualTo(21);
  }
}
