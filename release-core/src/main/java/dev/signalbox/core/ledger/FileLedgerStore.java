package dev.signalbox.core.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link LedgerStore}: one file of checksummed frames, forced before an append is
 * acknowledged, recovered on open.
 *
 * <p>The file ({@value #FILE_NAME} in the store's directory) starts with a 16-byte header: the
 * magic {@code SBXLEDG\n}, the format version (4 bytes, big-endian) and the CRC32C of those 12
 * bytes. Frames follow, each:
 *
 * <pre>
 *   0xF7, kind ('D' data or 'M' marker), payload length (4 bytes), CRC32C of those 6 bytes,
 *   payload, CRC32C of the payload
 * </pre>
 *
 * The header's own checksum tells a corrupted length from a torn write. An acknowledged-end marker
 * is two identical 'M' frames in a row, its first and second copy; each copy's payload is the
 * offset of the first copy and the number of data records before it (8 bytes each): the
 * acknowledged end. (A file whose markers have one copy each is read the same way: a lone first
 * copy is a valid marker.)
 *
 * <p>An append writes its records' frames, forces them, writes both copies of a marker after them
 * in one write and forces again, then returns. The marker is written only once the data it covers
 * is durable, so a valid copy proves that every data byte before it was forced: damage before the
 * last valid marker is corruption, never a crash. (One force for data and marker together would let
 * a disk persist the marker without the data, and a power loss would then look like corruption.) A
 * batch of records costs the same two forces as one record; {@link Ledger} gathers concurrent
 * appends into batches (group commit). A failed force marks the store failed: every later append
 * throws {@link LedgerFailedException}.
 *
 * <p>On open, recovery reads the frames in order; the last valid marker is the last copy whose
 * checksums hold. At the first frame that is incomplete or fails a checksum it looks for a valid
 * copy further on: if there is one, the damage lies in acknowledged bytes and opening fails with
 * {@link LedgerCorruptedException} naming the offset. Otherwise every byte after the last valid
 * copy is an unacknowledged tail, cut off and reported in {@link #recovery()}: a write torn by a
 * crash, and whole records too, whose append never returned. So the store holds exactly the
 * acknowledged records after a crash, never one whose append failed. A single damaged byte spoils
 * at most one copy of a marker, so it never costs an acknowledged record:
 *
 * <ul>
 *   <li>a damaged second copy after a valid first copy, at the end of the file, is an
 *       unacknowledged tail: it is cut off and reported, and the records the first copy covers are
 *       kept (a crash can leave the same bytes: the first copy whole, the second torn);
 *   <li>a damaged first copy followed by its valid twin is damage before the last valid marker,
 *       corruption: opening fails naming its offset; except when that twin ends the file, the one
 *       place a crash can leave it too (a disk may persist the second copy of the last, unforced
 *       marker write and not the first). There the records are intact and the twin vouches for
 *       them: they are kept, the first copy is rewritten from the twin and forced, and {@link
 *       Recovery#problem()} reports it.
 * </ul>
 *
 * <p>The file is locked while open ({@link FileChannel#tryLock()}); a second store on it, in this
 * process or another, fails with {@link LedgerLockedException}. Thread-safe: appends are
 * serialised, reads run alongside them.
 */
public final class FileLedgerStore implements LedgerStore {
  /** The name of the ledger file in the store's directory. */
  public static final String FILE_NAME = "ledger.sbl";

  /** The largest record a frame holds: 16 MiB. */
  public static final int MAX_RECORD = 16 << 20;

  static final byte[] FILE_MAGIC = "SBXLEDG\n".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT_VERSION = 1;
  static final int FILE_HEADER = 16;
  static final byte FRAME_MAGIC = (byte) 0xF7;
  static final byte DATA = 'D';
  static final byte MARK = 'M';
  static final int FRAME_HEADER = 10;
  static final int FRAME_TRAILER = 4;
  static final int MARK_PAYLOAD = 16;
  static final int MARK_FRAME = FRAME_HEADER + MARK_PAYLOAD + FRAME_TRAILER;

  private static final System.Logger LOG = System.getLogger(FileLedgerStore.class.getName());

  private final FileChannel channel;
  private final @Nullable FileLock fileLock;
  private final String name;
  private final Recovery recovery;
  private final ReentrantLock appendLock = new ReentrantLock();

  // guarded by appendLock for writes; published through the volatile count for readers
  private long[] offsets;
  private volatile long count;
  private long end;
  private volatile @Nullable Throwable failure;
  private volatile boolean closed;

  private FileLedgerStore(
      FileChannel channel, @Nullable FileLock fileLock, String name, Scan scan) {
    this.channel = channel;
    this.fileLock = fileLock;
    this.name = name;
    this.offsets = scan.offsets;
    this.count = scan.count;
    this.end = scan.end;
    this.recovery = scan.recovery;
  }

  /**
   * Opens (creating if need be) the ledger file in {@code directory}, recovering it.
   *
   * @throws LedgerLockedException if the file is open in another store
   * @throws LedgerCorruptedException if acknowledged bytes are damaged, naming the offset
   * @throws dev.signalbox.core.SignalboxException if the file cannot be read or written
   */
  public static FileLedgerStore open(Path directory) {
    if (directory == null) {
      throw new IllegalArgumentException("directory must not be null");
    }
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      boolean created = !Files.exists(file);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = lock(channel, file.toString());
      FileLedgerStore store = open(channel, lock, file.toString());
      if (created) {
        forceDirectory(directory);
      }
      return store;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new dev.signalbox.core.SignalboxException("cannot open ledger " + file + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** Opens a store over {@code channel}, already locked (tests hand in a channel double). */
  static FileLedgerStore open(FileChannel channel, @Nullable FileLock lock, String name)
      throws IOException {
    Scan scan = recover(channel, name);
    if (scan.recovery.truncated()) {
      LOG.log(
          Level.WARNING,
          "ledger {0}: cut off an unacknowledged tail of {1} bytes ({2}) at offset {3}: {4}",
          name,
          scan.recovery.truncatedBytes(),
          wholeRecords(scan.recovery.droppedRecords()),
          scan.recovery.truncatedAt(),
          scan.recovery.problem().orElse(""));
    }
    return new FileLedgerStore(channel, lock, name, scan);
  }

  private static FileLock lock(FileChannel channel, String file) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new LedgerLockedException(file, "it is already open in this process");
    }
    if (lock == null) {
      throw new LedgerLockedException(
          file, "another process has it open; only one writer may append to a ledger");
    }
    return lock;
  }

  private static void forceDirectory(Path directory) {
    // makes the new file's directory entry durable; not every platform can open a directory
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.DEBUG, "cannot force directory {0}: {1}", directory, e);
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "cannot close ledger channel: {0}", e);
      }
    }
  }

  /** What recovery found. */
  public Recovery recovery() {
    return recovery;
  }

  @Override
  public long append(List<byte[]> records) {
    if (records == null || records.isEmpty()) {
      throw new IllegalArgumentException("records must not be null or empty");
    }
    int total = 0;
    for (int i = 0; i < records.size(); i++) {
      byte[] record = records.get(i);
      if (record == null) {
        throw new IllegalArgumentException("records[" + i + "] must not be null");
      }
      if (record.length > MAX_RECORD) {
        throw new IllegalArgumentException(
            "records[" + i + "] has " + record.length + " bytes, more than " + MAX_RECORD);
      }
      total += FRAME_HEADER + record.length + FRAME_TRAILER;
    }
    appendLock.lock();
    try {
      ensureOpen();
      Throwable failed = failure;
      if (failed != null) {
        throw new LedgerFailedException(
            "ledger " + name + " failed earlier and accepts no more appends: " + failed, failed);
      }
      ByteBuffer data = ByteBuffer.allocate(total);
      long[] positions = new long[records.size()];
      for (int i = 0; i < records.size(); i++) {
        positions[i] = end + data.position();
        frame(data, DATA, records.get(i));
      }
      data.flip();
      long first = count;
      long markAt = end + total;
      long newCount = first + records.size();
      try {
        write(channel, data, end);
        channel.force(false);
        write(channel, markPair(markAt, newCount), markAt);
        channel.force(false);
      } catch (IOException | RuntimeException e) {
        failure = e;
        throw new LedgerFailedException(
            "ledger " + name + " could not make an append durable and accepts no more: " + e, e);
      }
      if (offsets.length < newCount) {
        offsets = Arrays.copyOf(offsets, (int) Math.max(newCount, offsets.length * 2L));
      }
      System.arraycopy(positions, 0, offsets, (int) first, positions.length);
      end = markAt + 2L * MARK_FRAME;
      count = newCount;
      return first;
    } finally {
      appendLock.unlock();
    }
  }

  @Override
  public Stream<byte[]> read(long from) {
    ensureOpen();
    long size = count;
    if (from < 0 || from > size) {
      throw new IndexOutOfBoundsException("from " + from + " outside [0, " + size + "]");
    }
    long[] snapshot;
    appendLock.lock();
    try {
      snapshot = offsets;
    } finally {
      appendLock.unlock();
    }
    return LongStream.range(from, size).mapToObj(i -> readAt(snapshot[(int) i]));
  }

  private byte[] readAt(long offset) {
    ensureOpen();
    try {
      ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER);
      read(channel, header, offset);
      int length = header.getInt(2);
      if (header.get(0) != FRAME_MAGIC
          || header.get(1) != DATA
          || crc(header.array(), 0, 6) != header.getInt(6)
          || length < 0
          || length > MAX_RECORD) {
        throw new LedgerCorruptedException(name, offset, "damaged frame header");
      }
      ByteBuffer payload = ByteBuffer.allocate(length + FRAME_TRAILER);
      read(channel, payload, offset + FRAME_HEADER);
      byte[] bytes = Arrays.copyOf(payload.array(), length);
      if (crc(bytes, 0, length) != payload.getInt(length)) {
        throw new LedgerCorruptedException(name, offset, "payload does not match its CRC32C");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ledger " + name + " at offset " + offset, e);
    }
  }

  @Override
  public long size() {
    return count;
  }

  @Override
  public void close() {
    appendLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (fileLock != null && fileLock.isValid()) {
          fileLock.release();
        }
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "cannot release the lock on {0}: {1}", name, e);
      }
      closeQuietly(channel);
    } finally {
      appendLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "FileLedgerStore[" + name + ", " + count + " records]";
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("ledger " + name + " is closed");
    }
  }

  // ---- frames ----

  static void frame(ByteBuffer out, byte kind, byte[] payload) {
    byte[] header =
        ByteBuffer.allocate(6).put(FRAME_MAGIC).put(kind).putInt(payload.length).array();
    out.put(header).putInt(crc(header, 0, 6));
    out.put(payload);
    out.putInt(crc(payload, 0, payload.length));
  }

  static ByteBuffer markFrame(long position, long records) {
    ByteBuffer payload = ByteBuffer.allocate(MARK_PAYLOAD).putLong(position).putLong(records);
    ByteBuffer frame = ByteBuffer.allocate(MARK_FRAME);
    frame(frame, MARK, payload.array());
    return frame.flip();
  }

  /** Both copies of the marker at {@code position}: two identical marker frames in a row. */
  static ByteBuffer markPair(long position, long records) {
    ByteBuffer copy = markFrame(position, records);
    return ByteBuffer.allocate(2 * MARK_FRAME).put(copy.duplicate()).put(copy).flip();
  }

  static ByteBuffer fileHeader() {
    ByteBuffer header = ByteBuffer.allocate(FILE_HEADER).put(FILE_MAGIC).putInt(FORMAT_VERSION);
    header.putInt(crc(header.array(), 0, 12));
    return header.flip();
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  private static void write(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  /** Reads until {@code buffer} is full, or throws if the file ends first. */
  private static void read(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("unexpected end of file at " + at);
      }
      at += n;
    }
    buffer.flip();
  }

  // ---- recovery ----

  /** The outcome of scanning a file. */
  private static final class Scan {
    long[] offsets = new long[1024];
    long count;
    long end;
    Recovery recovery = new Recovery(0, 0, 0, 0, Optional.empty());
  }

  private static Scan recover(FileChannel channel, String name) throws IOException {
    Scan scan = new Scan();
    long size = channel.size();
    FileBytes bytes = new FileBytes(channel, size);
    byte[] header = bytes.get(0, FILE_HEADER);
    if (header == null
        || !Arrays.equals(header, 0, 8, FILE_MAGIC, 0, 8)
        || crc(header, 0, 12) != ByteBuffer.wrap(header).getInt(12)) {
      long marker = findMarker(bytes, FILE_HEADER);
      if (marker >= 0) {
        throw new LedgerCorruptedException(
            name,
            0,
            "damaged file header; an acknowledged-end marker at offset " + marker + " follows it");
      }
      // the header is forced before anything is appended and no marker follows it: a creation
      // torn by a crash, of a ledger that never acknowledged anything
      channel.truncate(0);
      write(channel, fileHeader(), 0);
      channel.force(true);
      scan.end = FILE_HEADER;
      scan.recovery =
          new Recovery(
              0,
              0,
              size,
              0,
              size == 0 ? Optional.empty() : Optional.of("incomplete or damaged file header"));
      return scan;
    }
    int version = ByteBuffer.wrap(header).getInt(8);
    if (version != FORMAT_VERSION) {
      throw new LedgerCorruptedException(
          name, 8, "format version " + version + ", this library reads " + FORMAT_VERSION);
    }
    long pos = FILE_HEADER;
    long acknowledged = 0;
    long acknowledgedEnd = FILE_HEADER;
    long firstCopyAt = -1; // the offset of the marker frame just read, if the last frame was one
    String problem = null;
    while (pos < size) {
      Frame frame = Frame.at(bytes, pos);
      if (frame.problem != null) {
        problem = frame.problem;
        break;
      }
      if (frame.kind == DATA) {
        if (scan.count == scan.offsets.length) {
          scan.offsets = Arrays.copyOf(scan.offsets, scan.offsets.length * 2);
        }
        scan.offsets[(int) scan.count++] = pos;
        firstCopyAt = -1;
      } else {
        ByteBuffer mark = ByteBuffer.wrap(frame.payload);
        long markedAt = mark.getLong();
        long records = mark.getLong();
        boolean first = markedAt == pos;
        boolean twin = firstCopyAt >= 0 && markedAt == firstCopyAt && pos == markedAt + MARK_FRAME;
        if (!(first || twin) || records != scan.count) {
          problem =
              "acknowledged-end marker says offset "
                  + markedAt
                  + " and "
                  + records
                  + " records, but it lies at "
                  + pos
                  + " after "
                  + scan.count;
          break;
        }
        acknowledged = records;
        acknowledgedEnd = frame.end;
        firstCopyAt = first ? pos : -1;
      }
      pos = frame.end;
    }
    if (problem != null) {
      long marker = findMarker(bytes, pos + 1);
      byte[] copy =
          marker == pos + MARK_FRAME
                  && marker + MARK_FRAME == size
                  && twinOf(bytes, marker, pos, scan.count)
              ? bytes.get(marker, MARK_FRAME)
              : null;
      if (copy != null) {
        // a damaged first copy whose valid twin ends the file: torn by a crash or flipped, the
        // records before it are whole and the twin vouches for them; restore the first copy
        write(channel, ByteBuffer.wrap(copy), pos);
        channel.force(true);
        scan.end = size;
        scan.recovery =
            new Recovery(
                scan.count,
                size,
                0,
                0,
                Optional.of(
                    problem
                        + " in the first copy of the last acknowledged-end marker at offset "
                        + pos
                        + "; rewritten from its valid twin"));
        return scan;
      }
      if (marker >= 0) {
        throw new LedgerCorruptedException(
            name,
            pos,
            problem + "; an acknowledged-end marker at offset " + marker + " follows it");
      }
    }
    long dropped = scan.count - acknowledged;
    if (acknowledgedEnd < size) {
      if (problem == null) {
        problem = wholeRecords(dropped) + " and no acknowledged-end marker after them";
      } else if (dropped > 0) {
        problem =
            problem
                + " at offset "
                + pos
                + ", after "
                + dropped
                + (dropped == 1 ? " unacknowledged record" : " unacknowledged records");
      }
      channel.truncate(acknowledgedEnd);
      channel.force(true);
    }
    scan.count = acknowledged;
    scan.end = acknowledgedEnd;
    scan.recovery =
        new Recovery(
            acknowledged,
            acknowledgedEnd,
            size - acknowledgedEnd,
            dropped,
            Optional.ofNullable(problem));
    return scan;
  }

  /**
   * The offset of the first valid marker frame at or after {@code from} that is a first copy (names
   * its own offset) or a second copy (names the offset of the frame just before it).
   */
  private static long findMarker(FileBytes bytes, long from) throws IOException {
    for (long at = from; at + MARK_FRAME <= bytes.size; at++) {
      byte[] two = bytes.get(at, 2);
      if (two == null || two[0] != FRAME_MAGIC || two[1] != MARK) {
        continue;
      }
      Frame frame = Frame.at(bytes, at);
      if (frame.problem == null && frame.kind == MARK) {
        long markedAt = ByteBuffer.wrap(frame.payload).getLong();
        if (markedAt == at || markedAt == at - MARK_FRAME) {
          return at;
        }
      }
    }
    return -1;
  }

  /**
   * Whether the valid marker frame at {@code at} is the second copy of a marker whose first copy
   * lies at {@code firstAt} and which covers {@code records} records.
   */
  private static boolean twinOf(FileBytes bytes, long at, long firstAt, long records)
      throws IOException {
    Frame frame = Frame.at(bytes, at);
    if (frame.problem != null || frame.kind != MARK) {
      return false;
    }
    ByteBuffer mark = ByteBuffer.wrap(frame.payload);
    return mark.getLong() == firstAt && mark.getLong() == records;
  }

  /** One frame read during recovery: its kind, payload and end, or what is wrong with it. */
  private static final class Frame {
    byte kind;
    byte[] payload = new byte[0];
    long end;
    @Nullable String problem;

    static Frame at(FileBytes bytes, long pos) throws IOException {
      Frame frame = new Frame();
      byte[] header = bytes.get(pos, FRAME_HEADER);
      if (header == null) {
        frame.problem = "incomplete frame header (torn write)";
        return frame;
      }
      ByteBuffer h = ByteBuffer.wrap(header);
      int length = h.getInt(2);
      if (header[0] != FRAME_MAGIC || crc(header, 0, 6) != h.getInt(6)) {
        frame.problem = "frame header does not match its CRC32C";
        return frame;
      }
      frame.kind = header[1];
      if ((frame.kind != DATA && frame.kind != MARK)
          || length < 0
          || length > MAX_RECORD
          || (frame.kind == MARK && length != MARK_PAYLOAD)) {
        frame.problem = "frame header names kind " + frame.kind + " and length " + length;
        return frame;
      }
      byte[] body = bytes.get(pos + FRAME_HEADER, length + FRAME_TRAILER);
      if (body == null) {
        frame.problem = "incomplete frame of " + length + " bytes (torn write)";
        return frame;
      }
      if (crc(body, 0, length) != ByteBuffer.wrap(body).getInt(length)) {
        frame.problem = "payload does not match its CRC32C";
        return frame;
      }
      frame.payload = Arrays.copyOf(body, length);
      frame.end = pos + FRAME_HEADER + length + FRAME_TRAILER;
      return frame;
    }
  }

  /** Sequential-friendly reads of a file during recovery, through a window buffer. */
  private static final class FileBytes {
    private final FileChannel channel;
    final long size;
    private ByteBuffer window = ByteBuffer.allocate(1 << 16);
    private long windowStart = -1;
    private int windowLength;

    FileBytes(FileChannel channel, long size) {
      this.channel = channel;
      this.size = size;
    }

    /** The {@code length} bytes at {@code pos}, or null if the file ends before. */
    byte @Nullable [] get(long pos, int length) throws IOException {
      if (pos < 0 || pos + length > size) {
        return null;
      }
      if (windowStart < 0 || pos < windowStart || pos + length > windowStart + windowLength) {
        if (window.capacity() < length) {
          window = ByteBuffer.allocate(Math.max(length, window.capacity() * 2));
        }
        window.clear();
        int want = (int) Math.min(window.capacity(), size - pos);
        window.limit(want);
        long at = pos;
        while (window.hasRemaining()) {
          int n = channel.read(window, at);
          if (n < 0) {
            break;
          }
          at += n;
        }
        windowStart = pos;
        windowLength = window.position();
        if (windowLength < length) {
          return null;
        }
      }
      byte[] out = new byte[length];
      System.arraycopy(window.array(), (int) (pos - windowStart), out, 0, length);
      return out;
    }
  }

  /** "1 whole record", "2 whole records". */
  private static String wholeRecords(long count) {
    return count + (count == 1 ? " whole record" : " whole records");
  }
}
