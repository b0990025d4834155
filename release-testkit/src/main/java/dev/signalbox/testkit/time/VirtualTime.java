package dev.signalbox.testkit.time;

import dev.signalbox.core.board.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic virtual time: a {@link Clock}, a {@link Scheduler} and an {@link Executor} whose
 * time stands still while anything runs and jumps to the next scheduled moment once everything has
 * settled. A review board built on them, given reviewers that wait by {@link #sleep}, runs in
 * virtual time: a five-minute deadline passes in microseconds, and the same inputs give the same
 * run every time.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-11-26T10:00:00Z"));
 * ReviewBoard board = ReviewBoard.builder()
 *     .reviewers(reviewers)          // a slow one calls time.sleep(Duration.ofMinutes(9))
 *     .executor(time.executor())
 *     .scheduler(time.scheduler())
 *     .clock(time.clock())
 *     .deadline(Duration.ofMinutes(5))
 *     .build();
 * BoardResult result = time.run(() -> board.conveneAsync(change, snapshot, needs));
 * }</pre>
 *
 * <p>{@link #run} calls the action on the calling thread, then repeats until the action's future is
 * done: wait until every task of {@link #executor()} has finished or is asleep in {@link #sleep};
 * then take the next event — a sleep ending or a scheduled task — set the clock to its time, and
 * fire it. At one instant, sleeps end before scheduled tasks run (work due at a deadline is in time
 * for it), and otherwise events fire in the order they were made. Scheduled tasks run on the thread
 * that called {@code run}; executor tasks each on a thread of their own.
 *
 * <p>The determinism holds when the tasks wait only by {@link #sleep} (a task blocked on anything
 * else holds time still; after a minute of real time {@code run} gives up with an {@link
 * AssertionError} saying so) and when interruption comes only from the code under test.
 * Thread-safe; one {@code run} at a time.
 */
public final class VirtualTime {
  /**
   * How long in real time a task may run without finishing or sleeping before {@code run} fails.
   */
  private static final Duration STUCK = Duration.ofMinutes(1);

  private static final ThreadLocal<@Nullable VirtualTime> TASK_OF = new ThreadLocal<>();

  private final Object lock = new Object();
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(
          Comparator.comparing((Event e) -> e.at)
              .thenComparing(e -> !(e instanceof Wake))
              .thenComparingLong(e -> e.sequence));
  private final Clock clock = new VirtualClock(ZoneOffset.UTC);
  private final Scheduler scheduler = this::schedule;
  private final Executor executor = this::execute;

  private volatile Instant now;
  // guarded by lock
  private long sequence;
  private int working;
  private int alive;
  private int started;
  private boolean driving;

  private VirtualTime(Instant start) {
    this.now = start;
  }

  /** A virtual time whose clock reads {@code start} until an event moves it. */
  public static VirtualTime startingAt(Instant start) {
    if (start == null) {
      throw new IllegalArgumentException("start must not be null");
    }
    return new VirtualTime(start);
  }

  /** The current virtual instant. */
  public Instant now() {
    return now;
  }

  /** A clock reading the virtual time, in UTC. */
  public Clock clock() {
    return clock;
  }

  /** A scheduler whose tasks run at their virtual time, on the thread that drives {@link #run}. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** An executor that runs each task on a new daemon thread, counted until it finishes. */
  public Executor executor() {
    return executor;
  }

  /** How many tasks the executor has been given so far. */
  public int tasksStarted() {
    synchronized (lock) {
      return started;
    }
  }

  /**
   * Waits {@code duration} of virtual time; for tasks run by {@link #executor()}.
   *
   * @throws InterruptedException if the thread is interrupted before or while it waits
   * @throws IllegalStateException if the calling thread is not one of the executor's tasks (no one
   *     would move time on for it)
   */
  public void sleep(Duration duration) throws InterruptedException {
    if (TASK_OF.get() != this) {
      throw new IllegalStateException(
          "sleep only in tasks run by this virtual time's executor: nothing moves time for "
              + Thread.currentThread().getName());
    }
    synchronized (lock) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted before sleeping " + duration);
      }
      Wake wake = new Wake(now.plus(duration.isNegative() ? Duration.ZERO : duration), sequence++);
      events.add(wake);
      working--;
      lock.notifyAll();
      while (!wake.woken) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          if (!wake.woken) {
            events.remove(wake);
            working++;
            throw e;
          }
          Thread.currentThread().interrupt(); // woken and interrupted at once: keep both
        }
      }
    }
  }

  /**
   * Calls {@code action} and moves virtual time on until the future it returns is done; returns
   * that future's value.
   *
   * @throws CompletionException wrapping the future's failure, if it failed with a checked
   *     exception; an unchecked one or an error is rethrown as it is
   * @throws IllegalStateException if the future is not done but nothing runs and nothing is
   *     scheduled, or if another {@code run} is under way
   * @throws AssertionError if a task neither finishes nor sleeps for a minute of real time
   */
  public <T> T run(Supplier<? extends CompletionStage<T>> action) {
    synchronized (lock) {
      if (driving) {
        throw new IllegalStateException("another run is under way");
      }
      driving = true;
    }
    try {
      CompletableFuture<T> future = action.get().toCompletableFuture();
      while (true) {
        awaitSettled();
        if (future.isDone()) {
          return value(future);
        }
        Runnable fire;
        synchronized (lock) {
          Event next = events.poll();
          if (next == null) {
            throw new IllegalStateException(
                "the action is not done at " + now + ", yet no task runs and nothing is scheduled");
          }
          if (next.at.isAfter(now)) {
            now = next.at;
          }
          if (next instanceof Wake wake) {
            wake.woken = true;
            working++;
            lock.notifyAll();
            continue;
          }
          fire = ((Task) next).task;
        }
        fire.run();
      }
    } finally {
      synchronized (lock) {
        driving = false;
      }
    }
  }

  /**
   * Waits, in real time, until every task the executor was given has finished, including those
   * still answering an interruption after {@link #run} returned.
   *
   * @throws AssertionError if they have not after a minute of real time
   */
  public void awaitTasks() {
    synchronized (lock) {
      awaitOrFail(() -> alive == 0, () -> alive + " tasks have not finished after " + STUCK);
    }
  }

  private void awaitSettled() {
    synchronized (lock) {
      awaitOrFail(
          () -> working == 0,
          () ->
              working
                  + " tasks have neither finished nor slept in virtual time for "
                  + STUCK
                  + " of real time: do they block on something other than VirtualTime.sleep?");
    }
  }

  /** Waits on the lock, which the caller holds, until {@code done}; fails after {@link #STUCK}. */
  private void awaitOrFail(BooleanSupplier done, Supplier<String> failure) {
    long until = System.nanoTime() + STUCK.toNanos();
    while (!done.getAsBoolean()) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(failure.get());
      }
      try {
        lock.wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the tasks", e);
      }
    }
  }

  private static <T> T value(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private Scheduler.Scheduled schedule(Duration delay, Runnable task) {
    if (delay == null || task == null) {
      throw new IllegalArgumentException("delay and task must not be null");
    }
    Task event;
    synchronized (lock) {
      event = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
      events.add(event);
      lock.notifyAll();
    }
    return () -> {
      synchronized (lock) {
        events.remove(event);
      }
    };
  }

  private void execute(Runnable task) {
    if (task == null) {
      throw new IllegalArgumentException("task must not be null");
    }
    int number;
    synchronized (lock) {
      working++;
      alive++;
      number = ++started;
    }
    Thread thread =
        new Thread(
            () -> {
              TASK_OF.set(this);
              try {
                task.run();
              } finally {
                synchronized (lock) {
                  working--;
                  alive--;
                  lock.notifyAll();
                }
              }
            },
            "virtual-time-task-" + number);
    thread.setDaemon(true);
    thread.start();
  }

  private abstract static class Event {
    final Instant at;
    final long sequence;

    Event(Instant at, long sequence) {
      this.at = at;
      this.sequence = sequence;
    }
  }

  /** The end of a task's sleep. */
  private static final class Wake extends Event {
    boolean woken; // guarded by the virtual time's lock

    Wake(Instant at, long sequence) {
      super(at, sequence);
    }
  }

  /** A scheduled task. */
  private static final class Task extends Event {
    final Runnable task;

    Task(Instant at, long sequence, Runnable task) {
      super(at, sequence);
      this.task = task;
    }
  }

  private final class VirtualClock extends Clock {
    private final ZoneId zone;

    VirtualClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new VirtualClock(other);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public String toString() {
      return "VirtualClock[" + now + ", " + zone + "]";
    }
  }
}
