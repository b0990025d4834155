package dev.signalbox.git.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line counts as git's default diff makes them: hand-checked cases where git's count is larger than
 * the minimal one, and random edits compared with {@code git diff --no-index --numstat} run on real
 * files.
 */
class GitLineCountsTest {
  @TempDir Path dir;

  private final AtomicInteger compared = new AtomicInteger();

  private static GitLineCounts.Counts count(String before, String after) {
    return GitLineCounts.count(
        before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void equalTextsChangeNothing() {
    assertThat(count("", "")).isEqualTo(new GitLineCounts.Counts(0, 0));
    assertThat(count("a\nb\n", "a\nb\n")).isEqualTo(new GitLineCounts.Counts(0, 0));
  }

  @Test
  void newAndRemovedTextsCountEveryLine() {
    assertThat(count("", "a\nb\nc")).isEqualTo(new GitLineCounts.Counts(3, 0));
    assertThat(count("a\n\n", "")).isEqualTo(new GitLineCounts.Counts(0, 2));
    assertThat(GitLineCounts.lines("a\nb".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(GitLineCounts.lines("a\nb\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
  }

  @Test
  void aLastLineWithoutNewlineDiffersFromTheSameLineWithOne() {
    // "b" and "b\n" are different lines, as in git's "\ No newline at end of file".
    assertThat(count("a\nb", "a\nb\n")).isEqualTo(new GitLineCounts.Counts(1, 1));
    assertThat(count("a\nb", "a\nb\nc")).isEqualTo(new GitLineCounts.Counts(2, 1));
  }

  @Test
  void aFrequentLineAmidUnmatchedLinesIsCountedChanged() {
    // Old: } b h b d } a d h (9 lines); new: } } } } (4 lines). The first "}" is common to both
    // ends and trimmed. In the old text "}" occurs 4 times in the new one, which reaches the limit
    // of the old text's size (git's square root of 9 is 4), so the old "}" at line 6 is frequent;
    // it sits between 4 and 3 unmatched lines, and 2 frequent lines against 7 unmatched is less
    // than a quarter: git sets it aside and deletes all 8 remaining old lines, adding the 3 new
    // ones. A minimal diff keeps that "}" and counts 2 added, 7 deleted.
    assertThat(count("}\nb\nh\nb\nd\n}\na\nd\nh\n", "}\n}\n}\n}\n"))
        .isEqualTo(new GitLineCounts.Counts(3, 8));
  }

  @Test
  void aFrequentLineBetweenMatchedLinesIsKept() {
    // Same frequent "}", but next to lines that match: it stays in the diff and is kept.
    assertThat(count("x\n}\ny\n", "}\nx\n}\n}\ny\n}\n")).isEqualTo(new GitLineCounts.Counts(3, 0));
  }

  @Test
  void squareRootIsGitsPowerOfTwoApproximation() {
    assertThat(GitLineCounts.squareRoot(0)).isEqualTo(1);
    assertThat(GitLineCounts.squareRoot(1)).isEqualTo(2);
    assertThat(GitLineCounts.squareRoot(4)).isEqualTo(4);
    assertThat(GitLineCounts.squareRoot(9)).isEqualTo(4);
    assertThat(GitLineCounts.squareRoot(16)).isEqualTo(8);
    assertThat(GitLineCounts.squareRoot(1_000_000)).isEqualTo(1024);
  }

  /**
   * Random texts with frequent lines ({@code }} and blank) and rare ones, edited by deleting,
   * inserting and replacing blocks, sometimes rotated and sometimes left without a final newline;
   * one example in eight is a few thousand lines long, where git's cost heuristics cut the search
   * short.
   */
  @Test
  void countsAgreeWithGitOnRandomEdits() {
    qt().withExamples(48)
        .withShrinkCycles(20)
        .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(4, 40))
        .checkAssert(this::agreesWithGit);
    assertThat(compared.get()).as("examples compared with git").isGreaterThan(40);
  }

  private void agreesWithGit(List<Integer> seeds) {
    int shape = seeds.get(0);
    boolean large = shape % 8 == 0;
    int size = large ? 2_000 + seeds.get(1) % 2_000 : 5 + seeds.get(1) % 120;
    Lines random = new Lines(seeds);
    List<String> before = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      before.add(random.line(size));
    }
    int editRate = 2 + shape % 30; // per cent of positions starting an edit
    List<String> after = new ArrayList<>();
    for (int i = 0; i < before.size(); ) {
      int roll = random.next(100);
      int length = 1 + random.next(large ? 40 : 6);
      if (roll < editRate / 3) {
        i += length; // delete a block
      } else if (roll < 2 * editRate / 3) {
        for (int k = 0; k < length; k++) {
          after.add("new " + random.next(size)); // insert a block
        }
      } else if (roll < editRate) {
        after.add(random.next(2) == 0 ? "}" : ""); // insert a frequent line
        i++;
      } else {
        int end = Math.min(before.size(), i + length);
        after.addAll(before.subList(i, end));
        i = end;
      }
    }
    if (shape % 5 == 1) {
      List<String> rotated = new ArrayList<>(after.subList(after.size() / 2, after.size()));
      rotated.addAll(after.subList(0, after.size() / 2));
      after = rotated;
    }
    String oldText = text(before, true);
    String newText = text(after, shape % 3 != 2);
    GitLineCounts.Counts git = gitNumstat(oldText, newText);
    assertThat(count(oldText, newText)).isEqualTo(git);
    compared.incrementAndGet();
  }

  /** A deterministic stream of numbers drawn from the generated seeds. */
  private static final class Lines {
    private long state;

    Lines(List<Integer> seeds) {
      long s = 17;
      for (int seed : seeds) {
        s = s * 1_000_003 + seed;
      }
      this.state = s;
    }

    int next(int bound) {
      state = state * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
      return (int) ((state >>> 33) % bound);
    }

    String line(int size) {
      int roll = next(100);
      if (roll < 15) {
        return "}";
      }
      if (roll < 25) {
        return "";
      }
      return "line " + next(Math.max(1, size / 2));
    }
  }

  private static String text(List<String> lines, boolean finalNewline) {
    String text = String.join("\n", lines);
    return lines.isEmpty() || !finalNewline ? text : text + "\n";
  }

  private GitLineCounts.Counts gitNumstat(String before, String after) {
    try {
      Path a = dir.resolve("a.txt");
      Path b = dir.resolve("b.txt");
      Files.writeString(a, before, StandardCharsets.UTF_8);
      Files.writeString(b, after, StandardCharsets.UTF_8);
      ProcessBuilder builder =
          new ProcessBuilder(
              "git", "diff", "--no-index", "--numstat", "--diff-algorithm=myers", "a.txt", "b.txt");
      builder.directory(dir.toFile());
      Map<String, String> env = builder.environment();
      env.put("GIT_CONFIG_NOSYSTEM", "1");
      env.put("GIT_CONFIG_GLOBAL", "/dev/null");
      builder.redirectErrorStream(true);
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() > 1) {
        throw new IllegalStateException("git diff failed: " + out);
      }
      if (out.isBlank()) {
        return new GitLineCounts.Counts(0, 0);
      }
      String[] fields = out.strip().split("\t");
      return new GitLineCounts.Counts(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
