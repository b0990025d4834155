package dev.signalbox.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The processor time, not the wall-clock time, of {@link TrainPlanningBenchmark}'s work: on a
 * machine that others load, a thread waits for a core as long as it runs, so wall-clock times
 * measure the load; the processor time the planning thread used is nearly independent of it. For
 * each number of candidates it plans the benchmark's train as many times as it measures (warm-up),
 * then prints per plan the median and minimum processor time of the calling thread, the bytes it
 * allocated, the collectors' time (spent on other threads, so not in the processor time), and the
 * median wall-clock time; then the ratio of the last two sizes' median processor times.
 *
 * <p>{@code java -cp release-benchmarks/target/benchmarks.jar
 * dev.signalbox.benchmarks.TrainPlanningCpuTime [rounds] [changes...]}; by default 10 rounds of
 * 1,000, 10,000 and 100,000 changes.
 */
public final class TrainPlanningCpuTime {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private TrainPlanningCpuTime() {}

  /** Runs the measurement; see the class comment for the arguments. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 10_000, 100_000);
    }
    System.out.printf(
        Locale.ROOT,
        "%d rounds per size; per plan: processor time of the planning thread (ms), bytes it"
            + " allocated, collectors' time (ms), wall-clock time (ms)%n"
            + "%9s %12s %12s %14s %12s %12s%n",
        rounds,
        "changes",
        "cpu median",
        "cpu min",
        "allocated MB",
        "gc ms",
        "wall median");
    double[] medians = new double[sizes.size()];
    for (int s = 0; s < sizes.size(); s++) {
      TrainPlanningBenchmark benchmark = new TrainPlanningBenchmark();
      benchmark.changes = sizes.get(s);
      benchmark.setUp();
      for (int i = 0; i < rounds; i++) {
        benchmark.plan();
      }
      long[] cpu = new long[rounds];
      long[] wall = new long[rounds];
      long allocated = 0;
      long gcBefore = gcMillis();
      long thread = Thread.currentThread().getId();
      for (int i = 0; i < rounds; i++) {
        long bytes = THREADS.getThreadAllocatedBytes(thread);
        long start = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        benchmark.plan();
        wall[i] = System.nanoTime() - wallStart;
        cpu[i] = THREADS.getCurrentThreadCpuTime() - start;
        allocated += THREADS.getThreadAllocatedBytes(thread) - bytes;
      }
      double gc = (gcMillis() - gcBefore) / (double) rounds;
      medians[s] = median(cpu) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%,9d %12.1f %12.1f %14.1f %12.1f %12.1f%n",
          sizes.get(s),
          medians[s],
          Arrays.stream(cpu).min().orElse(0) / 1e6,
          allocated / (double) rounds / 1e6,
          gc,
          median(wall) / 1e6);
    }
    if (sizes.size() > 1) {
      System.out.printf(
          Locale.ROOT,
          "ratio %,d/%,d of median processor time: %.2f%n",
          sizes.get(sizes.size() - 1),
          sizes.get(sizes.size() - 2),
          medians[sizes.size() - 1] / medians[sizes.size() - 2]);
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }
}
