package dev.signalbox.git;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.spi.ConflictKind;
import dev.signalbox.core.spi.MergeConflict;
import dev.signalbox.core.spi.VersionControlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A three-way merge of trees that descends only into paths that differ, in memory, giving the tree
 * git's ort merge writes for the same inputs, or the conflicts.
 *
 * <p>Each path is merged as git does when no rename is involved: a side that left a path as in the
 * base takes the other side's version; two changed regular files are merged line by line; anything
 * else that changed on both sides conflicts. git's ort merge also follows renames, which this merge
 * does not; so where a side renamed a file (similar content deleted at one path and added at
 * another, scored more leniently than git does) and the other side touched the old or new path, or
 * added a file in a directory the rename emptied, it reports a conservative {@link
 * ConflictKind#RENAME} conflict instead of a result that might differ from git's.
 *
 * <p>Names are handled as raw bytes (kept in ISO-8859-1 strings, which map bytes to chars one to
 * one and keep their order); conflicts are reported with paths decoded as UTF-8.
 */
final class TreeMerge {
  /** The outcome: the merged tree when clean, else the conflicts. */
  record Result(@Nullable ObjectId tree, List<MergeConflict> conflicts) {
    boolean isClean() {
      return conflicts.isEmpty();
    }
  }

  /** One file-level change: the entry before and after, either absent. */
  private record Delta(@Nullable TreeEntry before, @Nullable TreeEntry after) {}

  /** Git scores renames at 50% similarity; a lower bar catches every rename git would find. */
  private static final int RENAME_SCORE = 30;

  private static final Object CONFLICTED = new Object();

  private final ObjectOverlay objects;
  private final List<MergeConflict> conflicts = new ArrayList<>();

  private TreeMerge(ObjectOverlay objects) {
    this.objects = objects;
  }

  /** Merges {@code ours} and {@code theirs} over {@code base}; all three are tree ids. */
  static Result merge(ObjectOverlay objects, ObjectId base, ObjectId ours, ObjectId theirs)
      throws IOException {
    TreeMerge merge = new TreeMerge(objects);
    if (!ours.equals(theirs) && !base.equals(ours) && !base.equals(theirs)) {
      merge.guardRenames(base, ours, theirs);
    }
    ObjectId tree = merge.mergeTrees("", base, ours, theirs);
    if (!merge.conflicts.isEmpty()) {
      // where a rename is involved, what else the path-by-path merge found there means little
      Set<RepoPath> renamed = new HashSet<>();
      merge.conflicts.stream()
          .filter(conflict -> conflict.kind() == ConflictKind.RENAME)
          .forEach(conflict -> renamed.add(conflict.path()));
      return new Result(
          null,
          merge.conflicts.stream()
              .filter(c -> c.kind() == ConflictKind.RENAME || !renamed.contains(c.path()))
              .toList());
    }
    return new Result(
        tree != null ? tree : objects.put(Constants.OBJ_TREE, new byte[0]), List.of());
  }

  /** The paths of files that differ between two trees, file by file. */
  static List<RepoPath> changedPaths(ObjectOverlay objects, ObjectId from, ObjectId to)
      throws IOException {
    Map<String, Delta> deltas = new TreeMap<>();
    new TreeMerge(objects).diff("", from, to, deltas);
    List<RepoPath> paths = new ArrayList<>();
    deltas.keySet().forEach(raw -> paths.add(repoPath(raw)));
    return paths;
  }

  private @Nullable ObjectId mergeTrees(
      String prefix, @Nullable ObjectId base, @Nullable ObjectId ours, @Nullable ObjectId theirs)
      throws IOException {
    if (Objects.equals(ours, theirs) || Objects.equals(base, ours)) {
      return theirs;
    }
    if (Objects.equals(base, theirs)) {
      return ours;
    }
    Join join = new Join(entries(base), entries(ours), entries(theirs));
    List<TreeEntry> merged = new ArrayList<>(join.size());
    for (TreeEntry[] entries = join.next(); entries != null; entries = join.next()) {
      // most names are the same on all sides, or changed on one: no path, no recursion
      if (same(entries[1], entries[2]) || same(entries[0], entries[1])) {
        addIfPresent(merged, entries[2]);
        continue;
      }
      if (same(entries[0], entries[2])) {
        addIfPresent(merged, entries[1]);
        continue;
      }
      byte[] name = join.name();
      String path = prefix + rawString(name);
      Object file = mergeFile(path, file(entries[0]), file(entries[1]), file(entries[2]));
      ObjectId directory =
          mergeTrees(path + "/", tree(entries[0]), tree(entries[1]), tree(entries[2]));
      if (file instanceof TreeEntry && directory != null) {
        conflict(ConflictKind.FILE_DIRECTORY, path);
      } else if (file instanceof TreeEntry entry) {
        merged.add(entry);
      } else if (directory != null) {
        merged.add(new TreeEntry(name, FileMode.TYPE_TREE, directory));
      }
    }
    if (merged.isEmpty()) {
      return null; // git leaves out emptied directories
    }
    merged.sort(TreeEntry.GIT_ORDER); // joined by name: only trees may need to move
    return objects.put(Constants.OBJ_TREE, TreeEntry.format(merged));
  }

  private static void addIfPresent(List<TreeEntry> merged, @Nullable TreeEntry entry) {
    if (entry != null) {
      merged.add(entry);
    }
  }

  /** Merges one path's non-tree entries: the merged entry, null for absent, or CONFLICTED. */
  private @Nullable Object mergeFile(
      String path, @Nullable TreeEntry base, @Nullable TreeEntry ours, @Nullable TreeEntry theirs)
      throws IOException {
    if (same(ours, theirs) || same(base, ours)) {
      return theirs;
    }
    if (same(base, theirs)) {
      return ours;
    }
    if (ours == null || theirs == null) {
      return conflict(ConflictKind.MODIFY_DELETE, path);
    }
    if (ours.type() != theirs.type()) {
      return conflict(ConflictKind.DISTINCT_TYPES, path);
    }
    if (base == null) {
      return conflict(ConflictKind.ADD_ADD, path);
    }
    if (!ours.isRegularFile() || !base.isRegularFile()) {
      return conflict(ConflictKind.CONTENT, path); // symlinks and submodules do not merge
    }
    ObjectId id;
    if (ours.id().equals(theirs.id()) || base.id().equals(ours.id())) {
      id = theirs.id();
    } else if (base.id().equals(theirs.id())) {
      id = ours.id();
    } else {
      ObjectId merged = mergeContent(base.id(), ours.id(), theirs.id());
      if (merged == null) {
        return conflict(ConflictKind.CONTENT, path);
      }
      id = merged;
    }
    int mode;
    if (ours.mode() == theirs.mode() || base.mode() == ours.mode()) {
      mode = theirs.mode();
    } else if (base.mode() == theirs.mode()) {
      mode = ours.mode();
    } else {
      return conflict(ConflictKind.MODE, path);
    }
    return ours.with(mode, id);
  }

  private @Nullable ObjectId mergeContent(ObjectId base, ObjectId ours, ObjectId theirs)
      throws IOException {
    byte[][] contents = new byte[3][];
    ObjectId[] ids = {base, ours, theirs};
    for (int i = 0; i < 3; i++) {
      try {
        contents[i] = objects.bytes(ids[i], Constants.OBJ_BLOB);
      } catch (LargeObjectException e) {
        return null; // beyond core.bigFileThreshold git does not merge lines either
      }
      if (TextMerge.isBinary(contents[i])) {
        return null;
      }
    }
    byte[] merged = TextMerge.merge(contents[0], contents[1], contents[2]);
    return merged == null ? null : objects.put(Constants.OBJ_BLOB, merged);
  }

  private Object conflict(ConflictKind kind, String rawPath) {
    conflicts.add(new MergeConflict(repoPath(rawPath), kind));
    return CONFLICTED;
  }

  // ---- renames: where following them could change git's result, say so -------------------------

  private void guardRenames(ObjectId base, ObjectId ours, ObjectId theirs) throws IOException {
    Map<String, Delta> oursChanged = new HashMap<>();
    Map<String, Delta> theirsChanged = new HashMap<>();
    diff("", base, ours, oursChanged);
    diff("", base, theirs, theirsChanged);
    guardRenames(oursChanged, ours, theirsChanged);
    guardRenames(theirsChanged, theirs, oursChanged);
  }

  /** Reports the renames of {@code side} whose old or new path the other side touched. */
  private void guardRenames(Map<String, Delta> side, ObjectId sideTree, Map<String, Delta> other)
      throws IOException {
    Map<String, TreeEntry> deleted = new HashMap<>();
    Map<String, TreeEntry> added = new HashMap<>();
    side.forEach(
        (path, delta) -> {
          TreeEntry before = delta.before();
          TreeEntry after = delta.after();
          if (before != null && after == null) {
            deleted.put(path, before);
          } else if (before == null && after != null) {
            added.put(path, after);
          }
        });
    if (deleted.isEmpty() || added.isEmpty()) {
      return;
    }
    List<String> otherAdded = new ArrayList<>();
    other.forEach(
        (path, delta) -> {
          if (delta.before() == null) {
            otherAdded.add(path);
          }
        });
    for (Map.Entry<String, TreeEntry> from : deleted.entrySet()) {
      boolean fromTouched =
          other.containsKey(from.getKey())
              || addsUnderEmptiedDirectory(from.getKey(), sideTree, otherAdded);
      for (Map.Entry<String, TreeEntry> to : added.entrySet()) {
        boolean toTouched = other.containsKey(to.getKey());
        if ((fromTouched || toTouched) && similar(from.getValue(), to.getValue())) {
          conflict(ConflictKind.RENAME, from.getKey());
          if (toTouched) {
            conflict(ConflictKind.RENAME, to.getKey());
          }
        }
      }
    }
  }

  /**
   * Whether the other side added a file under a directory of {@code path} that the renaming side no
   * longer has: git's directory rename detection would move that file.
   */
  private boolean addsUnderEmptiedDirectory(String path, ObjectId sideTree, List<String> otherAdded)
      throws IOException {
    for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      String directory = path.substring(0, slash + 1);
      if (otherAdded.stream().noneMatch(added -> added.startsWith(directory))) {
        continue;
      }
      if (!hasDirectory(sideTree, directory.substring(0, slash))) {
        return true;
      }
    }
    return false;
  }

  private boolean hasDirectory(ObjectId tree, String rawPath) throws IOException {
    ObjectId at = tree;
    for (String segment : rawPath.split("/", -1)) {
      ObjectId next = null;
      for (TreeEntry entry : objects.tree(at)) {
        if (entry.isTree() && Objects.equals(rawString(entry.rawName()), segment)) {
          next = entry.id();
          break;
        }
      }
      if (next == null) {
        return false;
      }
      at = next;
    }
    return true;
  }

  /** Whether git could see a rename from {@code from} to {@code to}: similar enough content. */
  private boolean similar(TreeEntry from, TreeEntry to) throws IOException {
    if (from.id().equals(to.id())) {
      return true;
    }
    if (!from.isRegularFile() || !to.isRegularFile()) {
      return false;
    }
    byte[] a;
    byte[] b;
    try {
      a = objects.bytes(from.id(), Constants.OBJ_BLOB);
      b = objects.bytes(to.id(), Constants.OBJ_BLOB);
    } catch (LargeObjectException e) {
      return true; // too large to score: assume the worst
    }
    int larger = Math.max(a.length, b.length);
    if (larger == 0) {
      return true;
    }
    Map<Integer, Integer> chunks = chunks(a);
    long common = 0;
    for (Map.Entry<Integer, Integer> chunk : chunks(b).entrySet()) {
      common += Math.min(chunk.getValue(), chunks.getOrDefault(chunk.getKey(), 0));
    }
    return common * 100 >= (long) RENAME_SCORE * larger;
  }

  /** Bytes per chunk hash, chunks ending at a newline or after 64 bytes, as git's diffcore does. */
  private static Map<Integer, Integer> chunks(byte[] content) {
    Map<Integer, Integer> bytes = new HashMap<>();
    int start = 0;
    int hash = 0;
    for (int i = 0; i < content.length; i++) {
      hash = hash * 31 + content[i];
      if (content[i] == '\n' || i - start == 63 || i == content.length - 1) {
        bytes.merge(hash, i - start + 1, Integer::sum);
        start = i + 1;
        hash = 0;
      }
    }
    return bytes;
  }

  // ---- trees
  // --------------------------------------------------------------------------------------

  /** Collects, file by file, what differs from tree {@code from} to tree {@code to}. */
  private void diff(
      String prefix, @Nullable ObjectId from, @Nullable ObjectId to, Map<String, Delta> out)
      throws IOException {
    if (Objects.equals(from, to)) {
      return;
    }
    Join join = new Join(entries(from), entries(to), NO_ENTRIES);
    for (TreeEntry[] entries = join.next(); entries != null; entries = join.next()) {
      if (same(entries[0], entries[1])) {
        continue;
      }
      String path = prefix + rawString(join.name());
      TreeEntry before = file(entries[0]);
      TreeEntry after = file(entries[1]);
      if (!same(before, after)) {
        out.put(path, new Delta(before, after));
      }
      diff(path + "/", tree(entries[0]), tree(entries[1]), out);
    }
  }

  private static final TreeEntry[] NO_ENTRIES = new TreeEntry[0];

  /** The entries of a tree in name order; none for a null tree. */
  private TreeEntry[] entries(@Nullable ObjectId id) throws IOException {
    return id == null ? NO_ENTRIES : objects.tree(id);
  }

  /**
   * The entries of three trees joined by name: each call to {@link #next} gives the next name's
   * entries (null where a tree has none), the same array each time. Not thread-safe.
   */
  private static final class Join {
    private final TreeEntry[][] trees;
    private final int[] at = new int[3];
    private final TreeEntry[] current = new TreeEntry[3];
    private byte[] name = new byte[0];

    Join(TreeEntry[] first, TreeEntry[] second, TreeEntry[] third) {
      this.trees = new TreeEntry[][] {first, second, third};
    }

    /** The most names there can be, to size a result. */
    int size() {
      return Math.max(trees[0].length, Math.max(trees[1].length, trees[2].length));
    }

    /** The next name's entries, or null when all names were given. */
    TreeEntry @Nullable [] next() {
      byte @Nullable [] least = null;
      for (int i = 0; i < 3; i++) {
        if (at[i] < trees[i].length) {
          byte[] candidate = trees[i][at[i]].rawName();
          if (least == null || TreeEntry.compareNames(candidate, least) < 0) {
            least = candidate;
          }
        }
      }
      if (least == null) {
        return null;
      }
      for (int i = 0; i < 3; i++) {
        if (at[i] < trees[i].length
            && TreeEntry.compareNames(trees[i][at[i]].rawName(), least) == 0) {
          current[i] = trees[i][at[i]++];
        } else {
          current[i] = null;
        }
      }
      name = least;
      return current;
    }

    /** The raw name of the entries {@link #next} gave last. */
    byte[] name() {
      return name;
    }
  }

  private static @Nullable TreeEntry file(@Nullable TreeEntry entry) {
    return entry == null || entry.isTree() ? null : entry;
  }

  private static @Nullable ObjectId tree(@Nullable TreeEntry entry) {
    return entry != null && entry.isTree() ? entry.id() : null;
  }

  private static boolean same(@Nullable TreeEntry a, @Nullable TreeEntry b) {
    return a == null ? b == null : b != null && TreeEntry.same(a, b);
  }

  private static String rawString(byte[] name) {
    return new String(name, StandardCharsets.ISO_8859_1);
  }

  private static byte[] raw(String rawString) {
    return rawString.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String utf8(String rawString) {
    return new String(raw(rawString), StandardCharsets.UTF_8);
  }

  /** The raw path as a {@link RepoPath}, or a {@link VersionControlException}. */
  private static RepoPath repoPath(String rawPath) {
    return named(utf8(rawPath));
  }

  /** The path as a {@link RepoPath}, or a {@link VersionControlException} if it cannot be one. */
  static RepoPath named(String path) {
    try {
      return RepoPath.of(path);
    } catch (InvalidValueException e) {
      throw new VersionControlException(
          "the repository holds a path Signalbox cannot name: " + e.getMessage(), e);
    }
  }
}
