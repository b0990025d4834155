package dev.signalbox.git;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.jspecify.annotations.Nullable;

/**
 * The repository's objects with the objects a merge made in memory laid over them: merges read
 * through it and "insert" into it, and nothing reaches the repository unless {@link #writeTo} is
 * called. One per call; not thread-safe.
 */
final class ObjectOverlay {
  /** Git's core.bigFileThreshold: larger blobs are not merged line by line. */
  static final int BIG_FILE_THRESHOLD = 512 << 20;

  private final ObjectReader reader;
  private final SimulatedObjects remembered;
  private final Map<ObjectId, SimulatedObjects.Stored> made = new HashMap<>();
  private final Map<ObjectId, TreeEntry[]> parsedTrees = new HashMap<>();
  private final MessageDigest sha1 = Constants.newMessageDigest();

  ObjectOverlay(ObjectReader reader, SimulatedObjects remembered) {
    this.reader = reader;
    this.remembered = remembered;
  }

  /** Hashes {@code data} as an object of {@code type} and keeps it in memory. */
  ObjectId put(int type, byte[] data) {
    ObjectId id = idFor(type, data);
    made.putIfAbsent(id, new SimulatedObjects.Stored(type, data));
    return id;
  }

  /**
   * The object id git gives {@code data} as an object of {@code type}: the SHA-1 of its header and
   * content, with the JDK's SHA-1 (which uses the processor's SHA instructions where there are
   * some). JGit's own hashes with collision detection, which guards against objects crafted by
   * others; the objects hashed here are merges made from the repository's own objects.
   */
  private ObjectId idFor(int type, byte[] data) {
    sha1.update(Constants.encodedTypeString(type));
    sha1.update((byte) ' ');
    sha1.update(Constants.encodeASCII(data.length));
    sha1.update((byte) 0);
    sha1.update(data);
    return ObjectId.fromRaw(sha1.digest());
  }

  /**
   * The entries of the tree {@code id} in {@link TreeEntry#NAME_ORDER}, parsed once per overlay;
   * the caller must not change the array.
   */
  TreeEntry[] tree(AnyObjectId id) throws IOException {
    ObjectId key = id.toObjectId();
    TreeEntry[] entries = parsedTrees.get(key);
    if (entries == null) {
      entries = TreeEntry.parse(bytes(key, Constants.OBJ_TREE)).toArray(new TreeEntry[0]);
      Arrays.sort(entries, TreeEntry.NAME_ORDER); // git's order but for trees: nearly sorted
      parsedTrees.put(key, entries);
    }
    return entries;
  }

  /** The raw content of {@code id}, which must be an object of {@code type}. */
  byte[] bytes(AnyObjectId id, int type) throws IOException {
    ObjectId key = id.toObjectId();
    SimulatedObjects.Stored stored = stored(key);
    if (stored != null) {
      if (stored.type() != type) {
        throw new MissingObjectException(key, type);
      }
      return stored.data();
    }
    return reader.open(key, type).getCachedBytes(BIG_FILE_THRESHOLD);
  }

  /** Whether {@code id} is a tree, here or in the repository. */
  boolean isTree(AnyObjectId id) throws IOException {
    SimulatedObjects.Stored stored = stored(id.toObjectId());
    if (stored != null) {
      return stored.type() == Constants.OBJ_TREE;
    }
    return reader.has(id, Constants.OBJ_TREE) && reader.open(id).getType() == Constants.OBJ_TREE;
  }

  /** Hands the objects made here to the adapter's memory, for later calls to name. */
  void remember() {
    remembered.keep(made);
  }

  /** Writes the objects made here to the repository. */
  void writeTo(ObjectInserter inserter) throws IOException {
    for (Map.Entry<ObjectId, SimulatedObjects.Stored> entry : made.entrySet()) {
      inserter.insert(entry.getValue().type(), entry.getValue().data());
    }
  }

  private SimulatedObjects.@Nullable Stored stored(ObjectId id) {
    SimulatedObjects.Stored stored = made.get(id);
    return stored != null ? stored : remembered.get(id);
  }
}
