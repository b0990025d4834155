package dev.signalbox.core.board;

import dev.signalbox.core.internal.Checks;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay: the review board's deadline and the backoff before a retry.
 *
 * <p>The board hands it short tasks only (recording an outcome, interrupting a straggler,
 * submitting a retry to the board's executor). Injected so that tests can run the board in virtual
 * time; production code uses {@link #system()} or {@link #of(ScheduledExecutorService)}.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Runs {@code task} once, {@code delay} from now by the scheduler's time; a delay that is zero or
   * negative runs it as soon as possible.
   *
   * @return a handle that cancels the task if it has not started
   */
  Scheduled schedule(Duration delay, Runnable task);

  /** A task scheduled to run once. */
  @FunctionalInterface
  interface Scheduled {
    /** Cancels the task if it has not started; does nothing otherwise. */
    void cancel();
  }

  /**
   * A scheduler over {@code service}, which the caller owns and shuts down.
   *
   * @throws dev.signalbox.core.InvalidValueException if {@code service} is null
   */
  static Scheduler of(ScheduledExecutorService service) {
    Checks.present(Scheduler.class, "service", service);
    return (delay, task) -> {
      ScheduledFuture<?> future =
          service.schedule(task, SystemScheduler.nanos(delay), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }

  /**
   * The shared scheduler of the process: one daemon thread, started on first use, that only ever
   * runs the boards' short timer tasks.
   */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }
}
