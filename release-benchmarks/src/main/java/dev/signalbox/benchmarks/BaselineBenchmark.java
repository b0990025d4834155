package dev.signalbox.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Baseline: measures {@link String#valueOf(long)}, nothing of Signalbox. It proves that {@code
 * benchmarks.jar} runs, and gives a floor to compare the real benchmarks with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BaselineBenchmark {

  /** Not final, so that the JIT cannot fold the call into a constant. */
  private long value = 1_234_567_890L;

  /** Creates the benchmark's state; JMH calls it. */
  public BaselineBenchmark() {}

  /**
   * Formats a long as decimal text.
   *
   * @return the decimal text of the value
   */
  @Benchmark
  public String longToString() {
    return String.valueOf(value);
  }
}
