package dev.signalbox.git.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The common first and last lines, trimmed by comparing bytes before lines are split, are the lines
 * git trims; and the counts are git's on thousands of edited texts that reach trimming's edge cases
 * (CRLF, no final newline, the same lines repeated around an edit, edits inside a line, long common
 * ends compared in blocks), against one {@code git diff --no-index --numstat} over all of them.
 */
class GitLineCountsTrimmingTest {
  private static final int SHORT_PAIRS = 3000;
  private static final int LONG_PAIRS = 300;

  @TempDir Path directory;

  @Test
  void commonLinesEndAtLineEndsInBothTexts() {
    byte[] a = bytes("a\nbc\nd\n");
    assertThat(GitLineCounts.commonLineStart(a, bytes("a\nbx\nd\n"))).isEqualTo(2);
    assertThat(GitLineCounts.commonLineStart(a, a)).isEqualTo(a.length);
    assertThat(GitLineCounts.commonLineStart(bytes("a\nb"), bytes("a\nb\n"))).isEqualTo(2);
    assertThat(GitLineCounts.commonLineStart(bytes("a\n"), bytes("a\nb\n"))).isEqualTo(2);
    // "c\nd\n" ends both, but "bc" is not "bx": the common end starts after the edited line
    assertThat(GitLineCounts.commonLineEnd(a, bytes("a\nbx\nd\n"), 2)).isEqualTo(2);
    // the common end never reaches into the common start
    assertThat(GitLineCounts.commonLineEnd(bytes("x\nx\n"), bytes("x\nx\nx\n"), 4)).isZero();
    // "b\n" ends both, but in the second it does not start a line
    assertThat(GitLineCounts.commonLineEnd(bytes("b\n"), bytes("ab\n"), 0)).isZero();
  }

  @Test
  void crlfAndAMissingFinalNewlineAreOtherLines() {
    assertThat(count("a\nb", "a\nb\n")).isEqualTo(new GitLineCounts.Counts(1, 1));
    assertThat(count("", "a\r\nb")).isEqualTo(new GitLineCounts.Counts(2, 0));
    assertThat(count("a\r\nb\r\n", "a\nb\r\n")).isEqualTo(new GitLineCounts.Counts(1, 1));
    assertThat(count("x\ny\nz", "x\nz")).isEqualTo(new GitLineCounts.Counts(0, 1));
    assertThat(count("x\ny\nz\n", "x\ny\nz")).isEqualTo(new GitLineCounts.Counts(1, 1));
  }

  /**
   * A trimmed line still counts towards how often its line occurs, as in git: the first "}" is
   * trimmed, and only with it does "}" occur 4 times in the new text, git's limit for the old
   * text's 9 lines, which makes the old "}" between frequent and, amid unmatched lines, set aside
   * (3 added, 8 deleted); counted without the trimmed line it would be kept (2 added, 7 deleted).
   */
  @Test
  void trimmedLinesCountTowardsHowOftenALineOccurs() {
    assertThat(count("}\nb\nh\nb\nd\n}\na\nd\nh\n", "}\n}\n}\n}\n"))
        .isEqualTo(new GitLineCounts.Counts(3, 8));
  }

  @Test
  void editedTextsCountWhatGitCounts() throws Exception {
    Path before = Files.createDirectories(directory.resolve("a"));
    Path after = Files.createDirectories(directory.resolve("b"));
    Map<String, GitLineCounts.Counts> ours = new TreeMap<>();
    int trimmedBothEnds = 0;
    int crlf = 0;
    int unterminated = 0;
    for (int i = 0; i < SHORT_PAIRS + LONG_PAIRS; i++) {
      SplittableRandom random = new SplittableRandom(i);
      List<byte[]> pair = i < SHORT_PAIRS ? EditedTexts.pair(random) : EditedTexts.longPair(random);
      byte[] old = pair.get(0);
      byte[] edited = pair.get(1);
      int start = GitLineCounts.commonLineStart(old, edited);
      if (start > 0 && GitLineCounts.commonLineEnd(old, edited, start) > 0) {
        trimmedBothEnds++;
      }
      if (new String(old, StandardCharsets.UTF_8).contains("\r\n")) {
        crlf++;
      }
      if (old.length > 0 && old[old.length - 1] != '\n') {
        unterminated++;
      }
      String name = "f" + i;
      Files.write(before.resolve(name), old);
      Files.write(after.resolve(name), edited);
      GitLineCounts.Counts counts = GitLineCounts.count(old, edited);
      if (!counts.equals(GitLineCounts.Counts.NONE)) {
        ours.put(name, counts);
      }
    }
    assertThat(ours).isEqualTo(gitNumstat());
    // the generator reaches the cases that matter
    assertThat(trimmedBothEnds).as("pairs trimmed at both ends").isGreaterThan(400);
    assertThat(crlf).as("pairs with CRLF").isGreaterThan(600);
    assertThat(unterminated).as("pairs without a final newline").isGreaterThan(600);
  }

  /** The counts of the files of a/ and b/ that differ, by name, from one git run. */
  private Map<String, GitLineCounts.Counts> gitNumstat() throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            "git",
            "diff",
            "--no-index",
            "--numstat",
            "--no-renames",
            "--diff-algorithm=myers",
            "a",
            "b");
    builder.directory(directory.toFile());
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isLessThanOrEqualTo(1);
    Map<String, GitLineCounts.Counts> counts = new TreeMap<>();
    for (String line : out.strip().split("\n")) {
      String[] fields = line.split("\t");
      String path = fields[2];
      counts.put(
          path.substring(path.lastIndexOf('/') + 1),
          new GitLineCounts.Counts(Integer.parseInt(fields[0]), Integer.parseInt(fields[1])));
    }
    return counts;
  }

  private static GitLineCounts.Counts count(String before, String after) {
    return GitLineCounts.count(bytes(before), bytes(after));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
