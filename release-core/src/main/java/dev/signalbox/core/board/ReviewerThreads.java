package dev.signalbox.core.board;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The boards' default executor: a cached pool of daemon threads shared by the process, created when
 * a board first needs it. Reviews block, so the pool grows with the reviews running at once; a
 * thread idle for a minute ends. Reusing threads keeps a board's overhead well under a millisecond
 * where a new thread per review costs several on a loaded machine (see BENCHMARKS.md).
 */
final class ReviewerThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();

  static final ExecutorService INSTANCE =
      Executors.newCachedThreadPool(
          review -> {
            Thread thread = new Thread(review, "signalbox-reviewer-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private ReviewerThreads() {}
}
