package dev.signalbox.core.board;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The process's shared timer thread, started when a board first needs it. */
final class SystemScheduler {
  private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

  static final Scheduler INSTANCE = Scheduler.of(timerThread());

  private SystemScheduler() {}

  /** {@code delay} in nanoseconds, saturated rather than overflowing for delays of centuries. */
  static long nanos(Duration delay) {
    return delay.compareTo(MAX_NANOS) > 0 ? Long.MAX_VALUE : delay.toNanos();
  }

  private static ScheduledThreadPoolExecutor timerThread() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "signalbox-board-timer");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
