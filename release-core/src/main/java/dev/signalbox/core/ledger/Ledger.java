package dev.signalbox.core.ledger;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.Sha256;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.InvalidDocumentException;
import dev.signalbox.core.ledger.LedgerEvent.EmergencyPostReviewDone;
import dev.signalbox.core.ledger.LedgerEvent.EmergencyPostReviewDue;
import dev.signalbox.core.ledger.LedgerEvent.PolicyAdopted;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.signing.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The append-only, tamper-evident record of a team's releases, over any {@link LedgerStore}.
 *
 * <p>Each entry is a JSON document (with its format version) holding its sequence number, the time
 * it was recorded, the hash of the entry before it and a {@link LedgerEvent}; its hash is the
 * SHA-256 of those bytes, so that changing any entry breaks the chain after it. The entries are
 * also the leaves of an RFC 6962 Merkle tree, from which the ledger gives inclusion and consistency
 * proofs and signs checkpoints (C2SP tlog-checkpoint notes) that others can keep and check later.
 *
 * <p>Appends from several threads are gathered into batches, each made durable by one store append
 * (group commit); each call returns once its entry is durable. A {@link PolicyAdopted} whose digest
 * the ledger already holds is not stored again: its receipt is the first one's. Opening reads every
 * entry, checks the chain and rebuilds the tree and the indexes by change and train.
 *
 * <p>Thread-safe. Closing the ledger closes its store.
 */
public final class Ledger implements AutoCloseable {
  private static final DocumentCodec JSON = DocumentCodec.json();

  private final LedgerStore store;
  private final Clock clock;
  private final Signer checkpointSigner;
  private final String origin;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition committed = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean committing;
  private @Nullable RuntimeException failure;
  private boolean closed;

  // guarded by lock; changed only while publishing a committed batch
  private final MerkleTree tree = new MerkleTree();
  private String lastHash = LedgerRecord.GENESIS;
  private @Nullable Instant lastRecordedAt;
  private final List<Instant> times = new ArrayList<>();
  private final Map<ChangeRef, List<Long>> byChange = new HashMap<>();
  private final Map<TrainId, List<Long>> byTrain = new HashMap<>();
  private final Map<PolicyDigest, Receipt> policies = new HashMap<>();
  private final Map<ChangeRef, EmergencyPostReviewDue> reviewsOwed = new LinkedHashMap<>();

  /** One append waiting for its batch. */
  private static final class Pending {
    final LedgerEvent event;
    @Nullable Receipt receipt;
    @Nullable RuntimeException error;

    Pending(LedgerEvent event) {
      this.event = event;
    }

    boolean done() {
      return receipt != null || error != null;
    }
  }

  /** An entry built by the committing thread, published once durable. */
  private static final class Built {
    private final LedgerRecord record;
    private final byte[] bytes;
    private final String hash;

    Built(LedgerRecord record, byte[] bytes, String hash) {
      this.record = record;
      this.bytes = bytes;
      this.hash = hash;
    }

    LedgerRecord record() {
      return record;
    }

    byte[] bytes() {
      return bytes;
    }

    String hash() {
      return hash;
    }
  }

  private Ledger(LedgerStore store, Clock clock, Signer checkpointSigner, String origin) {
    this.store = store;
    this.clock = clock;
    this.checkpointSigner = checkpointSigner;
    this.origin = origin;
  }

  /** Starts building a ledger over {@code store}. */
  public static Builder builder(LedgerStore store) {
    return new Builder(store);
  }

  /**
   * The embedded file store in {@code directory}: see {@link FileLedgerStore#open(Path)}.
   *
   * @throws LedgerLockedException if another store has the file open
   * @throws LedgerCorruptedException if acknowledged bytes are damaged
   */
  public static FileLedgerStore fileStore(Path directory) {
    return FileLedgerStore.open(directory);
  }

  /** Builds a {@link Ledger}; not thread-safe, and each setting may be given once. */
  public static final class Builder {
    private final LedgerStore store;
    private @Nullable Clock clock;
    private @Nullable Signer signer;
    private @Nullable String origin;

