package dev.signalbox.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The processor time, not the wall-clock time, of {@link MergeSimulationBenchmark}'s work: on a
 * machine that others load, a thread waits for a core as long as it runs, and wall-clock times
 * measure the load; the processor time a thread used is nearly independent of it. Prints, for the
 * same repository and merges as the benchmark, the median and mean processor time of a simulated
 * train step ({@code signalbox}), of a change listing ({@code changeListing}) and of a listing of
 * paths ({@code pathListing}), and of JGit's own {@code TreeWalk} listing ({@code jgitTreeWalk}) on
 * the calling thread, and the processor time git's processes used per merge ({@code
 * gitMergeTreeStdin}, from the children's times in {@code /proc/self/stat}, in clock ticks of 10
 * ms, so only its mean).
 *
 * <p>{@code java -cp release-benchmarks/target/benchmarks.jar
 * dev.signalbox.benchmarks.MergeSimulationCpuTime [source] [rounds]}, where source is {@code
 * synthetic} (the default) or the path of a git repository, as the benchmark's {@code source}
 * parameter.
 */
public final class MergeSimulationCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final double TICK_MICROS = 10_000;

  private MergeSimulationCpuTime() {}

  /** Runs the measurement; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    String source = args.length > 0 ? args[0] : MergeSimulationBenchmark.SYNTHETIC;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    MergeSimulationBenchmark benchmark = new MergeSimulationBenchmark();
    benchmark.source = source;
    benchmark.setUp();
    try {
      int topics = MergeSimulationBenchmark.TOPICS;
      for (int i = 0; i < rounds; i++) { // warm-up: as many rounds as measured
        benchmark.signalbox();
        benchmark.changeListing();
        benchmark.pathListing();
        benchmark.jgitTreeWalk();
      }
      long[] steps = new long[rounds];
      long[] listings = new long[rounds * topics];
      long[] pathListings = new long[rounds * topics];
      long[] treeWalks = new long[rounds * topics];
      for (int i = 0; i < rounds; i++) {
        long start = THREADS.getCurrentThreadCpuTime();
        benchmark.signalbox();
        steps[i] = (THREADS.getCurrentThreadCpuTime() - start) / topics;
      }
      for (int i = 0; i < listings.length; i++) {
        long start = THREADS.getCurrentThreadCpuTime();
        benchmark.changeListing();
        listings[i] = THREADS.getCurrentThreadCpuTime() - start;
      }
      for (int i = 0; i < pathListings.length; i++) {
        long start = THREADS.getCurrentThreadCpuTime();
        benchmark.pathListing();
        pathListings[i] = THREADS.getCurrentThreadCpuTime() - start;
      }
      for (int i = 0; i < treeWalks.length; i++) {
        long start = THREADS.getCurrentThreadCpuTime();
        benchmark.jgitTreeWalk();
        treeWalks[i] = THREADS.getCurrentThreadCpuTime() - start;
      }
      long[] childTicks = childTicks();
      for (int i = 0; i < rounds; i++) {
        benchmark.mergeTreeBatch();
      }
      long[] childTicksAfter = childTicks();
      double gitMicros =
          (childTicksAfter[0] + childTicksAfter[1] - childTicks[0] - childTicks[1])
              * TICK_MICROS
              / ((double) rounds * topics);
      System.out.printf(
          Locale.ROOT,
          "source %s, %d rounds of %d merges: processor time in µs%n"
              + "signalbox per step        median %,10.1f  mean %,10.1f%n"
              + "changeListing per listing median %,10.1f  mean %,10.1f%n"
              + "pathListing per listing   median %,10.1f  mean %,10.1f%n"
              + "jgitTreeWalk per listing  median %,10.1f  mean %,10.1f%n"
              + "gitMergeTreeStdin per merge (git's processes, mean) %,10.1f%n",
          source,
          rounds,
          topics,
          median(steps) / 1e3,
          mean(steps) / 1e3,
          median(listings) / 1e3,
          mean(listings) / 1e3,
          median(pathListings) / 1e3,
          mean(pathListings) / 1e3,
          median(treeWalks) / 1e3,
          mean(treeWalks) / 1e3,
          gitMicros);
    } finally {
      benchmark.tearDown();
    }
  }

  /** The user and system times of this process's waited-for children, in clock ticks. */
  private static long[] childTicks() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
    // fields after the command name, which is in parentheses: cutime and cstime are 16 and 17
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    return new long[] {Long.parseLong(fields[13]), Long.parseLong(fields[14])};
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }

  private static double mean(long[] values) {
    return Arrays.stream(values).average().orElse(0);
  }
}
