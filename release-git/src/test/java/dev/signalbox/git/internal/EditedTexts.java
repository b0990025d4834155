package dev.signalbox.git.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random pairs of a text and the same text edited, shaped to reach the edge cases of trimming the
 * common first and last lines by bytes: few distinct lines, so that the same line is often repeated
 * around an edit; LF, CRLF or mixed endings; with and without a final newline; edits at the start,
 * the end or the middle, of whole lines, of a line's ending or of a character inside a line.
 */
public final class EditedTexts {
  private static final String[] LINES = {
    "}", "", "  return x;", "{", "  int a = 1;", "  // note", "class A", "x"
  };

  private EditedTexts() {}

  /**
   * A file of 0 to 40 lines drawn from few distinct ones, LF, CRLF or mixed, with or without a
   * final newline; and the same file after one to three edits, each at its start, its end or in the
   * middle, removing and adding up to three lines (often copies of their neighbours), or changing
   * one line's ending or a character inside it; the final newline changes now and then.
   */
  public static List<byte[]> pair(SplittableRandom random) {
    int count = random.nextInt(41);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(LINES[random.nextInt(LINES.length)]);
    }
    int ending = random.nextInt(3); // LF, CRLF, mixed
    List<String> ended = new ArrayList<>();
    for (String line : lines) {
      boolean cr = ending == 1 || (ending == 2 && random.nextBoolean());
      ended.add(cr ? line + "\r" : line);
    }
    boolean finalNewline = random.nextInt(3) != 0;
    List<String> edited = new ArrayList<>(ended);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int where = random.nextInt(4); // the start, the end, or (twice as often) the middle
      int at =
          where == 0
              ? 0
              : where == 1 ? edited.size() : edited.isEmpty() ? 0 : random.nextInt(edited.size());
      switch (random.nextInt(4)) {
        case 0 -> { // remove and add whole lines, the added ones often copies of a neighbour
          int removed = Math.min(random.nextInt(4), edited.size() - at);
          for (int i = 0; i < removed; i++) {
            edited.remove(at);
          }
          int added = random.nextInt(4);
          for (int i = 0; i < added; i++) {
            String line =
                random.nextBoolean() && !edited.isEmpty()
                    ? edited.get(Math.min(at, edited.size() - 1))
                    : LINES[random.nextInt(LINES.length)] + (ending == 1 ? "\r" : "");
            edited.add(at, line);
          }
        }
        case 1 -> { // a line's ending
          if (at < edited.size()) {
            String line = edited.get(at);
            edited.set(
                at, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line + "\r");
          }
        }
        case 2 -> { // a character inside a line
          if (at < edited.size()) {
            String line = edited.get(at);
            int cut = random.nextInt(line.length() + 1);
            edited.set(at, line.substring(0, cut) + "Z" + line.substring(cut));
          }
        }
        default -> { // only the final newline, or nothing but the edits before
          if (random.nextBoolean()) {
            finalNewline = !finalNewline;
          }
        }
      }
    }
    boolean editedNewline = random.nextInt(5) == 0 ? !finalNewline : finalNewline;
    return List.of(join(ended, finalNewline), join(edited, editedNewline));
  }

  /**
   * A long file of 50 to 450 lines from 20 distinct ones, and the same file with one line edited
   * and sometimes one added, with or without a final newline: the common ends are long enough to be
   * compared in blocks, and the edit falls anywhere relative to a block's edge.
   */
  public static List<byte[]> longPair(SplittableRandom random) {
    List<String> lines = new ArrayList<>();
    int count = 50 + random.nextInt(400);
    for (int line = 0; line < count; line++) {
      lines.add("  statement(" + random.nextInt(20) + ");");
    }
    byte[] before = join(lines, true);
    List<String> edited = new ArrayList<>(lines);
    int at = random.nextInt(edited.size());
    edited.set(at, edited.get(at) + " // edited");
    if (random.nextBoolean()) {
      edited.add(random.nextInt(edited.size()), "  added();");
    }
    return List.of(before, join(edited, random.nextBoolean()));
  }

  private static byte[] join(List<String> lines, boolean finalNewline) {
    String text = String.join("\n", lines);
    if (finalNewline && !lines.isEmpty()) {
      text += "\n";
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
