package dev.signalbox.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.SequenceComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeResult;
import org.jspecify.annotations.Nullable;

/**
 * Line-based diff and three-way merge of file contents as git's xdiff does them: a last line
 * without a newline differs from the same line with one, binary means a NUL in the first 8000
 * bytes, and merges use the histogram diff that git's ort merge uses.
 */
final class TextMerge {
  /** Git's {@code FIRST_FEW_BYTES}: binary detection looks this far. */
  private static final int FIRST_FEW_BYTES = 8000;

  /**
   * Compares lines like {@link RawTextComparator#DEFAULT} but, as xdiff does, tells a last line
   * that lacks its newline from the same text with one.
   */
  static final SequenceComparator<RawText> LINES =
      new SequenceComparator<>() {
        @Override
        public boolean equals(RawText a, int ai, RawText b, int bi) {
          return RawTextComparator.DEFAULT.equals(a, ai, b, bi)
              && unterminated(a, ai) == unterminated(b, bi);
        }

        @Override
        public int hash(RawText seq, int line) {
          return RawTextComparator.DEFAULT.hash(seq, line) * 31 + (unterminated(seq, line) ? 1 : 0);
        }
      };

  private static final MergeAlgorithm MERGE =
      new MergeAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));

  private static final DiffAlgorithm MYERS =
      DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.MYERS);

  private TextMerge() {}

  /** Whether {@code content} is binary to git: a NUL among its first 8000 bytes. */
  static boolean isBinary(byte[] content) {
    int end = Math.min(content.length, FIRST_FEW_BYTES);
    for (int i = 0; i < end; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** How many lines {@code content} has to git: a last line without a newline counts. */
  static int lines(byte[] content) {
    int lines = 0;
    for (byte b : content) {
      if (b == '\n') {
        lines++;
      }
    }
    return content.length > 0 && content[content.length - 1] != '\n' ? lines + 1 : lines;
  }

  /** The edits from {@code a} to {@code b} as {@code git diff} finds them (Myers). */
  static EditList diff(byte[] a, byte[] b) {
    return MYERS.diff(LINES, new RawText(a), new RawText(b));
  }

  /**
   * The clean three-way merge of text contents, or null if the sides conflict; the caller has
   * checked that none is binary.
   */
  static byte @Nullable [] merge(byte[] base, byte[] ours, byte[] theirs) throws IOException {
    RawText[] texts = {new RawText(base), new RawText(ours), new RawText(theirs)};
    MergeResult<RawText> result = MERGE.merge(LINES, texts[0], texts[1], texts[2]);
    if (result.containsConflicts()) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(ours.length, theirs.length));
    for (MergeChunk chunk : result) {
      RawText text = texts[chunk.getSequenceIndex()];
      for (int line = chunk.getBegin(); line < chunk.getEnd(); line++) {
        text.writeLine(out, line);
        if (!unterminated(text, line)) {
          out.write('\n');
        }
      }
    }
    return out.toByteArray();
  }

  private static boolean unterminated(RawText text, int line) {
    return line == text.size() - 1 && text.isMissingNewlineAtEnd();
  }
}
