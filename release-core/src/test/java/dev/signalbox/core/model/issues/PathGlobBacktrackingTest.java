package dev.signalbox.core.model.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.RepoPath;
import java.time.Duration;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * {@link PathGlob#matches} backtracked without memory, both for {@code *} inside a segment and for
 * {@code **} across segments, so a hostile pattern in a freeze window or scope file took time
 * exponential in its number of stars: {@code *a*a*a*a*a*a*a*a*a*b} against a 40-character name took
 * 4.4 s, and ten {@code **} segments before {@code z} against a 40-segment path took 31 s. Matching
 * now retries only the latest star, and patterns are at most 1024 characters long.
 *
 * <p>Each case asserts only the answer. The preemptive timeout around it is a guard that keeps a
 * regression from hanging the build, not a statement about speed: these cases take milliseconds,
 * and the exponential matcher would take hours or longer.
 */
@NullMarked
class PathGlobBacktrackingTest {
  /** Far beyond any plausible run, so that it can only trip on a hang, never on a slow machine. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  private static boolean matches(String pattern, String path) {
    PathGlob glob = PathGlob.of(pattern);
    RepoPath repoPath = RepoPath.of(path);
    return assertTimeoutPreemptively(HANG_GUARD, () -> glob.matches(repoPath));
  }

  @Test
  void starsInsideASegmentAgainstANameThatAlmostMatches() {
    String name = "a".repeat(40);
    assertThat(matches("*a*a*a*a*a*a*a*a*a*b", name)).isFalse();
    assertThat(matches("*a*a*a*a*a*a*a*a*a*b", name + "b")).isTrue();
  }

  @Test
  void doubleStarsAcrossSegmentsAgainstAPathWithoutTheLastSegment() {
    String pattern = "**/".repeat(10) + "z";
    String path = "a/".repeat(39) + "a";
    assertThat(matches(pattern, path)).isFalse();
    assertThat(matches(pattern, "a/".repeat(39) + "z")).isTrue();
    assertThat(matches(pattern, "a/".repeat(20) + "z/" + "a/".repeat(18) + "a")).isTrue();
  }

  @Test
  void fiveHundredStarsAgainstAThousandCharacterName() {
    // 500 stars with an a between each pair: the name needs 499 a's and has 498
    String pattern = "*" + "a*".repeat(499);
    assertThat(pattern).hasSize(999);
    String tooFewAs = "a".repeat(498) + "b".repeat(502);
    assertThat(matches(pattern, tooFewAs)).isFalse();
    assertThat(matches(pattern, "b".repeat(501) + "a".repeat(499))).isTrue();
  }

  @Test
  void aHundredDoubleStarsAgainstFiveHundredSegments() {
    String path = "a/".repeat(499) + "a";
    // consecutive ** are one **: the last segment decides
    assertThat(matches("**/".repeat(100) + "z", path)).isFalse();
    assertThat(matches("**/".repeat(100) + "a", path)).isTrue();
    // separated by a literal, each ** has to find its own place
    assertThat(matches("**/a/".repeat(100) + "z", path)).isFalse();
    assertThat(matches("**/a/".repeat(100) + "a", path)).isTrue();
    assertThat(matches("**/a/".repeat(100) + "a", "a/".repeat(99) + "a")).isFalse();
  }

  @Test
  void starsAtBothLevelsAtOnce() {
    String segment = "a".repeat(20);
    String path = (segment + "/").repeat(149) + segment;
    assertThat(matches("**/*a*a*a*a*a*b/**/*a*a*a*b/z", path)).isFalse();
    assertThat(matches("**/*a*a*a*a*a*b/**/*a*a*a*b/z", path + "b/" + segment + "b/z")).isTrue();
    assertThat(matches("*/".repeat(100) + "*?*?*?*?*?*?*?*?*b", path)).isFalse();
  }

  @Test
  void questionMarksAndStarsAgainstCharactersOutsideTheBasicPlane() {
    String name = "\uD83D\uDE00".repeat(40);
    assertThat(matches("*?*?*?*?*?*?*?*?*?*?*x", name)).isFalse();
    assertThat(matches("*?*?*?*?*?*?*?*?*?*?*", name)).isTrue();
  }
}
