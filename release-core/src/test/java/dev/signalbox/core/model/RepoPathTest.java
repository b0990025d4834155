package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class RepoPathTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "src/main/App.java     | src/main/App.java",
        "./a//b/               | a/b",
        "a/./b                 | a/b",
        "./README.md           | README.md",
        "a///b////c            | a/b/c",
        "dir/                  | dir",
        ".github/workflows/ci.yml | .github/workflows/ci.yml",
        "a/.../b               | a/.../b",
        "a/..b/c..             | a/..b/c..",
        "src/C:x               | src/C:x",
        "ab:c                  | ab:c",
        "1:x                   | 1:x",
        "my file.txt           | my file.txt"
      })
  void normalises(String raw, String normalised) {
    assertThat(RepoPath.of(raw).value()).isEqualTo(normalised);
    assertThat(new RepoPath(raw)).isEqualTo(RepoPath.of(normalised));
  }

  @Test
  void keepsUnicodeAsGiven() {
    assertThat(RepoPath.of("docs/café/日本語.md").value()).isEqualTo("docs/café/日本語.md");
    // Not Unicode-normalised: precomposed and decomposed é are different paths, as in git.
    assertThat(RepoPath.of("caf\u00e9")).isNotEqualTo(RepoPath.of("cafe\u0301"));
  }

  @Test
  void fileNameIsTheLastSegment() {
    assertThat(RepoPath.of("src/main/App.java").fileName()).isEqualTo("App.java");
    assertThat(RepoPath.of("README.md").fileName()).isEqualTo("README.md");
  }

  @Test
  void isUnderItselfAndItsDirectoriesOnly() {
    RepoPath login = RepoPath.of("src/auth/Login.java");
    assertThat(login.isUnder(RepoPath.of("src"))).isTrue();
    assertThat(login.isUnder(RepoPath.of("src/auth"))).isTrue();
    assertThat(login.isUnder(login)).isTrue();
    assertThat(login.isUnder(RepoPath.of("src/au"))).isFalse();
    assertThat(login.isUnder(RepoPath.of("src/auth/Login.java/x"))).isFalse();
    assertThat(RepoPath.of("src/authz/X.java").isUnder(RepoPath.of("src/auth"))).isFalse();
  }

  @Test
  void comparesByNormalisedTextCodeUnitByCodeUnit() {
    assertThat(RepoPath.of("a/b")).isLessThan(RepoPath.of("a/c"));
    assertThat(RepoPath.of("B")).isLessThan(RepoPath.of("a"));
    assertThat(RepoPath.of("./a//b").compareTo(RepoPath.of("a/b"))).isZero();
  }

  @Test
  void toStringIsTheValue() {
    assertThat(RepoPath.of("./a//b/")).hasToString("a/b");
  }

  @Test
  void rejectsNull() {
    assertNullRejected(() -> new RepoPath(null), RepoPath.class, "value");
    assertNullRejected(() -> RepoPath.of(null), RepoPath.class, "value");
  }

  @Test
  void rejectsAbsolutePaths() {
    assertRejected(
        () -> RepoPath.of("/etc/passwd"),
        RepoPath.class,
        "value",
        "value must be relative, was \"/etc/passwd\"");
    assertRejected(
        () -> RepoPath.of("C:/x"), RepoPath.class, "value", "value must be relative, was \"C:/x\"");
    assertRejected(
        () -> RepoPath.of("c:"), RepoPath.class, "value", "value must be relative, was \"c:\"");
    assertRejected(
        () -> RepoPath.of("//server/share"),
        RepoPath.class,
        "value",
        "value must be relative, was \"//server/share\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"C:x", "C:Windows/x", "z:", "c:foo.txt", "./C:x", ".//d:/x"})
  void rejectsDriveRelativePaths(String raw) {
    // C:x names x in the current directory of drive C on Windows, outside any checkout.
    assertRejected(
        () -> RepoPath.of(raw),
        RepoPath.class,
        "value",
        "value must be relative, was \"" + raw + "\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/\u202Egpj.exe", // right-to-left override: displays as src/exe.jpg
        "a\u200Bb", // zero-width space
        "\uFEFFREADME.md", // byte order mark
        "docs/soft\u00ADhyphen.md",
        "x/\u2066y\u2069", // left-to-right isolate and its end
        "tag\uDB40\uDC41" // U+E0041, a tag character outside the basic plane
      })
  void rejectsInvisibleFormatCharacters(String raw) {
    assertRejected(
        () -> RepoPath.of(raw),
        RepoPath.class,
        "value",
        // the message shows the invisible character escaped (see QuotingTest)
        "value must not contain invisible format characters, was "
            + InvalidValueException.render(raw));
  }

  @Test
  void keepsVisibleNonAsciiCharactersThatAreNotFormatCharacters() {
    // Right-to-left letters are visible text, not direction overrides.
    assertThat(RepoPath.of("docs/שלום.md").value()).isEqualTo("docs/שלום.md");
    assertThat(RepoPath.of("\uD83D\uDE00.txt").value()).isEqualTo("\uD83D\uDE00.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../x", "a/../b", "a/..", "./.."})
  void rejectsParentSegments(String raw) {
    assertRejected(
        () -> RepoPath.of(raw),
        RepoPath.class,
        "value",
        "value must not contain a .. segment, was \"" + raw + "\"");
  }

  @Test
  void rejectsBackslashes() {
    assertRejected(
        () -> RepoPath.of("src\\main.c"),
        RepoPath.class,
        "value",
        "value must use / as separator, not a backslash, was \"src\\\\main.c\"");
    assertRejected(
        () -> RepoPath.of("C:\\Windows"),
        RepoPath.class,
        "value",
        "value must use / as separator, not a backslash, was \"C:\\\\Windows\"");
  }

  @Test
  void rejectsNul() {
    assertRejected(
        () -> RepoPath.of("a\0b"),
        RepoPath.class,
        "value",
        "value must not contain NUL, was \"a\\u0000b\"");
  }

  @Test
  void rejectsControlCharacters() {
    assertRejected(
        () -> RepoPath.of("a\nb"),
        RepoPath.class,
        "value",
        "value must not contain control characters, was \"a\\nb\"");
    assertRejected(
        () -> RepoPath.of("a/\tb"),
        RepoPath.class,
        "value",
        "value must not contain control characters, was \"a/\\tb\"");
    assertRejected(
        () -> RepoPath.of("x\u007f"),
        RepoPath.class,
        "value",
        "value must not contain control characters, was \"x\\u007f\"");
    assertRejected(
        () -> RepoPath.of("x\u0085"),
        RepoPath.class,
        "value",
        "value must not contain control characters, was \"x\\u0085\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "./", ".//.", "./././"})
  void rejectsTheRepositoryRoot(String raw) {
    assertRejected(
        () -> RepoPath.of(raw),
        RepoPath.class,
        "value",
        "value must name a file, not the repository root, was \"" + raw + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/.", "//"})
  void rejectsTheFilesystemRoot(String raw) {
    assertRejected(
        () -> RepoPath.of(raw),
        RepoPath.class,
        "value",
        "value must be relative, was \"" + raw + "\"");
  }

  @Test
  void acceptsPathsUpTo4096CharactersAfterNormalising() {
    String longest = "a/".repeat(2047) + "bc";
    assertThat(longest).hasSize(4096);
    assertThat(RepoPath.of(longest).value()).isEqualTo(longest);
    // Redundant separators do not count against the limit.
    assertThat(RepoPath.of("./" + longest + "//").value()).isEqualTo(longest);
  }

  @Test
  void rejectsPathsLongerThan4096Characters() {
    String tooLong = "a".repeat(4097);
    InvalidValueException e =
        assertRejected(
            () -> RepoPath.of(tooLong),
            RepoPath.class,
            "value",
            "value must be at most 4096 characters long, was 4097");
    assertThat(e.value()).isEqualTo(4097);
  }
}
