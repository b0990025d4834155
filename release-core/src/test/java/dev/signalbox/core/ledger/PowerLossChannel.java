package dev.signalbox.core.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link FileChannel} double that models a disk losing power: reads see every write, but only
 * what was forced is sure to survive. {@link #crashImage} gives the bytes a disk could hold after a
 * power loss, given the fate of each unforced 512-byte sector (kept, dropped or garbled, in any
 * combination, so later writes may survive where earlier ones did not).
 *
 * <p>A fake where the real part cannot run here: a test cannot cut the power of this machine. The
 * channel can also be told to lose power at its n-th write or force ({@link PowerLoss}), or to fail
 * a force with an {@link IOException}.
 */
final class PowerLossChannel extends FileChannel {
  static final int SECTOR = 512;

  /** Thrown at the operation the power went at; the process is gone, nothing catches it. */
  static final class PowerLoss extends Error {
    private static final long serialVersionUID = 1L;

    PowerLoss(String message) {
      super(message);
    }
  }

  private byte[] durable;
  private int durableLength;
  private byte[] current;
  private int length;
  private final List<int[]> unforced = new ArrayList<>(); // {offset, length} of unforced writes
  private int operations;
  private int powerLossAt = Integer.MAX_VALUE;
  private int failForceAt = Integer.MAX_VALUE;

  PowerLossChannel(byte[] image) {
    durable = image.clone();
    durableLength = image.length;
    current = Arrays.copyOf(image, Math.max(16, image.length));
    length = image.length;
  }

  /** Loses power at the {@code n}-th write, force or truncate (from 1): it does not happen. */
  PowerLossChannel losePowerAt(int n) {
    powerLossAt = n;
    return this;
  }

  /** Fails the {@code n}-th operation with an IOException if it is a force. */
  PowerLossChannel failForceAt(int n) {
    failForceAt = n;
    return this;
  }

  int operations() {
    return operations;
  }

  private void operation(String what) {
    operations++;
    if (operations >= powerLossAt) {
      throw new PowerLoss("power lost at operation " + operations + " (" + what + ")");
    }
  }

  /**
   * What the disk holds after a power loss now: the forced bytes, and each unforced sector kept,
   * dropped or garbled as {@code fates} says (cycled: 0 keep, 1 drop, 2 garble, 3 keep half).
   */
  byte[] crashImage(List<Integer> fates) {
    byte[] image = Arrays.copyOf(durable, Math.max(durableLength, length));
    int imageLength = durableLength;
    int fate = 0;
    for (int[] write : unforced) {
      int from = write[0];
      int to = write[0] + write[1];
      for (int sector = from / SECTOR * SECTOR; sector < to; sector += SECTOR) {
        int start = Math.max(sector, from);
        int end = Math.min(sector + SECTOR, to);
        int f = fates.isEmpty() ? 0 : fates.get(fate++ % fates.size()) & 3;
        if (f == 1) {
          continue;
        }
        if (f == 3) {
          end = start + (end - start) / 2;
        }
        for (int i = start; i < end; i++) {
          image[i] = f == 2 ? (byte) (current[i] ^ (0x5A + i)) : current[i];
        }
        imageLength = Math.max(imageLength, end);
      }
    }
    return Arrays.copyOf(image, imageLength);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    operation("write");
    int n = src.remaining();
    int end = Math.toIntExact(position + n);
    if (end > current.length) {
      current = Arrays.copyOf(current, Math.max(end, current.length * 2));
    }
    if (position > length) {
      Arrays.fill(current, length, (int) position, (byte) 0);
    }
    src.get(current, (int) position, n);
    length = Math.max(length, end);
    unforced.add(new int[] {(int) position, n});
    return n;
  }

  @Override
  public int read(ByteBuffer dst, long position) {
    if (position >= length) {
      return -1;
    }
    int n = (int) Math.min(dst.remaining(), length - position);
    dst.put(current, (int) position, n);
    return n;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    operation("force");
    if (operations == failForceAt) {
      throw new IOException("simulated fsync failure (EIO)");
    }
    durable = Arrays.copyOf(current, length);
    durableLength = length;
    unforced.clear();
  }

  @Override
  public long size() {
    return length;
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    operation("truncate");
    if (size < length) {
      length = (int) size;
      // a truncation not yet forced may or may not survive; recovery forces it at once, so the
      // double treats it as durable only on the next force
      unforced.removeIf(write -> write[0] >= size);
      for (int[] write : unforced) {
        write[1] = (int) Math.min(write[1], size - write[0]);
      }
    }
    return this;
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    return new FileLock(this, position, size, shared) {
      private boolean valid = true;

      @Override
      public boolean isValid() {
        return valid;
      }

      @Override
      public void release() {
        valid = false;
      }
    };
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    return tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() {}

  // ---- not used by the store ----

  @Override
  public int read(ByteBuffer dst) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int len) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int write(ByteBuffer src) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int len) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long position() {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileChannel position(long newPosition) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw new UnsupportedOperationException();
  }
}
