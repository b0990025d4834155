package dev.signalbox.core.train;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.FileChange;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths the boarded cars touch, each with the last merge group that touches it, so that a new
 * car finds the groups it overlaps in time proportional to its own paths and their depth, never by
 * comparing it with every other car.
 *
 * <p>Two paths overlap when they are in the same repository and equal, or one is a directory above
 * the other (a file replaced by a directory of that name). A renamed file touches both its old and
 * its new path.
 *
 * <p>Paths are interned once per planning: each distinct path of a repository, and each directory
 * above one, gets a small int id and the id of its parent directory ({@link #intern}). A round then
 * keeps, per id, the last group that touches it as a file and the last group that touches a file
 * below it. An id's three ints (those two and its parent's id) sit side by side in a slot of four
 * ints of one array, so that a slot is found with a shift and placing a car costs about one cache
 * miss per path (the directories above are few and stay cached), no hashing and no allocation. Not
 * thread-safe.
 */
final class PathIndex {
  private static final int[] NONE = new int[0];

  /** Offsets in an id's slot: 1 + the last group touching it as a file (0: none). */
  private static final int FILE = 0;

  /** 1 + the last group touching a file below it (0: none). */
  private static final int BELOW = 1;

  /** The id of the directory just above it, or -1 at the top. */
  private static final int PARENT = 2;

  /** Ints per slot: the three above and one unused, so an id's slot starts at {@code id << 2}. */
  private static final int STRIDE = 4;

  /** Per repository, the id of each path and directory interned. */
  private final Map<String, Map<String, Integer>> ids = new HashMap<>();

  /** The slots of the ids, {@link #STRIDE} ints each. */
  private int[] slots = new int[1024 * STRIDE];

  private int size;

  /**
   * The ids of the paths {@code change} touches, old paths of renames included, interning those not
   * seen before.
   */
  int[] intern(ChangeRequest change) {
    List<FileChange> files = change.changes().files();
    if (files.isEmpty()) {
      return NONE;
    }
    Map<String, Integer> table = ids.computeIfAbsent(change.repository(), r -> new HashMap<>());
    int count = files.size();
    for (FileChange file : files) {
      count += file.oldPath().isPresent() ? 1 : 0;
    }
    int[] paths = new int[count];
    int i = 0;
    for (FileChange file : files) {
      paths[i++] = id(table, file.path().value());
      if (file.oldPath().isPresent()) {
        paths[i++] = id(table, file.oldPath().get().value());
      }
    }
    return paths;
  }

  /**
   * The id of {@code path} in {@code repository}, or -1 if it was never interned. A path is
   * interned when a car touches it or a file below it, so the id may be that of a directory no car
   * touches itself (its slot then records only the groups below it).
   */
  int find(String repository, String path) {
    Map<String, Integer> table = ids.get(repository);
    Integer id = table == null ? null : table.get(path);
    return id == null ? -1 : id;
  }

  /** The id of {@code path}, interning it and the directories above it if they are new. */
  private int id(Map<String, Integer> table, String path) {
    Integer known = table.get(path);
    if (known != null) {
      return known;
    }
    // up to the nearest directory interned already (or the top), then down, interning each level
    int parent = -1;
    int slash = path.lastIndexOf('/');
    while (slash >= 0) {
      Integer above = table.get(path.substring(0, slash));
      if (above != null) {
        parent = above;
        break;
      }
      slash = slash == 0 ? -1 : path.lastIndexOf('/', slash - 1);
    }
    for (int next = path.indexOf('/', slash + 1); next >= 0; next = path.indexOf('/', next + 1)) {
      parent = newId(table, path.substring(0, next), parent);
    }
    return newId(table, path, parent);
  }

  /** A new id for {@code path}, whose directory has the id {@code parent} (-1: at the top). */
  private int newId(Map<String, Integer> table, String path, int parent) {
    if ((size + 1) * STRIDE > slots.length) {
      slots = Arrays.copyOf(slots, slots.length * 2);
    }
    int id = size++;
    slots[id * STRIDE + FILE] = 0;
    slots[id * STRIDE + BELOW] = 0;
    slots[id * STRIDE + PARENT] = parent;
    table.put(path, id);
    return id;
  }

  /** The number of ids interned, paths and directories above them. */
  int size() {
    return size;
  }

  /** Forgets the groups, keeping the ids: the start of a round. */
  void clear() {
    for (int at = 0; at < size * STRIDE; at += STRIDE) {
      slots[at + FILE] = 0;
      slots[at + BELOW] = 0;
    }
  }

  /** The last group a path of {@code paths} overlaps, or -1 if none does. */
  int lastGroup(int[] paths) {
    int last = 0;
    for (int path : paths) {
      int at = path * STRIDE;
      last = Math.max(last, Math.max(slots[at + FILE], slots[at + BELOW]));
      for (int up = slots[at + PARENT]; up >= 0; up = slots[up * STRIDE + PARENT]) {
        last = Math.max(last, slots[up * STRIDE + FILE]);
      }
    }
    return last - 1;
  }

  /** Records that group {@code group} touches {@code paths}. */
  void add(int[] paths, int group) {
    int mark = group + 1;
    for (int path : paths) {
      int at = path * STRIDE;
      slots[at + FILE] = Math.max(slots[at + FILE], mark);
      for (int up = slots[at + PARENT]; up >= 0; up = slots[up * STRIDE + PARENT]) {
        slots[up * STRIDE + BELOW] = Math.max(slots[up * STRIDE + BELOW], mark);
      }
    }
  }
}
