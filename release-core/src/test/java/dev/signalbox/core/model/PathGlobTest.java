package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class PathGlobTest {

  private static boolean globMatches(String pattern, String path) {
    return PathGlob.of(pattern).matches(RepoPath.of(path));
  }

  @ParameterizedTest(name = "[{index}] {0} matches {1}")
  @CsvSource({
    // literal patterns: the whole path, or a leading directory
    "src/auth/Login.java, src/auth/Login.java",
    "src/auth, src/auth/Login.java",
    "src/auth, src/auth/impl/Session.java",
    "src, src/auth/Login.java",
    // * within one segment
    "*.md, README.md",
    "*, README.md",
    "*, src/auth/Login.java",
    "src/*.java, src/App.java",
    "src/*/Login.java, src/auth/Login.java",
    "src/a*h, src/auth/Login.java",
    "*.*, a.b",
    "a*, a",
    "*a*b*, xxaYYbZZ",
    // ? exactly one character of a segment
    "?.md, a.md",
    "src/??th, src/auth/Login.java",
    "file-?.txt, file-1.txt",
    // ** zero or more segments, at the start, in the middle and at the end
    "**, README.md",
    "**, a/b/c/d.txt",
    "**/*.md, README.md",
    "**/*.md, docs/guide/intro.md",
    "src/**, src/App.java",
    "src/**, src/a/b/c/App.java",
    "src/**, src",
    "src/**/test/*.java, src/test/A.java",
    "src/**/test/*.java, src/a/test/A.java",
    "src/**/test/*.java, src/a/b/c/test/A.java",
    "src/**/Login.java, src/auth/Login.java",
    "db/**/migrations, db/migrations/V1.sql",
    "db/**/migrations, db/x/y/migrations/V1.sql",
    "**/migrations/**, db/migrations/V1.sql",
    "a/**/**/b, a/b",
    "a/**/**/b, a/x/y/z/b",
    // dots are literal
    ".github/**, .github/workflows/ci.yml",
    "a.b, a.b"
  })
  void matches(String pattern, String path) {
    assertThat(globMatches(pattern, path)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0} does not match {1}")
  @CsvSource({
    "src/auth, src/authz/X.java",
    "src/auth, src/au",
    "src/auth, src",
    "src/auth/Login.java, src/auth/Login.jav",
    "src/auth/Login.java, src/auth/Login.javax",
    "src/auth, lib/src/auth/Login.java",
    "*.md, docs/README.md",
    "*.md, README.mdx",
    "src/*.java, src/main/App.java",
    "?.md, ab.md",
    "?.md, .md",
    "??, a",
    "src/*/Login.java, src/Login.java",
    "src/*/Login.java, src/a/b/Login.java",
    "**/*.md, docs/README.txt",
    "src/**/test/*.java, src/a/test/b/A.txt",
    "src/**/test/*.java, lib/test/A.java",
    "db/**/migrations, db/x/migration/V1.sql",
    "a.b, axb",
    "A.md, a.md"
  })
  void doesNotMatch(String pattern, String path) {
    assertThat(globMatches(pattern, path)).isFalse();
  }

  @Test
  void matchesUnicodeSegments() {
    assertThat(globMatches("docs/日本語/**", "docs/日本語/索引.md")).isTrue();
    assertThat(globMatches("docs/*/索引.md", "docs/日本語/索引.md")).isTrue();
    assertThat(globMatches("café", "café/menu.txt")).isTrue();
    assertThat(globMatches("caf?", "café")).isTrue();
    assertThat(globMatches("caf?", "cafés")).isFalse();
    // Paths are not Unicode-normalised: a decomposed é is two characters.
    assertThat(globMatches("caf\u00e9", "cafe\u0301")).isFalse();
  }

  @Test
  void questionMarkMatchesOneCharacterOutsideTheBasicPlane() {
    // U+1F600 is one character of the segment, two UTF-16 code units.
    assertThat(globMatches("?.txt", "\uD83D\uDE00.txt")).isTrue();
    assertThat(globMatches("??.txt", "\uD83D\uDE00.txt")).isFalse();
    assertThat(globMatches("?", "\uD83D\uDE00")).isTrue();
    assertThat(globMatches("*.txt", "\uD83D\uDE00.txt")).isTrue();
    assertThat(globMatches("\uD83D\uDE00*", "\uD83D\uDE00\uD83D\uDE01")).isTrue();
  }

  @Test
  void isAValueOfItsPattern() {
    assertThat(PathGlob.of("src/**")).isEqualTo(new PathGlob("src/**")).hasToString("src/**");
    assertThat(PathGlob.of("src/**").pattern()).isEqualTo("src/**");
  }

  @Test
  void rejectsNull() {
    assertNullRejected(() -> new PathGlob(null), PathGlob.class, "pattern");
    assertNullRejected(() -> PathGlob.of(null), PathGlob.class, "pattern");
  }

  @Test
  void rejectsEmptyPattern() {
    assertRejected(
        () -> PathGlob.of(""), PathGlob.class, "pattern", "pattern must not be empty, was \"\"");
  }

  @Test
  void rejectsAbsolutePattern() {
    assertRejected(
        () -> PathGlob.of("/etc/**"),
        PathGlob.class,
        "pattern",
        "pattern must be relative, was \"/etc/**\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../**", "src/../x", "src/.."})
  void rejectsParentSegments(String pattern) {
    assertRejected(
        () -> PathGlob.of(pattern),
        PathGlob.class,
        "pattern",
        "pattern must not contain a .. segment, was \"" + pattern + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "./src/**", "src/./x"})
  void rejectsCurrentDirectorySegments(String pattern) {
    // A path never has a . segment once normalised, so such a pattern would silently match nothing.
    assertRejected(
        () -> PathGlob.of(pattern),
        PathGlob.class,
        "pattern",
        "pattern must not contain a . segment, was \"" + pattern + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"src//x", "src/", "a/**/"})
  void rejectsEmptySegments(String pattern) {
    assertRejected(
        () -> PathGlob.of(pattern),
        PathGlob.class,
        "pattern",
        "pattern must not contain an empty segment, was \"" + pattern + "\"");
  }

  @Test
  void rejectsBackslash() {
    assertRejected(
        () -> PathGlob.of("src\\*.c"),
        PathGlob.class,
        "pattern",
        "pattern must use / as separator, not a backslash, was \"src\\\\*.c\"");
  }

  @Test
  void rejectsNul() {
    assertRejected(
        () -> PathGlob.of("src/\0"),
        PathGlob.class,
        "pattern",
        "pattern must not contain NUL, was \"src/\\u0000\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"**.md", "src/**x", "a**", "src/***", "x/a**b/y"})
  void rejectsDoubleStarInsideASegment(String pattern) {
    assertRejected(
        () -> PathGlob.of(pattern),
        PathGlob.class,
        "pattern",
        "pattern must use ** only as a whole segment, was \"" + pattern + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"C:/**", "C:*", "c:", "C:Windows/**", "z:x"})
  void rejectsDrivePrefixes(String pattern) {
    // RepoPath refuses every path starting so, so such a pattern could only name paths that
    // cannot exist.
    assertRejected(
        () -> PathGlob.of(pattern),
        PathGlob.class,
        "pattern",
        "pattern must be relative, was \"" + pattern + "\"");
  }

  @Test
  void acceptsAColonAfterTheFirstCharacterOrSegment() {
    assertThat(globMatches("src/C:x", "src/C:x")).isTrue();
    assertThat(globMatches("ab:*", "ab:c")).isTrue();
    assertThat(globMatches("?:x", "1:x")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/\u202Egpj.exe", // right-to-left override: displays as src/exe.jpg
        "\u200B*", // zero-width space
        "**/\uFEFF*.md", // byte order mark
        "docs/soft\u00ADhyphen/**",
        "tag\uDB40\uDC41" // U+E0041, a tag character outside the basic plane
      })
  void rejectsInvisibleFormatCharacters(String pattern) {
    assertRejected(
        () -> PathGlob.of(pattern),
        PathGlob.class,
        "pattern",
        // the message shows the invisible character escaped (see QuotingTest)
        "pattern must not contain invisible format characters, was "
            + InvalidValueException.render(pattern));
  }

  @Test
  void rejectsControlCharacters() {
    assertRejected(
        () -> PathGlob.of("src/\t*"),
        PathGlob.class,
        "pattern",
        "pattern must not contain control characters, was \"src/\\t*\"");
  }

  @Test
  void acceptsPatternsUpTo1024Characters() {
    String longest = "a/".repeat(511) + "**";
    assertThat(longest).hasSize(1024);
    assertThat(PathGlob.of(longest).pattern()).isEqualTo(longest);
    assertThat(globMatches(longest, "a/".repeat(511) + "b")).isTrue();
  }

  @Test
  void rejectsPatternsLongerThan1024Characters() {
    String tooLong = "*".repeat(1025);
    InvalidValueException e =
        assertRejected(
            () -> PathGlob.of(tooLong),
            PathGlob.class,
            "pattern",
            "pattern must be at most 1024 characters long, was 1025");
    assertThat(e.value()).isEqualTo(1025);
  }

  // ------------------------------------------------------------- cross-check with java.util.regex

  /** Patterns over a small alphabet, chosen to mix *, ? and ** at every position. */
  private static final List<String> PATTERNS =
      List.of(
          "a",
          "b",
          "ab",
          "a.b",
          "*",
          "?",
          "??",
          "a*",
          "*a",
          "*b*",
          "a*b",
          "a?b",
          "*?*",
          "?*a",
          "*.b",
          "\uD83D\uDE00",
          "?\uD83D\uDE00",
          "*\uD83D\uDE00*",
          "**",
          "**/**",
          "a/**",
          "**/b",
          "**/a/**",
          "a/*",
          "*/b",
          "b/a",
          "?/?",
          "a/**/b",
          "a/**/**/b",
          "**/*b",
          "*/**/a",
          "**/?/b",
          "a*/**/*b",
          "**/a*a/**/b",
          "*/*/*",
          // the shapes matched without the general walk: literals, prefix/** and **/name
          "a/b",
          "ab/**",
          "a/b/**",
          "**/a",
          "**/*.b",
          "**/?",
          "**/\uD83D\uDE00",
          // **/*suffix with a literal suffix: a segment's ending, tested without the walk
          "**/*ab",
          "**/*a.b",
          "**/*\uD83D\uDE00");

  /** Paths over the same alphabet: one to four segments, with a character outside the BMP. */
  private static final List<String> PATHS =
      List.of(
          "a",
          "b",
          "ab",
          "ba",
          "aab",
          "abb",
          "a.b",
          "\uD83D\uDE00",
          "a\uD83D\uDE00",
          "\uD83D\uDE00\uD83D\uDE00",
          "a/b",
          "b/a",
          "ab/b",
          "a/a/b",
          "ab/ba",
          "b/b/b",
          "a/b/a/b",
          "aba/b/aa/b",
          "a\uD83D\uDE00/\uD83D\uDE00b/b",
          "a/x.b",
          "a.b/a",
          "ba/ab.b");

  @Test
  void agreesWithARegularExpressionOnEveryPairOfSmallPatternsAndPaths() {
    List<String> disagreements = new ArrayList<>();
    int matched = 0;
    for (String pattern : PATTERNS) {
      Pattern reference = referenceRegex(pattern);
      for (String path : PATHS) {
        boolean expected = reference.matcher(path + "/").matches();
        if (globMatches(pattern, path) != expected) {
          disagreements.add(pattern + " on " + path + ": the regex says " + expected);
        }
        // a scope holds its patterns with their shapes worked out once: the same answers
        PathGlob glob = PathGlob.of(pattern);
        RepoPath repoPath = RepoPath.of(path);
        if (new Scope(Set.of(), Set.of(glob), Set.of(), Set.of()).covers(repoPath) != expected
            || new Scope(Set.of(), Set.of(), Set.of(), Set.of(glob)).covers(repoPath) == expected) {
          disagreements.add(pattern + " in a scope on " + path + ": the regex says " + expected);
        }
        matched += expected ? 1 : 0;
      }
    }
    assertThat(disagreements).isEmpty();
    // Both outcomes are well represented, so the comparison is not vacuous.
    assertThat(matched).isBetween(100, PATTERNS.size() * PATHS.size() - 100);
  }

  @Test
  void referenceRegexFollowsTheDocumentedSemantics() {
    // A check on the checker: the reference agrees with the examples in the Javadoc.
    assertThat(referenceRegex("src/auth").matcher("src/auth/Login.java/").matches()).isTrue();
    assertThat(referenceRegex("src/auth").matcher("src/authz/X/").matches()).isFalse();
    assertThat(referenceRegex("src/**").matcher("src/").matches()).isTrue();
    assertThat(referenceRegex("?").matcher("\uD83D\uDE00/").matches()).isTrue();
    assertThat(referenceRegex("??").matcher("\uD83D\uDE00/").matches()).isFalse();
  }

  /**
   * A regular expression for {@code glob}, to be matched against a path with a {@code /} appended:
   * each segment is followed by {@code /}, a {@code **} segment is any run of segments, and the
   * trailing {@code .*} accepts whatever lies below a matched leading directory.
   */
  private static Pattern referenceRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String segment : glob.split("/", -1)) {
      if (segment.equals("**")) {
        regex.append("(?:[^/]*/)*");
        continue;
      }
      segment
          .codePoints()
          .forEach(
              c -> {
                if (c == '*') {
                  regex.append("[^/]*");
                } else if (c == '?') {
                  // one code point: java.util.regex reads a surrogate pair as one character
                  regex.append("[^/]");
                } else {
                  regex.append(Pattern.quote(new String(Character.toChars(c))));
                }
              });
      regex.append('/');
    }
    return Pattern.compile(regex.append(".*").toString(), Pattern.DOTALL);
  }
}