    private Builder(LedgerStore store) {
      this.store = Checks.present(Ledger.class, "store", store);
    }

    /** The clock entries are stamped with; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      Checks.present(Ledger.class, "clock", clock);
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set to " + this.clock);
      }
      this.clock = clock;
      return this;
    }

    /**
     * The key that signs checkpoints, and the ledger's origin line (also the key's name in the
     * notes), such as {@code signalbox.dev/acme/releases}. Required.
     */
    public Builder checkpoints(Signer signer, String origin) {
      Checks.present(Ledger.class, "signer", signer);
      Checks.token(Ledger.class, "origin", origin);
      if (this.signer != null) {
        throw new IllegalStateException("checkpoints were already set to " + this.origin);
      }
      this.signer = signer;
      this.origin = origin;
      return this;
    }

    /**
     * Opens the ledger: reads every entry, checks the hash chain and rebuilds the Merkle tree.
     *
     * @throws IllegalStateException if no checkpoint signer was given
     * @throws LedgerCorruptedException if an entry does not parse, is out of sequence or breaks the
     *     chain, naming its index
     */
    public Ledger open() {
      if (signer == null || origin == null) {
        throw new IllegalStateException("a ledger needs checkpoints(signer, origin)");
      }
      Ledger ledger = new Ledger(store, clock == null ? Clock.systemUTC() : clock, signer, origin);
      ledger.load();
      return ledger;
    }
  }

  private void load() {
    try (Stream<byte[]> records = store.read(0)) {
      long[] index = {0};
      records.forEachOrdered(
          bytes -> {
            long i = index[0]++;
            LedgerRecord record = parse(bytes, i);
            String hash = Sha256.hex(bytes);
            if (record.sequence() != i) {
              throw new LedgerCorruptedException(
                  "store", i, "entry " + i + " says it is entry " + record.sequence());
            }
            if (!record.previousHash().equals(lastHash)) {
              throw new LedgerCorruptedException(
                  "store", i, "entry " + i + " does not chain to the hash of entry " + (i - 1));
            }
            publish(new Built(record, bytes, hash));
          });
    }
  }

  private static LedgerRecord parse(byte[] bytes, long index) {
    try {
      return JSON.read(new String(bytes, StandardCharsets.UTF_8), LedgerRecord.class);
    } catch (InvalidDocumentException e) {
      throw new LedgerCorruptedException(
          "store", index, "entry " + index + " is not a ledger record: " + e.getMessage());
    }
  }

  /**
   * Appends {@code event} and returns once it is durable.
   *
   * @throws LedgerFailedException if the store failed (now or before)
   * @throws IllegalStateException if the ledger is closed
   * @throws InvalidValueException if {@code event} is null
   */
  public Receipt append(LedgerEvent event) {
    Checks.present(Ledger.class, "event", event);
    return appendAll(List.of(event)).get(0);
  }

  /**
   * Appends {@code events} in order, as consecutive entries, and returns once all are durable: a
   * train's departure records its entries this way.
   *
   * @return a receipt per event, in order
   * @throws LedgerFailedException if the store failed (now or before)
   * @throws IllegalStateException if the ledger is closed
   * @throws InvalidValueException if {@code events} is null or holds a null
   */
  public List<Receipt> appendAll(List<LedgerEvent> events) {
    List<LedgerEvent> list = Checks.list(Ledger.class, "events", events);
    if (list.isEmpty()) {
      return List.of();
    }
    List<Pending> mine = new ArrayList<>(list.size());
    list.forEach(event -> mine.add(new Pending(event)));
    lock.lock();
    try {
      ensureUsable();
      queue.addAll(mine);
      while (!mine.get(mine.size() - 1).done()) {
        if (committing) {
          committed.awaitUninterruptibly();
          continue;
        }
        commitQueue();
      }
      List<Receipt> receipts = new ArrayList<>(mine.size());
      for (Pending pending : mine) {
        RuntimeException error = pending.error;
        Receipt receipt = pending.receipt;
        if (error != null || receipt == null) {
          throw error != null
              ? error
              : new IllegalStateException("append finished without a receipt");
        }
        receipts.add(receipt);
      }
      return receipts;
    } finally {
      lock.unlock();
    }
  }

