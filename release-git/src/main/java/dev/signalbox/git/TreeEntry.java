package dev.signalbox.git;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.TreeFormatter;

/** One entry of a git tree: a name (raw bytes), a mode and an object id. Immutable. */
final class TreeEntry {
  /** Git's order of tree entries: by name bytes, a tree's name compared as if it ended in '/'. */
  static final Comparator<TreeEntry> GIT_ORDER = TreeEntry::compareInTree;

  /** The order of names alone, byte by byte, in which entries of several trees are joined. */
  static final Comparator<TreeEntry> NAME_ORDER = (a, b) -> compareNames(a.name, b.name);

  private final byte[] name;
  private final int mode;
  private final ObjectId id;

  TreeEntry(byte[] name, int mode, ObjectId id) {
    this.name = name;
    this.mode = mode;
    this.id = id;
  }

  byte[] rawName() {
    return name;
  }

  int mode() {
    return mode;
  }

  ObjectId id() {
    return id;
  }

  boolean isTree() {
    return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
  }

  boolean isRegularFile() {
    return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
  }

  int type() {
    return mode & FileMode.TYPE_MASK;
  }

  TreeEntry with(int newMode, ObjectId newId) {
    return new TreeEntry(name, newMode, newId);
  }

  /** Whether two entries are the same mode and object. */
  static boolean same(TreeEntry a, TreeEntry b) {
    return a.mode == b.mode && a.id.equals(b.id);
  }

  /** Parses a tree object's raw bytes. */
  static List<TreeEntry> parse(byte[] raw) {
    List<TreeEntry> entries = new ArrayList<>();
    int at = 0;
    while (at < raw.length) {
      int mode = 0;
      while (raw[at] != ' ') {
        mode = (mode << 3) + (raw[at++] - '0');
      }
      at++;
      int nameStart = at;
      while (raw[at] != 0) {
        at++;
      }
      byte[] name = Arrays.copyOfRange(raw, nameStart, at);
      at++;
      entries.add(new TreeEntry(name, mode, ObjectId.fromRaw(raw, at)));
      at += Constants.OBJECT_ID_LENGTH;
    }
    return entries;
  }

  /** Formats entries, which must be in {@link #GIT_ORDER}, as a tree object's raw bytes. */
  static byte[] format(List<TreeEntry> entries) {
    TreeFormatter formatter = new TreeFormatter();
    for (TreeEntry entry : entries) {
      formatter.append(entry.name, FileMode.fromBits(entry.mode), entry.id);
    }
    return formatter.toByteArray();
  }

  /** Compares two raw names byte by byte, unsigned, a prefix first. */
  static int compareNames(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  private static int compareInTree(TreeEntry a, TreeEntry b) {
    int length = Math.min(a.name.length, b.name.length);
    for (int i = 0; i < length; i++) {
      int c = (a.name[i] & 0xff) - (b.name[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    int nextA = a.name.length > length ? a.name[length] & 0xff : (a.isTree() ? '/' : 0);
    int nextB = b.name.length > length ? b.name[length] & 0xff : (b.isTree() ? '/' : 0);
    return nextA - nextB;
  }
}
