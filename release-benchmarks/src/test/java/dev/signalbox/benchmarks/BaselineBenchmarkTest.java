package dev.signalbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselineBenchmarkTest {

  @Test
  void longToStringFormatsTheValue() {
    assertThat(new BaselineBenchmark().longToString()).isEqualTo("1234567890");
  }
}