  /** Commits everything queued; called with the lock held, releases it while storing. */
  private void commitQueue() {
    committing = true;
    List<Pending> batch = new ArrayList<>(queue);
    queue.clear();
    List<Built> built = new ArrayList<>();
    Set<PolicyDigest> adoptedHere = new HashSet<>();
    String previous = lastHash;
    Instant at = lastRecordedAt;
    long sequence = tree.size();
    RuntimeException error = null;
    lock.unlock();
    try {
      List<byte[]> bytes = new ArrayList<>();
      for (Pending pending : batch) {
        if (pending.event instanceof PolicyAdopted adopted
            && (policies.containsKey(adopted.digest()) || adoptedHere.contains(adopted.digest()))) {
          continue;
        }
        Instant now = clock.instant();
        at = at == null || now.isAfter(at) ? now : at;
        LedgerRecord record = new LedgerRecord(sequence++, at, previous, pending.event);
        byte[] stored = JSON.write(record).getBytes(StandardCharsets.UTF_8);
        previous = Sha256.hex(stored);
        built.add(new Built(record, stored, previous));
        bytes.add(stored);
        if (pending.event instanceof PolicyAdopted adopted) {
          adoptedHere.add(adopted.digest());
        }
      }
      if (!bytes.isEmpty()) {
        long first = store.append(bytes);
        if (first != built.get(0).record().sequence()) {
          // another writer appended to the store: the chain no longer matches its numbering
          throw new LedgerFailedException(
              "the store numbered the batch from "
                  + first
                  + ", the ledger from "
                  + built.get(0).record().sequence(),
              null);
        }
      }
    } catch (RuntimeException e) {
      error =
          e instanceof LedgerFailedException
              ? e
              : new LedgerFailedException("ledger append failed: " + e, e);
    } finally {
      lock.lock();
    }
    if (error != null) {
      failure = error;
      for (Pending pending : batch) {
        pending.error = error;
      }
    } else {
      int next = 0;
      for (Pending pending : batch) {
        if (pending.event instanceof PolicyAdopted adopted
            && policies.containsKey(adopted.digest())) {
          pending.receipt = policies.get(adopted.digest());
          continue;
        }
        Built entry = built.get(next++);
        publish(entry);
        pending.receipt = receipt(entry);
      }
    }
    committing = false;
    committed.signalAll();
  }

  private static Receipt receipt(Built entry) {
    return new Receipt(entry.record().sequence(), entry.hash(), entry.record().recordedAt());
  }

  /** Adds a durable entry to the tree and indexes; lock held (or during load). */
  private void publish(Built entry) {
    LedgerRecord record = entry.record();
    long sequence = record.sequence();
    tree.append(MerkleTree.leafHash(entry.bytes()));
    lastHash = entry.hash();
    lastRecordedAt = record.recordedAt();
    times.add(record.recordedAt());
    LedgerEvent event = record.event();
    for (ChangeRef change : event.changesConcerned()) {
      byChange.computeIfAbsent(change, c -> new ArrayList<>()).add(sequence);
    }
    event
        .trainConcerned()
        .ifPresent(train -> byTrain.computeIfAbsent(train, t -> new ArrayList<>()).add(sequence));
    if (event instanceof PolicyAdopted adopted) {
      policies.putIfAbsent(adopted.digest(), receipt(entry));
    } else if (event instanceof EmergencyPostReviewDue due) {
      reviewsOwed.put(due.change(), due);
    } else if (event instanceof EmergencyPostReviewDone done) {
      reviewsOwed.remove(done.change());
    }
  }

  private void ensureUsable() {
    if (closed) {
      throw new IllegalStateException("the ledger is closed");
    }
    RuntimeException failed = failure;
    if (failed != null) {
      throw new LedgerFailedException("the ledger failed earlier: " + failed.getMessage(), failed);
    }
  }

