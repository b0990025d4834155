package dev.signalbox.benchmarks;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one decision costs: {@code signalbox}, the default policy deciding a change, against {@code
 * handWritten}, the same checks written out by hand in plain Java ({@link HandWrittenPolicy}), the
 * floor under any engine.
 *
 * <p>Both cycle through the same {@linkplain DecisionPool pool} of 64 realistic scenarios — 20
 * files, 4 trusted verdicts, a calendar of 3 freeze windows, verified acceptances and overrides,
 * error budgets — that ship, wait or go back in varied ways, so no answer can be memoised. The
 * evidence is verified before the benchmark starts, as it is before a decision in a running
 * service.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionBenchmark {
  private final ReleasePolicy policy = ReleasePolicy.defaults();
  private ChangeRequest[] changes = new ChangeRequest[0];
  private ReleaseContext[] contexts = new ReleaseContext[0];
  private int next;

  /** Creates the benchmark's state; JMH calls it, then {@link #setUp()}. */
  public DecisionBenchmark() {}

  /** Builds the pool of scenarios. */
  @Setup
  public void setUp() {
    List<DecisionPool.Scenario> pool = DecisionPool.scenarios();
    changes = new ChangeRequest[pool.size()];
    contexts = new ReleaseContext[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      changes[i] = pool.get(i).change();
      contexts[i] = pool.get(i).context();
    }
    next = 0;
  }

  /**
   * The default policy decides the next scenario of the cycle.
   *
   * @return the decision
   */
  @Benchmark
  public Decision signalbox() {
    int i = advance();
    return policy.decide(changes[i], contexts[i]);
  }

  /**
   * The hand-written checks decide the next scenario of the cycle.
   *
   * @return the decision
   */
  @Benchmark
  public Decision handWritten() {
    int i = advance();
    return HandWrittenPolicy.decide(changes[i], contexts[i]);
  }

  private int advance() {
    int i = next;
    next = (i + 1) & (DecisionPool.SIZE - 1);
    return i;
  }
}
