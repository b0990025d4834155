package dev.signalbox.git.risk;

import dev.signalbox.git.internal.GitLineCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A commit's files as {@code git log --numstat} with rename detection reports them, computed with
 * JGit: git's own line counts ({@link GitLineCounts}), a file binary when either side has a NUL in
 * its first 8,000 bytes, and a blob missing from the object store (a partial clone) counted as
 * binary rather than failing.
 *
 * <p>Not thread-safe: one instance per reader.
 */
final class Numstat {
  private static final int BINARY_PROBE = 8000;
  private static final int RENAME_SCORE = 50;
  private static final int RENAME_LIMIT = 1000;
  private static final long MAX_TEXT_BYTES = 64L << 20;

  private static final DiffConfig DIFF_CONFIG = new Config().get(DiffConfig.KEY);

  private final ObjectReader reader;

  Numstat(ObjectReader reader) {
    this.reader = reader;
  }

  /** The files {@code commit} changes relative to its first parent (or to nothing for a root). */
  List<FileChange> files(RevCommit commit) throws IOException {
    return files(
        commit.getParentCount() == 0 ? null : commit.getParent(0).getTree(), commit.getTree());
  }

  /** The files that differ from {@code fromTree} (nothing when null) to {@code toTree}. */
  List<FileChange> files(
      @org.jspecify.annotations.Nullable AnyObjectId fromTree, AnyObjectId toTree)
      throws IOException {
    List<DiffEntry> entries;
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.setRecursive(true);
      if (fromTree == null) {
        walk.addTree(new EmptyTreeIterator());
      } else {
        CanonicalTreeParser parent = new CanonicalTreeParser();
        parent.reset(reader, fromTree);
        walk.addTree(parent);
      }
      walk.addTree(toTree);
      walk.setFilter(TreeFilter.ANY_DIFF);
      entries = DiffEntry.scan(walk);
    }
    entries = detectRenames(entries);
    List<FileChange> files = new ArrayList<>(entries.size());
    for (DiffEntry entry : entries) {
      files.add(count(entry));
    }
    files.sort(Comparator.comparing(FileChange::path));
    return files;
  }

  private List<DiffEntry> detectRenames(List<DiffEntry> entries) throws IOException {
    boolean adds = false;
    boolean deletes = false;
    for (DiffEntry entry : entries) {
      adds |= entry.getChangeType() == DiffEntry.ChangeType.ADD;
      deletes |= entry.getChangeType() == DiffEntry.ChangeType.DELETE;
    }
    if (!adds || !deletes) {
      return entries;
    }
    RenameDetector renames = new RenameDetector(reader, DIFF_CONFIG);
    renames.setRenameScore(RENAME_SCORE);
    renames.setRenameLimit(RENAME_LIMIT);
    renames.addAll(entries);
    try {
      return renames.compute();
    } catch (MissingObjectException e) {
      // A partial clone lacks some blobs: keep the exact renames only, which need no content.
      RenameDetector exact = new RenameDetector(reader, DIFF_CONFIG);
      exact.setRenameScore(100);
      exact.setRenameLimit(1);
      exact.addAll(entries);
      try {
        return exact.compute();
      } catch (MissingObjectException again) {
        return entries;
      }
    }
  }

  private FileChange count(DiffEntry entry) throws IOException {
    switch (entry.getChangeType()) {
      case ADD, COPY -> {
        // git without copy detection pairs a source with one destination at most; JGit marks the
        // others copies, which git reports as new files.
        byte[] content = content(entry.getNewId(), entry.getNewMode());
        return content == null || binary(content)
            ? new FileChange(entry.getNewPath(), 0, 0, true)
            : new FileChange(entry.getNewPath(), GitLineCounts.lines(content), 0, false);
      }
      case DELETE -> {
        byte[] content = content(entry.getOldId(), entry.getOldMode());
        return content == null || binary(content)
            ? new FileChange(entry.getOldPath(), 0, 0, true)
            : new FileChange(entry.getOldPath(), 0, GitLineCounts.lines(content), false);
      }
      default -> {
        String path = entry.getNewPath();
        if (entry.getOldId().equals(entry.getNewId())
            && entry.getOldMode().equals(entry.getNewMode())) {
          byte[] content = content(entry.getNewId(), entry.getNewMode());
          return new FileChange(path, 0, 0, content == null || binary(content));
        }
        byte[] before = content(entry.getOldId(), entry.getOldMode());
        byte[] after = content(entry.getNewId(), entry.getNewMode());
        if (before == null || after == null || binary(before) || binary(after)) {
          return new FileChange(path, 0, 0, true);
        }
        GitLineCounts.Counts counts = GitLineCounts.count(before, after);
        return new FileChange(path, counts.added(), counts.deleted(), false);
      }
    }
  }

  /** The blob's bytes, or null when the object store lacks it or it is too large to read. */
  private byte @org.jspecify.annotations.Nullable [] content(
      AbbreviatedObjectId abbreviated, FileMode mode) throws IOException {
    ObjectId id = abbreviated.toObjectId();
    if (id == null || ObjectId.zeroId().equals(id)) {
      return new byte[0];
    }
    if (mode == FileMode.GITLINK) {
      return ("Subproject commit " + id.name() + "\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    try {
      var loader = reader.open(id, Constants.OBJ_BLOB);
      if (loader.getSize() > MAX_TEXT_BYTES) {
        return null;
      }
      return loader.getCachedBytes(Integer.MAX_VALUE);
    } catch (MissingObjectException | LargeObjectException e) {
      return null;
    }
  }

  private static boolean binary(byte[] content) {
    int end = Math.min(content.length, BINARY_PROBE);
    for (int i = 0; i < end; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
