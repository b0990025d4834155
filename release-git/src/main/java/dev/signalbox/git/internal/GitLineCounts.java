package dev.signalbox.git.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The lines added and deleted between two texts as git's default diff counts them ({@code git diff
 * --numstat} with {@code diff.algorithm=myers}), which is not always the minimal count.
 *
 * <p>Git's xdiff does three things a minimal Myers diff does not, and each can mark more lines
 * changed: before diffing it sets aside the lines that occur nowhere in the other text, and the
 * lines that occur very often in it (at least about the square root of the text's length) when they
 * sit in a run of such lines — those are counted as changed even where a minimal diff would have
 * kept them; and when the middle-snake search grows expensive it cuts it short at a good-enough
 * diagonal. This class follows that behaviour step by step (end trimming, line classes, the discard
 * rule, the divide-and-conquer with its cost heuristics), written from git's documented algorithm,
 * so counts agree with the git command line; only lines matter here, not hunk placement, which
 * git's later hunk sliding does not change the counts of.
 *
 * <p>The common first and last lines, which git trims before anything else, are found by comparing
 * bytes (in blocks the JDK compares with vector instructions) before any line is split: a change
 * that only adds or only deletes lines is counted without hashing a line, and otherwise only the
 * lines between are split into classes. The trimmed lines still count towards how often a line
 * occurs in each text, as in git, but are hashed only when their length is that of a line in
 * between.
 *
 * <p>Lines end after each {@code '\n'}; a last line without one differs from the same line with
 * one, as in git. Stateless and thread-safe. Shared by {@code dev.signalbox.git} (change sets) and
 * {@code dev.signalbox.git.risk} (numstat), and not exported.
 */
public final class GitLineCounts {
  private static final int MAX_EQUAL_LIMIT = 1024;
  private static final int SIMILAR_SCAN_WINDOW = 100;
  private static final int DISCARD_RUN = 4;
  private static final int MAX_COST_MIN = 256;
  private static final int HEURISTIC_MIN_COST = 256;
  private static final int SNAKE_COUNT = 20;
  private static final int HEURISTIC_FACTOR = 4;

  /** How far back the common end is compared in one block. */
  private static final int BLOCK = 256;

  private static final byte NO_MATCH = 0;
  private static final byte MATCH = 1;
  private static final byte MANY_MATCHES = 2;

  private GitLineCounts() {}

  /**
   * Lines added and deleted by a change from one text to another.
   *
   * @param added lines only in the new text
   * @param deleted lines only in the old text
   */
  public record Counts(int added, int deleted) {
    /** No line added or deleted. */
    public static final Counts NONE = new Counts(0, 0);
  }

  /** The number of lines of {@code text}: its newlines, plus one for an unterminated last line. */
  public static int lines(byte[] text) {
    return lines(text, 0, text.length);
  }

  /** The number of lines of {@code text[from, to)}: a last line without a newline counts. */
  static int lines(byte[] text, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (text[i] == '\n') {
        lines++;
      }
    }
    return to > from && text[to - 1] != '\n' ? lines + 1 : lines;
  }

  /**
   * The lines git counts as added and deleted going from {@code before} to {@code after}; the
   * caller has checked that neither is binary.
   */
  public static Counts count(byte[] before, byte[] after) {
    // Trim the common first and last lines: they are never changed nor looked at again, but for
    // how often their lines occur.
    int start = commonLineStart(before, after);
    if (start == before.length && start == after.length) {
      return Counts.NONE;
    }
    int end = commonLineEnd(before, after, start);
    int end1 = before.length - end;
    int end2 = after.length - end;
    if (start == end1) {
      return new Counts(lines(after, start, end2), 0);
    }
    if (start == end2) {
      return new Counts(0, lines(before, start, end1));
    }

    Classes classes = new Classes(before, after, start, end1, end2);
    int[] a = classes.middle(0);
    int[] b = classes.middle(1);
    int[] countA = new int[classes.count()];
    int[] countB = new int[classes.count()];
    for (int line : a) {
      countA[line]++;
    }
    for (int line : b) {
      countB[line]++;
    }
    int trimmed = classes.countTrimmed(countA, countB);
    int n1 = trimmed + a.length;
    int n2 = trimmed + b.length;

    boolean[] changed1 = new boolean[a.length];
    boolean[] changed2 = new boolean[b.length];
    int[] kept1 = keep(a, n1, countB, changed1);
    int[] kept2 = keep(b, n2, countA, changed2);

    int[] hash1 = new int[kept1.length];
    for (int i = 0; i < kept1.length; i++) {
      hash1[i] = a[kept1[i]];
    }
    int[] hash2 = new int[kept2.length];
    for (int i = 0; i < kept2.length; i++) {
      hash2[i] = b[kept2[i]];
    }
    new Myers(hash1, hash2).compare(kept1, changed1, kept2, changed2);
    return new Counts(trueCount(changed2), trueCount(changed1));
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

  /**
   * The lines of {@code middle} that take part in the diff, by index; the others — lines with no
   * match in the other text, and frequent lines amid such lines — are marked changed. {@code lines}
   * is the whole text's line count, which sets what "frequent" means.
   */
  private static int[] keep(int[] middle, int lines, int[] otherCount, boolean[] changed) {
    int limit = Math.min(squareRoot(lines), MAX_EQUAL_LIMIT);
    int end = middle.length - 1;
    byte[] match = new byte[middle.length];
    for (int i = 0; i <= end; i++) {
      int matches = Math.min(otherCount[middle[i]], limit);
      match[i] = matches == 0 ? NO_MATCH : matches >= limit ? MANY_MATCHES : MATCH;
    }
    int[] kept = new int[middle.length];
    int count = 0;
    for (int i = 0; i <= end; i++) {
      if (match[i] == MATCH || (match[i] == MANY_MATCHES && !discardFrequent(match, i, 0, end))) {
        kept[count++] = i;
      } else {
        changed[i] = true;
      }
    }
    return Arrays.copyOf(kept, count);
  }

  /**
   * Whether the frequent line {@code i} sits in a run of unmatched and frequent lines, both before
   * and after it, in which frequent lines are fewer than a quarter: such a line would only let the
   * diff zig-zag through unrelated text.
   */
  private static boolean discardFrequent(byte[] match, int i, int start, int end) {
    int s = i - start > SIMILAR_SCAN_WINDOW ? i - SIMILAR_SCAN_WINDOW : start;
    int e = end - i > SIMILAR_SCAN_WINDOW ? i + SIMILAR_SCAN_WINDOW : end;
    int unmatchedBefore = 0;
    int frequentBefore = 1;
    for (int r = 1; i - r >= s; r++) {
      if (match[i - r] == NO_MATCH) {
        unmatchedBefore++;
      } else if (match[i - r] == MANY_MATCHES) {
        frequentBefore++;
      } else {
        break;
      }
    }
    if (unmatchedBefore == 0) {
      return false;
    }
    int unmatchedAfter = 0;
    int frequentAfter = 1;
    for (int r = 1; i + r <= e; r++) {
      if (match[i + r] == NO_MATCH) {
        unmatchedAfter++;
      } else if (match[i + r] == MANY_MATCHES) {
        frequentAfter++;
      } else {
        break;
      }
    }
    if (unmatchedAfter == 0) {
      return false;
    }
    int unmatched = unmatchedBefore + unmatchedAfter;
    int frequent = frequentBefore + frequentAfter;
    return frequent * DISCARD_RUN < frequent + unmatched;
  }

  /** git's integer square root approximation: the power of two at or just above the root. */
  static int squareRoot(int n) {
    int root = 1;
    for (int m = n; m > 0; m >>= 2) {
      root <<= 1;
    }
    return root;
  }

  private static int trueCount(boolean[] flags) {
    int count = 0;
    for (boolean flag : flags) {
      if (flag) {
        count++;
      }
    }
    return count;
  }

  /**
   * Assigns every distinct line between the common start and end of two texts a small integer,
   * equal lines the same one; and finds the trimmed lines among them.
   */
  private static final class Classes {
    /** Line lengths at or above this share one bit of {@link #lengths}. */
    private static final int LENGTHS = 1024;

    private final byte[][] texts;
    private final int start;
    private final int[] ends;
    private final long[] lengths = new long[LENGTHS / 64];
    private int[] table;
    private int[] tableHash;
    private int[] classText;
    private int[] classStart;
    private int[] classEnd;
    private int count;

    /**
     * Classes of {@code before[start, end1)} and {@code after[start, end2)}; the bytes outside are
     * the same lines in both.
     */
    Classes(byte[] before, byte[] after, int start, int end1, int end2) {
      this.texts = new byte[][] {before, after};
      this.start = start;
      this.ends = new int[] {end1, end2};
      int expected = Math.min(lines(before, start, end1) + lines(after, start, end2), 1 << 16);
      int size = Integer.highestOneBit(Math.max(16, expected)) << 1;
      table = new int[size];
      Arrays.fill(table, -1);
      tableHash = new int[size];
      classText = new int[size / 2];
      classStart = new int[classText.length];
      classEnd = new int[classText.length];
    }

    int count() {
      return count;
    }

    /** The classes of the lines of text {@code which} between the common start and end. */
    int[] middle(int which) {
      byte[] text = texts[which];
      int end = ends[which];
      int[] classes = new int[lines(text, start, end)];
      int line = 0;
      int begin = start;
      for (int i = start; i < end; i++) {
        if (text[i] == '\n') {
          classes[line++] = classOf(which, begin, i + 1, true);
          begin = i + 1;
        }
      }
      if (begin < end) {
        classes[line] = classOf(which, begin, end, true);
      }
      return classes;
    }

    /**
     * Adds the trimmed lines, which both texts have, to both texts' counts of the classes between;
     * returns how many lines were trimmed.
     */
    int countTrimmed(int[] countA, int[] countB) {
      byte[] text = texts[0];
      int lines = 0;
      int begin = 0;
      for (int pass = 0; pass < 2; pass++) {
        int from = pass == 0 ? 0 : ends[0];
        int to = pass == 0 ? start : text.length;
        begin = from;
        for (int i = from; i < to; i++) {
          if (text[i] == '\n') {
            lines++;
            countTrimmed(begin, i + 1, countA, countB);
            begin = i + 1;
          }
        }
        if (begin < to) { // the last line, without a newline
          lines++;
          countTrimmed(begin, to, countA, countB);
        }
      }
      return lines;
    }

    private void countTrimmed(int begin, int end, int[] countA, int[] countB) {
      int length = Math.min(end - begin, LENGTHS - 1);
      if ((lengths[length >>> 6] & (1L << length)) != 0) {
        int found = classOf(0, begin, end, false);
        if (found >= 0) {
          countA[found]++;
          countB[found]++;
        }
      }
    }

    /** The class of a line, added if {@code add}, or -1 if it has none and is not added. */
    private int classOf(int which, int begin, int end, boolean add) {
      byte[] text = texts[which];
      int hash = 1;
      for (int i = begin; i < end; i++) {
        hash = 31 * hash + text[i];
      }
      hash ^= hash >>> 16;
      int mask = table.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        int found = table[slot];
        if (found < 0) {
          return add ? add(slot, hash, which, begin, end) : -1;
        }
        if (tableHash[slot] == hash
            && Arrays.equals(
                texts[classText[found]], classStart[found], classEnd[found], text, begin, end)) {
          return found;
        }
      }
    }

    private int add(int slot, int hash, int which, int begin, int end) {
      int length = Math.min(end - begin, LENGTHS - 1);
      lengths[length >>> 6] |= 1L << length;
      classText[count] = which;
      classStart[count] = begin;
      classEnd[count] = end;
      table[slot] = count;
      tableHash[slot] = hash;
      count++;
      if (count == classText.length) {
        grow();
      }
      return count - 1;
    }

    /** Doubles the table, keeping it at most half full. */
    private void grow() {
      int size = table.length * 2;
      int[] newTable = new int[size];
      Arrays.fill(newTable, -1);
      int[] newHash = new int[size];
      int mask = size - 1;
      for (int old = 0; old < table.length; old++) {
        int found = table[old];
        if (found >= 0) {
          int slot = tableHash[old] & mask;
          while (newTable[slot] >= 0) {
            slot = (slot + 1) & mask;
          }
          newTable[slot] = found;
          newHash[slot] = tableHash[old];
        }
      }
      table = newTable;
      tableHash = newHash;
      classText = Arrays.copyOf(classText, size / 2);
      classStart = Arrays.copyOf(classStart, size / 2);
      classEnd = Arrays.copyOf(classEnd, size / 2);
    }
  }

  /**
   * The divide-and-conquer Myers search over the kept lines, with git's cost heuristics: past a
   * cost of 256 a long enough snake far from the corner ends the search, and past the square root
   * of the problem's size the furthest-reaching diagonal does.
   */
  private static final class Myers {
    private final int[] hash1;
    private final int[] hash2;
    private final int[] forward;
    private final int[] backward;
    private final int offset;
    private final int maxCost;

    Myers(int[] hash1, int[] hash2) {
      this.hash1 = hash1;
      this.hash2 = hash2;
      int diagonals = hash1.length + hash2.length + 3;
      this.forward = new int[diagonals];
      this.backward = new int[diagonals];
      this.offset = hash2.length + 1;
      this.maxCost = Math.max(squareRoot(diagonals), MAX_COST_MIN);
    }

    /** A box to compare: lines {@code [off1, lim1)} against {@code [off2, lim2)}. */
    private record Box(int off1, int lim1, int off2, int lim2, boolean needMinimal) {}

    void compare(int[] kept1, boolean[] changed1, int[] kept2, boolean[] changed2) {
      ArrayDeque<Box> boxes = new ArrayDeque<>();
      boxes.push(new Box(0, hash1.length, 0, hash2.length, false));
      int[] split = new int[4];
      while (!boxes.isEmpty()) {
        Box box = boxes.pop();
        int off1 = box.off1();
        int lim1 = box.lim1();
        int off2 = box.off2();
        int lim2 = box.lim2();
        while (off1 < lim1 && off2 < lim2 && hash1[off1] == hash2[off2]) {
          off1++;
          off2++;
        }
        while (off1 < lim1 && off2 < lim2 && hash1[lim1 - 1] == hash2[lim2 - 1]) {
          lim1--;
          lim2--;
        }
        if (off1 == lim1) {
          for (int i = off2; i < lim2; i++) {
            changed2[kept2[i]] = true;
          }
        } else if (off2 == lim2) {
          for (int i = off1; i < lim1; i++) {
            changed1[kept1[i]] = true;
          }
        } else {
          split(off1, lim1, off2, lim2, box.needMinimal(), split);
          boxes.push(new Box(split[0], lim1, split[1], lim2, split[3] != 0));
          boxes.push(new Box(off1, split[0], off2, split[1], split[2] != 0));
        }
      }
    }

    private int f(int d) {
      return forward[d + offset];
    }

    private void f(int d, int value) {
      forward[d + offset] = value;
    }

    private int b(int d) {
      return backward[d + offset];
    }

    private void b(int d, int value) {
      backward[d + offset] = value;
    }

    /**
     * Finds where to split the box: {@code out} receives the split point (i1, i2) and whether the
     * lower and upper halves must be searched minimally.
     */
    private void split(int off1, int lim1, int off2, int lim2, boolean needMinimal, int[] out) {
      int dmin = off1 - lim2;
      int dmax = lim1 - off2;
      int fmid = off1 - off2;
      int bmid = lim1 - lim2;
      boolean odd = ((fmid - bmid) & 1) != 0;
      int fmin = fmid;
      int fmax = fmid;
      int bmin = bmid;
      int bmax = bmid;
      f(fmid, off1);
      b(bmid, lim1);
      for (int cost = 1; ; cost++) {
        boolean gotSnake = false;
        if (fmin > dmin) {
          f(--fmin - 1, -1);
        } else {
          ++fmin;
        }
        if (fmax < dmax) {
          f(++fmax + 1, -1);
        } else {
          --fmax;
        }
        for (int d = fmax; d >= fmin; d -= 2) {
          int i1 = f(d - 1) >= f(d + 1) ? f(d - 1) + 1 : f(d + 1);
          int prev = i1;
          int i2 = i1 - d;
          while (i1 < lim1 && i2 < lim2 && hash1[i1] == hash2[i2]) {
            i1++;
            i2++;
          }
          if (i1 - prev > SNAKE_COUNT) {
            gotSnake = true;
          }
          f(d, i1);
          if (odd && bmin <= d && d <= bmax && b(d) <= i1) {
            set(out, i1, i2, true, true);
            return;
          }
        }
        if (bmin > dmin) {
          b(--bmin - 1, Integer.MAX_VALUE);
        } else {
          ++bmin;
        }
        if (bmax < dmax) {
          b(++bmax + 1, Integer.MAX_VALUE);
        } else {
          --bmax;
        }
        for (int d = bmax; d >= bmin; d -= 2) {
          int i1 = b(d - 1) < b(d + 1) ? b(d - 1) : b(d + 1) - 1;
          int prev = i1;
          int i2 = i1 - d;
          while (i1 > off1 && i2 > off2 && hash1[i1 - 1] == hash2[i2 - 1]) {
            i1--;
            i2--;
          }
          if (prev - i1 > SNAKE_COUNT) {
            gotSnake = true;
          }
          b(d, i1);
          if (!odd && fmin <= d && d <= fmax && i1 <= f(d)) {
            set(out, i1, i2, true, true);
            return;
          }
        }
        if (needMinimal) {
          continue;
        }
        if (gotSnake && cost > HEURISTIC_MIN_COST) {
          if (goodForwardSnake(off1, lim1, off2, lim2, fmin, fmax, fmid, cost, out)) {
            return;
          }
          if (goodBackwardSnake(off1, lim1, off2, lim2, bmin, bmax, bmid, cost, out)) {
            return;
          }
        }
        if (cost >= maxCost) {
          furthestReaching(off1, lim1, off2, lim2, fmin, fmax, bmin, bmax, out);
          return;
        }
      }
    }

    private boolean goodForwardSnake(
        int off1, int lim1, int off2, int lim2, int fmin, int fmax, int fmid, int cost, int[] out) {
      long best = 0;
      for (int d = fmax; d >= fmin; d -= 2) {
        int dd = d > fmid ? d - fmid : fmid - d;
        int i1 = f(d);
        int i2 = i1 - d;
        long v = (long) (i1 - off1) + (i2 - off2) - dd;
        if (v > (long) HEURISTIC_FACTOR * cost
            && v > best
            && off1 + SNAKE_COUNT <= i1
            && i1 < lim1
            && off2 + SNAKE_COUNT <= i2
            && i2 < lim2) {
          for (int k = 1; hash1[i1 - k] == hash2[i2 - k]; k++) {
            if (k == SNAKE_COUNT) {
              best = v;
              out[0] = i1;
              out[1] = i2;
              break;
            }
          }
        }
      }
      if (best > 0) {
        out[2] = 1;
        out[3] = 0;
        return true;
      }
      return false;
    }

    private boolean goodBackwardSnake(
        int off1, int lim1, int off2, int lim2, int bmin, int bmax, int bmid, int cost, int[] out) {
      long best = 0;
      for (int d = bmax; d >= bmin; d -= 2) {
        int dd = d > bmid ? d - bmid : bmid - d;
        int i1 = b(d);
        int i2 = i1 - d;
        long v = (long) (lim1 - i1) + (lim2 - i2) - dd;
        if (v > (long) HEURISTIC_FACTOR * cost
            && v > best
            && off1 < i1
            && i1 <= lim1 - SNAKE_COUNT
            && off2 < i2
            && i2 <= lim2 - SNAKE_COUNT) {
          for (int k = 0; hash1[i1 + k] == hash2[i2 + k]; k++) {
            if (k == SNAKE_COUNT - 1) {
              best = v;
              out[0] = i1;
              out[1] = i2;
              break;
            }
          }
        }
      }
      if (best > 0) {
        out[2] = 0;
        out[3] = 1;
        return true;
      }
      return false;
    }

    private void furthestReaching(
        int off1, int lim1, int off2, int lim2, int fmin, int fmax, int bmin, int bmax, int[] out) {
      long fbest = -1;
      int fbest1 = -1;
      for (int d = fmax; d >= fmin; d -= 2) {
        int i1 = Math.min(f(d), lim1);
        int i2 = i1 - d;
        if (lim2 < i2) {
          i1 = lim2 + d;
          i2 = lim2;
        }
        if (fbest < (long) i1 + i2) {
          fbest = (long) i1 + i2;
          fbest1 = i1;
        }
      }
      long bbest = Long.MAX_VALUE;
      int bbest1 = Integer.MAX_VALUE;
      for (int d = bmax; d >= bmin; d -= 2) {
        int i1 = Math.max(off1, b(d));
        int i2 = i1 - d;
        if (i2 < off2) {
          i1 = off2 + d;
          i2 = off2;
        }
        if ((long) i1 + i2 < bbest) {
          bbest = (long) i1 + i2;
          bbest1 = i1;
        }
      }
      if (((long) lim1 + lim2) - bbest < fbest - ((long) off1 + off2)) {
        set(out, fbest1, (int) (fbest - fbest1), true, false);
      } else {
        set(out, bbest1, (int) (bbest - bbest1), false, true);
      }
    }

    private static void set(int[] out, int i1, int i2, boolean minLow, boolean minHigh) {
      out[0] = i1;
      out[1] = i2;
      out[2] = minLow ? 1 : 0;
      out[3] = minHigh ? 1 : 0;
    }
  }
}
