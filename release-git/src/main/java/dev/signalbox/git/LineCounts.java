package dev.signalbox.git;

import java.util.Arrays;
import org.eclipse.jgit.diff.Edit;

/**
 * How many lines a change to a text file adds and removes, as {@code git diff --numstat} counts
 * them with the Myers diff.
 *
 * <p>Only the part of the two contents that differs is diffed. The longest run of whole lines the
 * two share at the start, and then at the end, are found by comparing bytes (in blocks the JDK
 * compares with vector instructions) before any line is split or hashed; lines there are equal in
 * both, and the diff's own first step, which takes equal lines off both ends, would have taken
 * exactly these. So the middle's diff is the diff the whole files would get, and the counts are the
 * same; the cost is that of comparing bytes plus diffing the changed lines, not of splitting and
 * hashing every line of both versions.
 *
 * @param added lines only in the new content
 * @param removed lines only in the old content
 */
record LineCounts(int added, int removed) {
  /** No line added or removed. */
  static final LineCounts NONE = new LineCounts(0, 0);

  /** How far back the common end is compared in one block. */
  private static final int BLOCK = 256;

  /**
   * The lines {@code after} adds to {@code before} and removes from it; the caller has checked that
   * neither is binary.
   */
  static LineCounts between(byte[] before, byte[] after) {
    int start = commonLineStart(before, after);
    if (start == before.length && start == after.length) {
      return NONE;
    }
    int end = commonLineEnd(before, after, start);
    int endBefore = before.length - end;
    int endAfter = after.length - end;
    if (start == endBefore) {
      return new LineCounts(lines(after, start, endAfter), 0);
    }
    if (start == endAfter) {
      return new LineCounts(0, lines(before, start, endBefore));
    }
    int added = 0;
    int removed = 0;
    for (Edit edit :
        TextMerge.diff(
            Arrays.copyOfRange(before, start, endBefore),
            Arrays.copyOfRange(after, start, endAfter))) {
      added += edit.getLengthB();
      removed += edit.getLengthA();
    }
    return new LineCounts(added, removed);
  }

  /**
   * The length of the longest common start of {@code a} and {@code b} that ends at a line end: the
   * bytes of the lines that are the same in both, from the first on.
   */
  static int commonLineStart(byte[] a, byte[] b) {
    int mismatch = Arrays.mismatch(a, b);
    if (mismatch < 0) {
      return a.length; // the same content
    }
    int start = mismatch;
    while (start > 0 && a[start - 1] != '\n') {
      start--;
    }
    return start;
  }

  /**
   * The length of the longest common end of {@code a} and {@code b} that begins at a line start in
   * both and leaves {@code start} bytes before it in both: the bytes of the lines that are the same
   * in both, from the last back, after the common start.
   */
  static int commonLineEnd(byte[] a, byte[] b, int start) {
    int limit = Math.min(a.length, b.length) - start;
    int end = 0;
    // whole blocks from the end while they are equal, then byte by byte
    while (end + BLOCK <= limit
        && Arrays.equals(
            a, a.length - end - BLOCK, a.length - end, b, b.length - end - BLOCK, b.length - end)) {
      end += BLOCK;
    }
    while (end < limit && a[a.length - end - 1] == b[b.length - end - 1]) {
      end++;
    }
    // back to a line start: where the common end begins right after a newline in both, or at start
    while (end > 0
        && !(lineStart(a, a.length - end, start) && lineStart(b, b.length - end, start))) {
      end--;
    }
    return end;
  }

  private static boolean lineStart(byte[] content, int at, int start) {
    return at == start || content[at - 1] == '\n';
  }

  /** How many lines {@code content[from, to)} has to git: a last line without a newline counts. */
  private static int lines(byte[] content, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (content[i] == '\n') {
        lines++;
      }
    }
    return to > from && content[to - 1] != '\n' ? lines + 1 : lines;
  }
}