  /** The number of entries. */
  public long size() {
    lock.lock();
    try {
      return tree.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The entries {@code query} selects, in order. The stream reads from the store lazily.
   *
   * @throws LedgerCorruptedException (from the stream) if a stored entry is damaged
   */
  public Stream<LedgerEntry> read(LedgerQuery query) {
    Checks.present(Ledger.class, "query", query);
    LongStream indexes;
    lock.lock();
    try {
      ensureOpen();
      long size = tree.size();
      List<Long> candidates = null;
      if (query.change().isPresent()) {
        candidates = byChange.getOrDefault(query.change().get(), List.of());
      }
      if (query.train().isPresent()) {
        List<Long> byThisTrain = byTrain.getOrDefault(query.train().get(), List.of());
        candidates =
            candidates == null
                ? byThisTrain
                : candidates.stream().filter(new HashSet<>(byThisTrain)::contains).toList();
      }
      if (candidates != null) {
        indexes = List.copyOf(candidates).stream().mapToLong(Long::longValue);
      } else {
        long first = query.from().map(f -> lowerBound(f)).orElse(0L);
        long last = query.until().map(u -> lowerBound(u)).orElse(size);
        indexes = LongStream.range(first, Math.max(first, last));
      }
    } finally {
      lock.unlock();
    }
    return indexes.mapToObj(this::entry).filter(query::matches);
  }

  /** The first index whose time is at or after {@code at}; lock held. */
  private long lowerBound(Instant at) {
    int found = Collections.binarySearch(times, at, Comparator.naturalOrder());
    int index = found >= 0 ? found : -found - 1;
    while (index > 0 && times.get(index - 1).equals(at)) {
      index--;
    }
    return index;
  }

  /**
   * The entry at {@code sequence}.
   *
   * @throws IndexOutOfBoundsException if there is none
   */
  public LedgerEntry entry(long sequence) {
    byte[] bytes;
    try (Stream<byte[]> records = store.read(sequence)) {
      bytes =
          records
              .findFirst()
              .orElseThrow(() -> new IndexOutOfBoundsException("no entry " + sequence));
    }
    LedgerRecord record = parse(bytes, sequence);
    return new LedgerEntry(
        record.sequence(),
        record.recordedAt(),
        record.previousHash(),
        Sha256.hex(bytes),
        record.event());
  }

  /** The emergency post-reviews due before {@code now} and not yet done, oldest due first. */
  public List<EmergencyPostReviewDue> overduePostReviews(Instant now) {
    Checks.instant(Ledger.class, "now", now);
    lock.lock();
    try {
      return reviewsOwed.values().stream()
          .filter(due -> due.dueBy().isBefore(now))
          .sorted(Comparator.comparing(EmergencyPostReviewDue::dueBy))
          .toList();
    } finally {
      lock.unlock();
    }
  }

  /** The RFC 6962 leaf hash of entry {@code sequence}, standard base64. */
  public String leafHash(long sequence) {
    lock.lock();
    try {
      if (sequence < 0 || sequence >= tree.size()) {
        throw new IndexOutOfBoundsException("no entry " + sequence);
      }
      return MerkleProofs.encode(tree.leaf(sequence));
    } finally {
      lock.unlock();
    }
  }

  /** The Merkle root of the first {@code size} entries, standard base64. */
  public String rootHash(long size) {
    lock.lock();
    try {
      return MerkleProofs.encode(tree.root(size));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The proof that entry {@code sequence} is in the tree of the first {@code treeSize} entries.
   *
   * @throws IndexOutOfBoundsException if it is not
   */
  public InclusionProof inclusionProof(long sequence, long treeSize) {
    lock.lock();
    try {
      return new InclusionProof(
          sequence, treeSize, MerkleProofs.encodeAll(tree.inclusionProof(sequence, treeSize)));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The proof that the first {@code oldSize} entries are unchanged in the first {@code newSize}.
   *
   * @throws IndexOutOfBoundsException unless {@code 1 <= oldSize <= newSize <= size()}
   */
  public ConsistencyProof consistencyProof(long oldSize, long newSize) {
    lock.lock();
    try {
      return new ConsistencyProof(
          oldSize, newSize, MerkleProofs.encodeAll(tree.consistencyProof(oldSize, newSize)));
    } finally {
      lock.unlock();
    }
  }

  /** A signed checkpoint of the ledger as it is now. */
  public Checkpoint checkpoint() {
    lock.lock();
    try {
      ensureOpen();
      return Checkpoint.sign(origin, tree.size(), tree.root(tree.size()), checkpointSigner);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Checks the whole ledger: every stored entry is read again (the store checks its checksums),
   * parsed, in sequence and chained to the one before; the Merkle tree rebuilt from the stored
   * bytes matches the one kept; and each of {@code checkpoints} is signed by this ledger's key,
   * names its origin, and matches the tree at its size (so the ledger was only ever appended to
   * since).
   */
  public VerificationReport verify(List<Checkpoint> checkpoints) {
    List<Checkpoint> toCheck = Checks.list(Ledger.class, "checkpoints", checkpoints);
    List<String> problems = new ArrayList<>();
    // the entries the ledger holds now; appends made while verifying are left for next time
    long size = size();
    byte[] root = rootBytes(size);
    MerkleTree rebuilt = new MerkleTree();
    String[] previous = {LedgerRecord.GENESIS};
    try (Stream<byte[]> records = store.read(0)) {
      records
          .limit(size)
          .forEachOrdered(
              bytes -> {
                long i = rebuilt.size();
                rebuilt.append(MerkleTree.leafHash(bytes));
                try {
                  LedgerRecord record = parse(bytes, i);
                  if (record.sequence() != i) {
                    problems.add("entry " + i + " says it is entry " + record.sequence());
                  }
                  if (!record.previousHash().equals(previous[0])) {
                    problems.add("entry " + i + " does not chain to entry " + (i - 1));
                  }
                } catch (LedgerCorruptedException e) {
                  problems.add(e.getMessage());
                }
                previous[0] = Sha256.hex(bytes);
              });
    } catch (LedgerCorruptedException e) {
      problems.add(e.getMessage());
    }
    if (rebuilt.size() != size) {
      problems.add("the store holds " + rebuilt.size() + " entries, the ledger " + size);
    } else if (!Arrays.equals(rebuilt.root(size), root)) {
      problems.add("the Merkle root of the stored entries differs from the ledger's");
    }
    for (Checkpoint checkpoint : toCheck) {
      String name = "checkpoint of size " + checkpoint.size();
      if (!checkpoint.origin().equals(origin)) {
        problems.add(name + " is for origin " + checkpoint.origin() + ", not " + origin);
      } else if (!checkpoint.verify(checkpointSigner.publicKey())) {
        problems.add(name + " is not signed by this ledger's key");
      } else if (checkpoint.size() > rebuilt.size()) {
        problems.add(name + " is beyond the " + rebuilt.size() + " entries stored");
      } else if (!MerkleProofs.encode(rebuilt.root(checkpoint.size()))
          .equals(checkpoint.rootHash())) {
        problems.add(name + " does not match the stored entries: history was rewritten");
      }
    }
    return new VerificationReport(rebuilt.size(), toCheck.size(), problems);
  }

  private byte[] rootBytes(long size) {
    lock.lock();
    try {
      return tree.root(size);
    } finally {
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the ledger is closed");
    }
  }

  /** Closes the ledger and its store; idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      lock.unlock();
    }
    store.close();
  }

  /** The digest and first receipt of every policy adopted. */
  public Map<PolicyDigest, Receipt> policies() {
    lock.lock();
    try {
      return Map.copyOf(policies);
    } finally {
      lock.unlock();
    }
  }

  /** The origin line of this ledger's checkpoints. */
  public String origin() {
    return origin;
  }
}
