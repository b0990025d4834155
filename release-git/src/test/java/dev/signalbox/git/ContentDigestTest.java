package dev.signalbox.git;

import static dev.signalbox.git.TestRepository.bytes;
import static dev.signalbox.git.TestRepository.executable;
import static dev.signalbox.git.TestRepository.file;
import static dev.signalbox.git.TestRepository.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Revision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content digest is what {@code git diff --no-renames --full-index base head | git patch-id
 * --verbatim} prints, on diffs of every shape git writes.
 */
class ContentDigestTest {
  private static final String TEXT = numbered(40);

  @TempDir Path directory;
  private TestRepository repository;
  private GitVersionControl vcs;

  @BeforeEach
  void open() {
    repository = TestRepository.init(directory.resolve("repo"), false);
    vcs = GitVersionControl.open(repository.directory);
  }

  @AfterEach
  void close() {
    vcs.close();
    repository.close();
  }

  @Test
  void agreesWithGitPatchIdOnEveryKindOfTextChange() {
    Map<String, TestRepository.Entry> before = new TreeMap<>();
    before.put("a/edited.txt", file(TEXT));
    before.put("a/deleted.txt", file("gone\nfor good\n"));
    before.put("b/mode.sh", file("echo hi\n"));
    before.put("c/no-newline.txt", file("one\ntwo"));
    before.put("c/link", symlink("a/edited.txt"));
    before.put("d/after-binary.txt", file("x\n"));
    before.put("größe/ünïcode.txt", file("alt\n"));
    Map<String, TestRepository.Entry> after = new TreeMap<>(before);
    after.put(
        "a/edited.txt", file(replace(replace(TEXT, 3, "three"), 30, "thirty") + "appended\n"));
    after.remove("a/deleted.txt");
    after.put("a/added.txt", file("new\nfile\n"));
    after.put("a/empty.txt", file(""));
    after.put("b/mode.sh", executable("echo hi\n"));
    after.put("c/no-newline.txt", file("one\ntwo\nthree"));
    after.put("c/link", symlink("a/added.txt"));
    after.put("d/after-binary.txt", file("y\n"));
    after.put("größe/ünïcode.txt", file("neu\n"));

    assertAgrees(before, after);
  }

  @Test
  void agreesWithGitPatchIdOnSingleFileShapes() {
    assertAgrees(Map.of("a.txt", file(TEXT)), Map.of("a.txt", file(replace(TEXT, 20, "twenty "))));
    assertAgrees(Map.of("a.txt", file(TEXT)), Map.of("a.txt", executable(TEXT)));
    assertAgrees(Map.of("a", file("a\n")), Map.of("a", file("a")));
  }

  /**
   * Binary files count by their blob ids, as git's patch-id does since 2.40 (before, every change
   * to a binary file at one path had the same id); compared with older git only where they agree.
   */
  @Test
  void agreesWithGitPatchIdOnBinaryFiles() {
    assumeTrue(gitAtLeast(2, 40), "git before 2.40 hashes binary files by their path only");
    assertAgrees(
        Map.of("a.txt", file(TEXT)), Map.of("a.txt", file(TEXT), "z.bin", bytes(new byte[] {0})));
    assertAgrees(Map.of("a.bin", bytes(new byte[] {0, 1})), Map.of("b.txt", file("b\n")));
    assertAgrees(
        Map.of("a/image.bin", bytes(new byte[] {0, 1, 2}), "b/after.txt", file("x\n")),
        Map.of("a/image.bin", bytes(new byte[] {0, 9}), "b/after.txt", file("y\n")));
  }

  @Test
  void everyBinaryEditChangesTheDigest() {
    Revision base =
        repository.commit(List.of(), new TreeMap<>(Map.of("a.bin", bytes(new byte[] {0, 1}))));
    Revision one =
        repository.commit(List.of(base), new TreeMap<>(Map.of("a.bin", bytes(new byte[] {0, 2}))));
    Revision two =
        repository.commit(List.of(base), new TreeMap<>(Map.of("a.bin", bytes(new byte[] {0, 3}))));
    assertThat(vcs.contentDigest(base, one)).isNotEqualTo(vcs.contentDigest(base, two));
  }

  @Test
  void survivesATrivialRebaseAndNotAWhitespaceEdit() {
    Revision base = repository.commitText(List.of(), Map.of("a.txt", TEXT, "b.txt", "b\n"));
    Revision change =
        repository.commitText(
            List.of(base), Map.of("a.txt", replace(TEXT, 30, "fix"), "b.txt", "b\n"));
    String moved = replace(TEXT, 2, "upstream");
    Revision target = repository.commitText(List.of(base), Map.of("a.txt", moved, "b.txt", "b2\n"));
    Revision rebased =
        repository.commitText(
            List.of(target), Map.of("a.txt", replace(moved, 30, "fix"), "b.txt", "b2\n"));
    Revision tabbed =
        repository.commitText(
            List.of(base), Map.of("a.txt", replace(TEXT, 30, "fix\t"), "b.txt", "b\n"));

    ContentDigest digest = vcs.contentDigest(base, change);
    assertThat(vcs.contentDigest(target, rebased)).isEqualTo(digest);
    assertThat(vcs.contentDigest(base, tabbed)).isNotEqualTo(digest);
    assertThat(digest.value()).isEqualTo(gitPatchId(base, change));
    assertThat(vcs.contentDigest(target, rebased).value()).isEqualTo(gitPatchId(target, rebased));
    assertThat(vcs.contentDigest(base, tabbed).value()).isEqualTo(gitPatchId(base, tabbed));
  }

  private void assertAgrees(
      Map<String, TestRepository.Entry> before, Map<String, TestRepository.Entry> after) {
    Revision base = repository.commit(List.of(), new TreeMap<>(before));
    Revision head = repository.commit(List.of(base), new TreeMap<>(after));
    assertThat(vcs.contentDigest(base, head).value())
        .as(
            "digest of %s",
            repository.gitOk("diff", "--no-renames", "--full-index", base.commit(), head.commit()))
        .isEqualTo(gitPatchId(base, head));
  }

  private String gitPatchId(Revision base, Revision head) {
    TestRepository.GitResult diff =
        repository.git("diff", "--no-renames", "--full-index", base.commit(), head.commit());
    String patchId =
        new String(
            repository.git(diff.stdout(), "patch-id", "--verbatim").stdout(),
            java.nio.charset.StandardCharsets.UTF_8);
    return patchId.substring(0, 40);
  }

  private boolean gitAtLeast(int major, int minor) {
    String[] version =
        repository.gitOk("--version").replaceAll("[^0-9.]", " ").trim().split("[ .]+", -1);
    int actualMajor = Integer.parseInt(version[0]);
    return actualMajor > major || (actualMajor == major && Integer.parseInt(version[1]) >= minor);
  }

  private static String numbered(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      text.append("    statement(").append(i).append(");\n");
    }
    return text.toString();
  }

  private static String replace(String text, int number, String line) {
    String[] lines = text.split("\n", -1);
    lines[number - 1] = line;
    return String.join("\n", lines);
  }
}
