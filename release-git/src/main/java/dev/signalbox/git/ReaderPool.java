package dev.signalbox.git;

import dev.signalbox.core.spi.VersionControlException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * The idle object readers of one repository, lent to one call at a time and kept open between
 * calls, so that what a reader caches survives the call: JGit keeps the inflated bases of delta
 * chains in a cache per reader (up to {@code core.deltaBaseCacheLimit}, 10 MiB by default), and a
 * new reader per call would inflate every chain of a hot file again. At most {@link #MAX_IDLE}
 * readers are kept; more are made when more calls run at once, and closed when they come back.
 * Thread-safe.
 */
final class ReaderPool implements AutoCloseable {
  /** How many idle readers are kept: each may hold a delta base cache. */
  static final int MAX_IDLE = 4;

  private final Repository repository;
  private final ConcurrentLinkedDeque<ObjectReader> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private volatile boolean closed;

  ReaderPool(Repository repository) {
    this.repository = repository;
  }

  /**
   * A reader for one call, to be given back with {@link #release}; the most recently used first.
   *
   * @throws VersionControlException if the pool is closed
   */
  ObjectReader borrow() {
    checkOpen();
    ObjectReader reader = idle.pollFirst();
    if (reader == null) {
      return repository.newObjectReader();
    }
    idleCount.decrementAndGet();
    return reader;
  }

  /**
   * Fails if the pool is closed.
   *
   * @throws VersionControlException if it is
   */
  void checkOpen() {
    if (closed) {
      throw new VersionControlException(
          "git repository " + repository.getDirectory() + " is closed");
    }
  }

  /** Takes back a reader {@link #borrow} lent; closes it if enough are idle or the pool closed. */
  void release(ObjectReader reader) {
    if (closed || idleCount.incrementAndGet() > MAX_IDLE) {
      idleCount.decrementAndGet();
      reader.close();
      return;
    }
    idle.offerFirst(reader);
    if (closed) {
      drain(); // close() ran between the check and the offer
    }
  }

  /** Closes the idle readers; readers lent out are closed when they come back. */
  @Override
  public void close() {
    closed = true;
    drain();
  }

  private void drain() {
    for (ObjectReader reader = idle.pollFirst(); reader != null; reader = idle.pollFirst()) {
      idleCount.decrementAndGet();
      reader.close();
    }
  }
}
