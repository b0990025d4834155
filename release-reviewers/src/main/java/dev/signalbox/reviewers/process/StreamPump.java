package dev.signalbox.reviewers.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Drains one output stream of a child process on its own thread, so that a full pipe never blocks
 * the child, keeping at most {@code limit} bytes: the head of stdout (the answer) or the tail of
 * stderr (the diagnosis).
 */
final class StreamPump implements Runnable {
  private final InputStream in;
  private final int limit;
  private final boolean keepTail;
  private final Thread thread;
  private final Object lock = new Object();
  private final byte[] ring;
  private long total;

  private StreamPump(InputStream in, int limit, boolean keepTail, String name) {
    this.in = in;
    this.limit = limit;
    this.keepTail = keepTail;
    this.ring = new byte[limit];
    this.thread = new Thread(this, name);
    thread.setDaemon(true);
  }

  /** Starts draining {@code in}, keeping its first {@code limit} bytes. */
  static StreamPump head(InputStream in, int limit, String name) {
    StreamPump pump = new StreamPump(in, limit, false, name);
    pump.thread.start();
    return pump;
  }

  /** Starts draining {@code in}, keeping its last {@code limit} bytes. */
  static StreamPump tail(InputStream in, int limit, String name) {
    StreamPump pump = new StreamPump(in, limit, true, name);
    pump.thread.start();
    return pump;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        synchronized (lock) {
          for (int i = 0; i < n; i++) {
            if (keepTail) {
              ring[(int) (total % limit)] = buffer[i];
            } else if (total < limit) {
              ring[(int) total] = buffer[i];
            }
            total++;
          }
        }
      }
    } catch (IOException e) {
      // the stream closed under us: the child was killed; what was read is kept
    }
  }

  /** Waits up to {@code millis} for the stream to end; whether it did. */
  boolean await(long millis) throws InterruptedException {
    thread.join(Math.max(1, millis));
    return !thread.isAlive();
  }

  /** Whether more than {@code limit} bytes came. */
  boolean overflowed() {
    synchronized (lock) {
      return total > limit;
    }
  }

  /** The bytes kept, oldest first. */
  byte[] bytes() {
    synchronized (lock) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (total <= limit) {
        out.write(ring, 0, (int) total);
      } else if (!keepTail) {
        out.write(ring, 0, limit);
      } else {
        int start = (int) (total % limit);
        out.write(ring, start, limit - start);
        out.write(ring, 0, start);
      }
      return out.toByteArray();
    }
  }
}
