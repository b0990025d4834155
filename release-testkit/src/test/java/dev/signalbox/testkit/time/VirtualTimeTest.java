package dev.signalbox.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Virtual time moves only when everything has settled, in a fixed order, and says when stuck. */
class VirtualTimeTest {
  private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

  private final VirtualTime time = VirtualTime.startingAt(START);

  @Test
  void sleepsEndAtTheirVirtualTimeAndTheClockFollows() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Instant end =
        time.run(
            () -> {
              CompletableFuture<Instant> done = new CompletableFuture<>();
              time.executor()
                  .execute(
                      () -> {
                        try {
                          time.sleep(Duration.ofMinutes(3));
                          order.add("slow at " + time.clock().instant());
                          done.complete(time.now());
                        } catch (InterruptedException e) {
                          done.completeExceptionally(e);
                        }
                      });
              time.executor()
                  .execute(
                      () -> {
                        try {
                          time.sleep(Duration.ofMinutes(1));
                          order.add("quick at " + time.clock().instant());
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      });
              return done;
            });
    assertThat(end).isEqualTo(START.plus(Duration.ofMinutes(3)));
    assertThat(order)
        .containsExactly("quick at 2026-11-26T09:01:00Z", "slow at 2026-11-26T09:03:00Z");
    assertThat(time.tasksStarted()).isEqualTo(2);
  }

  @Test
  void atOneInstantSleepsEndBeforeScheduledTasksRun() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    time.run(
        () -> {
          CompletableFuture<String> done = new CompletableFuture<>();
          time.scheduler()
              .schedule(
                  Duration.ofSeconds(10),
                  () -> {
                    order.add("task");
                    done.complete("done");
                  });
          time.executor()
              .execute(
                  () -> {
                    try {
                      time.sleep(Duration.ofSeconds(10));
                      order.add("sleeper");
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
          return done;
        });
    assertThat(order).containsExactly("sleeper", "task");
  }

  @Test
  void aCancelledTaskDoesNotRunAndAnInterruptEndsASleep() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    String result =
        time.run(
            () -> {
              CompletableFuture<String> done = new CompletableFuture<>();
              time.scheduler().schedule(Duration.ofSeconds(5), () -> ran.add("cancelled")).cancel();
              time.executor()
                  .execute(
                      () -> {
                        Thread.currentThread().interrupt();
                        try {
                          time.sleep(Duration.ofHours(1));
                          done.complete("slept");
                        } catch (InterruptedException e) {
                          done.complete("interrupted at " + time.now());
                        }
                      });
              return done;
            });
    assertThat(result).isEqualTo("interrupted at 2026-11-26T09:00:00Z");
    assertThat(ran).isEmpty();
  }

  @Test
  void saysWhenNothingIsLeftThatCouldFinishTheAction() {
    assertThatThrownBy(() -> time.run(CompletableFuture::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the action is not done at 2026-11-26T09:00:00Z, yet no task runs and nothing is"
                + " scheduled");
  }

  @Test
  void sleepingOutsideItsTasksIsRefused() {
    assertThatThrownBy(() -> time.sleep(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sleep only in tasks run by this virtual time's executor");
  }
}
