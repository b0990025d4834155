package dev.signalbox.testkit.board;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A reviewer on real threads that blocks until it is interrupted, for boards in real time. */
final class Blocking implements Reviewer {
  private final Agent identity;
  private final Set<RiskSurface> surfaces;
  private final CountDownLatch never = new CountDownLatch(1);
  private final CountDownLatch interrupted = new CountDownLatch(1);

  Blocking(Agent identity, Set<RiskSurface> surfaces) {
    this.identity = identity;
    this.surfaces = Set.copyOf(surfaces);
  }

  @Override
  public Agent identity() {
    return identity;
  }

  @Override
  public Set<RiskSurface> surfaces() {
    return surfaces;
  }

  @Override
  public Verdict review(ReviewRequest request) throws InterruptedException {
    try {
      never.await();
    } catch (InterruptedException e) {
      interrupted.countDown();
      throw e;
    }
    throw new AssertionError("the latch never opens");
  }

  /** Waits until a review has been interrupted; fails after a minute of real time. */
  void awaitInterrupted() {
    try {
      if (!interrupted.await(1, TimeUnit.MINUTES)) {
        throw new AssertionError("the review was not interrupted within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
