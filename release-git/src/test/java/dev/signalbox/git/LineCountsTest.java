package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Revision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.diff.Edit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Line counts diff only the middle that differs, and count what a diff of the whole files counts:
 * on random files edited at their start, their end or in the middle, with lines ending in CRLF or
 * LF, with and without a newline at the end, with the same lines repeated around the edit (so that
 * an edit can slide), and with edits inside a line; and what {@code git diff --numstat} counts.
 */
class LineCountsTest {
  /** Few distinct lines, so that the same line is often repeated around an edit. */
  private static final String[] LINES = {
    "}", "", "  return x;", "{", "  int a = 1;", "  // note", "class A", "x"
  };

  @TempDir Path directory;

  private final AtomicInteger trimmedBothEnds = new AtomicInteger();
  private final AtomicInteger crlf = new AtomicInteger();
  private final AtomicInteger unterminated = new AtomicInteger();

  @Test
  void countsWhatADiffOfTheWholeFilesCounts() {
    qt().withExamples(3000)
        .withShrinkCycles(200)
        .forAll(pairs())
        .checkAssert(
            pair -> {
              byte[] before = pair.get(0);
              byte[] after = pair.get(1);
              int start = LineCounts.commonLineStart(before, after);
              int end = LineCounts.commonLineEnd(before, after, start);
              if (start > 0 && end > 0) {
                trimmedBothEnds.incrementAndGet();
              }
              String text = new String(before, StandardCharsets.UTF_8);
              if (text.contains("\r\n")) {
                crlf.incrementAndGet();
              }
              if (before.length > 0 && before[before.length - 1] != '\n') {
                unterminated.incrementAndGet();
              }
              assertThat(LineCounts.between(before, after))
                  .as("%s%n->%n%s", show(before), show(after))
                  .isEqualTo(untrimmed(before, after));
            });
    System.out.printf(
        "line counts: %d pairs trimmed at both ends, %d with CRLF, %d without a final newline%n",
        trimmedBothEnds.get(), crlf.get(), unterminated.get());
    // the generator reaches the cases that matter, on any seed
    assertThat(trimmedBothEnds.get()).as("pairs trimmed at both ends").isGreaterThan(400);
    assertThat(crlf.get()).as("pairs with CRLF").isGreaterThan(600);
    assertThat(unterminated.get()).as("pairs without a final newline").isGreaterThan(600);
  }

  @Test
  void commonLinesEndAtLineEndsInBothFiles() {
    byte[] a = bytes("a\nbc\nd\n");
    assertThat(LineCounts.commonLineStart(a, bytes("a\nbx\nd\n"))).isEqualTo(2);
    assertThat(LineCounts.commonLineStart(a, a)).isEqualTo(a.length);
    assertThat(LineCounts.commonLineStart(bytes("a\nb"), bytes("a\nb\n"))).isEqualTo(2);
    assertThat(LineCounts.commonLineStart(bytes("a\n"), bytes("a\nb\n"))).isEqualTo(2);
    // "c\nd\n" ends both, but "bc" is not "bx": the common end starts after the edited line
    assertThat(LineCounts.commonLineEnd(a, bytes("a\nbx\nd\n"), 2)).isEqualTo(2);
    // the common end never reaches into the common start
    assertThat(LineCounts.commonLineEnd(bytes("x\nx\n"), bytes("x\nx\nx\n"), 4)).isZero();
    // "b\n" ends both, but in the second it does not start a line
    assertThat(LineCounts.commonLineEnd(bytes("b\n"), bytes("ab\n"), 0)).isZero();
    assertThat(LineCounts.between(bytes("a\nb"), bytes("a\nb\n"))).isEqualTo(new LineCounts(1, 1));
    assertThat(LineCounts.between(bytes(""), bytes("a\r\nb"))).isEqualTo(new LineCounts(2, 0));
  }

  /** Long files, where the common ends are compared in blocks, with edits near a block's edge. */
  @Test
  void longFilesCountAsTheWholeDiffDoes() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 300; i++) {
      List<String> lines = new ArrayList<>();
      int count = 50 + random.nextInt(400);
      for (int line = 0; line < count; line++) {
        lines.add("  statement(" + random.nextInt(20) + ");");
      }
      byte[] before = join(lines, "\n", true);
      List<String> edited = new ArrayList<>(lines);
      int at = random.nextInt(edited.size());
      edited.set(at, edited.get(at) + " // edited");
      if (random.nextBoolean()) {
        edited.add(random.nextInt(edited.size()), "  added();");
      }
      byte[] after = join(edited, "\n", random.nextBoolean());
      assertThat(LineCounts.between(before, after)).isEqualTo(untrimmed(before, after));
    }
  }

  /**
   * The counts {@link GitVersionControl#changes} reports are git's: one commit of many random files
   * and another editing them, against {@code git diff --numstat}.
   */
  @Test
  void changesCountWhatGitNumstatCounts() {
    SplittableRandom random = new SplittableRandom(11);
    Map<String, String> before = new TreeMap<>();
    Map<String, String> after = new TreeMap<>();
    for (int i = 0; i < 150; i++) {
      List<byte[]> pair = pair(random);
      before.put("f" + i + ".txt", new String(pair.get(0), StandardCharsets.UTF_8));
      after.put("f" + i + ".txt", new String(pair.get(1), StandardCharsets.UTF_8));
    }
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true);
        GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
      Revision base = repository.commitText(List.of(), before);
      Revision head = repository.commitText(List.of(base), after);
      Map<String, String> ours = new TreeMap<>();
      for (FileChange change : vcs.changes(base, head).files()) {
        ours.put(change.path().value(), change.linesAdded() + "\t" + change.linesRemoved());
      }
      Map<String, String> git = new TreeMap<>();
      for (String line :
          repository
              .gitOk("diff", "--numstat", "--no-renames", base.commit(), head.commit())
              .split("\n")) {
        String[] fields = line.split("\t");
        git.put(fields[2], fields[0] + "\t" + fields[1]);
      }
      assertThat(ours).hasSizeGreaterThan(100).isEqualTo(git);
    }
  }

  /** Counts from a diff of the whole files, as {@code changes} counted before trimming. */
  private static LineCounts untrimmed(byte[] before, byte[] after) {
    int added = 0;
    int removed = 0;
    for (Edit edit : TextMerge.diff(before, after)) {
      added += edit.getLengthB();
      removed += edit.getLengthA();
    }
    return new LineCounts(added, removed);
  }

  private static Gen<List<byte[]>> pairs() {
    return longs().all().map(seed -> pair(new SplittableRandom(seed)));
  }

  /**
   * A file of 0 to 40 lines drawn from few distinct ones, LF, CRLF or mixed, with or without a
   * final newline; and the same file after one to three edits, each at its start, its end or in the
   * middle, removing and adding up to three lines (often copies of their neighbours), or changing
   * one line's ending or a character inside it; the final newline changes now and then.
   */
  private static List<byte[]> pair(SplittableRandom random) {
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
    return List.of(join(ended, "\n", finalNewline), join(edited, "\n", editedNewline));
  }

  private static byte[] join(List<String> lines, String separator, boolean finalNewline) {
    String text = String.join(separator, lines);
    if (finalNewline && !lines.isEmpty()) {
      text += separator;
    }
    return bytes(text);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String show(byte[] content) {
    return new String(content, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n\n");
  }
}
