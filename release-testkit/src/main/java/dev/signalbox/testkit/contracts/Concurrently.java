package dev.signalbox.testkit.contracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Runs one task on several threads at once, for the kits' thread-safety checks. */
final class Concurrently {
  static final int THREADS = 4;

  private Concurrently() {}

  /**
   * What {@code task} returns for {@code inputs} on each of {@link #THREADS} threads started
   * together: one list per thread, in the order of the inputs.
   */
  static <I, O> List<List<O>> run(List<I> inputs, Function<I, O> task) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<O>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  // each thread walks the inputs from another place, so that they overlap
                  int first = inputs.isEmpty() ? 0 : offset * inputs.size() / THREADS;
                  List<O> results = new ArrayList<>(inputs.size());
                  for (int i = 0; i < inputs.size(); i++) {
                    results.add(task.apply(inputs.get((first + i) % inputs.size())));
                  }
                  Collections.rotate(results, first);
                  return results;
                }));
      }
      start.countDown();
      List<List<O>> all = new ArrayList<>();
      for (Future<List<O>> future : futures) {
        all.add(future.get(5, TimeUnit.MINUTES));
      }
      return all;
    } catch (ExecutionException e) {
      throw new AssertionError("a thread failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the threads took more than five minutes", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
