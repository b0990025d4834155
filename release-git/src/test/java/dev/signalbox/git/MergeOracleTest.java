package dev.signalbox.git;

import static dev.signalbox.git.TestRepository.bytes;
import static dev.signalbox.git.TestRepository.executable;
import static dev.signalbox.git.TestRepository.file;
import static dev.signalbox.git.TestRepository.submodule;
import static dev.signalbox.git.TestRepository.symlink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.ConflictKind;
import dev.signalbox.core.spi.MergeConflict;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.MergeStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merge simulation against {@code git merge-tree --write-tree} on the cases that break naive tree
 * merges: each test builds a base, a train side ("ours") and a change ("theirs"), simulates the
 * train {@code [ours, theirs]} and holds the second step to git's merge of the two commits.
 */
class MergeOracleTest {
  private static final String TEXT = numbered(30);
  private static final String SUBMODULE_A = "1111111111111111111111111111111111111111";
  private static final String SUBMODULE_B = "2222222222222222222222222222222222222222";
  private static final String SUBMODULE_C = "3333333333333333333333333333333333333333";

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
  void editsToDifferentHunksMergeAndAdjacentLinesConflict() {
    Map<String, TestRepository.Entry> base = Map.of("a.txt", file(TEXT));
    assertClean(base, Map.of("a.txt", file(edit(TEXT, 3))), Map.of("a.txt", file(edit(TEXT, 20))));
    assertConflict(
        base,
        Map.of("a.txt", file(edit(TEXT, 10))),
        Map.of("a.txt", file(edit(TEXT, 11))),
        ConflictKind.CONTENT);
  }

  @Test
  void renamesAreConservativeWhereTheOtherSideTouchesThem() {
    Map<String, TestRepository.Entry> base = Map.of("a.txt", file(TEXT), "c.txt", file("c\n"));
    // untouched by the other side: git's result, exactly
    assertClean(
        base,
        Map.of("b.txt", file(TEXT), "c.txt", file("c\n")),
        Map.of("a.txt", file(TEXT), "c.txt", file("c2\n")));
    // edited by the other side: git follows the rename; the simulation says so rather than guess
    MergeStep step =
        simulate(
            base,
            Map.of("b.txt", file(TEXT), "c.txt", file("c\n")),
            Map.of("a.txt", file(edit(TEXT, 5)), "c.txt", file("c\n")));
    assertThat(((MergeStep.Conflicting) step).conflicts())
        .containsExactly(MergeConflict.of(ConflictKind.RENAME, "a.txt"));
    // a directory emptied by renames, and a file added to it by the other side
    Map<String, TestRepository.Entry> dirBase =
        Map.of("old/a.txt", file(TEXT), "old/b.txt", file(numbered(12)));
    MergeStep moved =
        simulate(
            dirBase,
            Map.of("new/a.txt", file(TEXT), "new/b.txt", file(numbered(12))),
            Map.of(
                "old/a.txt",
                file(TEXT),
                "old/b.txt",
                file(numbered(12)),
                "old/c.txt",
                file("c\n")));
    assertThat(((MergeStep.Conflicting) moved).needsRealMerge()).isTrue();
  }

  @Test
  void binaryFilesConflictWhenBothChangeThem() {
    Map<String, TestRepository.Entry> base =
        Map.of("x.bin", bytes(new byte[] {0, 1, 2, 3}), "y.txt", file("y\n"));
    assertClean(
        base,
        Map.of("x.bin", bytes(new byte[] {0, 9}), "y.txt", file("y\n")),
        Map.of("x.bin", bytes(new byte[] {0, 1, 2, 3}), "y.txt", file("z\n")));
    assertConflict(
        base,
        Map.of("x.bin", bytes(new byte[] {0, 9}), "y.txt", file("y\n")),
        Map.of("x.bin", bytes(new byte[] {0, 8}), "y.txt", file("y\n")),
        ConflictKind.CONTENT);
  }

  @Test
  void deletesAgainstModifiesConflictAndAgainstDeletesMerge() {
    Map<String, TestRepository.Entry> base = Map.of("a.txt", file(TEXT), "b.txt", file("b\n"));
    assertConflict(
        base,
        Map.of("b.txt", file("b\n")),
        Map.of("a.txt", file(edit(TEXT, 4)), "b.txt", file("b\n")),
        ConflictKind.MODIFY_DELETE);
    assertClean(base, Map.of("b.txt", file("b\n")), Map.of("b.txt", file("b2\n")));
    assertClean(base, Map.of("b.txt", file("b\n")), Map.of("b.txt", file("b\n")));
  }

  @Test
  void addAddConflictsUnlessTheSame() {
    Map<String, TestRepository.Entry> base = Map.of("a.txt", file("a\n"));
    assertConflict(
        base,
        Map.of("a.txt", file("a\n"), "n.txt", file("one\n")),
        Map.of("a.txt", file("a\n"), "n.txt", file("two\n")),
        ConflictKind.ADD_ADD);
    assertClean(
        base,
        Map.of("a.txt", file("a\n"), "n.txt", file("same\n")),
        Map.of("a.txt", file("a2\n"), "n.txt", file("same\n")));
  }

  @Test
  void fileAgainstDirectoryConflicts() {
    Map<String, TestRepository.Entry> base = Map.of("a.txt", file("a\n"));
    assertConflict(
        base,
        Map.of("a.txt", file("a\n"), "x", file("file\n")),
        Map.of("a.txt", file("a\n"), "x/inner.txt", file("in a directory\n")),
        ConflictKind.FILE_DIRECTORY);
    // a file replaced by a directory on one side, untouched on the other: no conflict
    Map<String, TestRepository.Entry> withX = Map.of("a.txt", file("a\n"), "x", file("file\n"));
    assertClean(
        withX,
        Map.of("a.txt", file("a2\n"), "x", file("file\n")),
        Map.of("a.txt", file("a\n"), "x/inner.txt", file("in\n")));
  }

  @Test
  void executableBitMergesWithContentEdits() {
    Map<String, TestRepository.Entry> base = Map.of("run.sh", file(TEXT));
    assertClean(base, Map.of("run.sh", executable(TEXT)), Map.of("run.sh", file(edit(TEXT, 9))));
    assertClean(
        base,
        Map.of("run.sh", executable(edit(TEXT, 1))),
        Map.of("run.sh", executable(edit(TEXT, 29))));
  }

  @Test
  void symlinksMergeOnlyWhenOneSideChangesThem() {
    Map<String, TestRepository.Entry> base =
        Map.of("link", symlink("target-a"), "a.txt", file("a\n"));
    assertClean(
        base,
        Map.of("link", symlink("target-b"), "a.txt", file("a\n")),
        Map.of("link", symlink("target-a"), "a.txt", file("a2\n")));
    assertConflict(
        base,
        Map.of("link", symlink("target-b"), "a.txt", file("a\n")),
        Map.of("link", symlink("target-c"), "a.txt", file("a\n")),
        ConflictKind.CONTENT);
    assertConflict(
        base,
        Map.of("link", file("now a file\n"), "a.txt", file("a\n")),
        Map.of("link", symlink("target-c"), "a.txt", file("a\n")),
        ConflictKind.DISTINCT_TYPES);
  }

  @Test
  void submoduleEntriesMergeOnlyWhenOneSideMovesThem() {
    Map<String, TestRepository.Entry> base =
        Map.of("lib", submodule(SUBMODULE_A), "a.txt", file("a\n"));
    assertClean(
        base,
        Map.of("lib", submodule(SUBMODULE_B), "a.txt", file("a\n")),
        Map.of("lib", submodule(SUBMODULE_A), "a.txt", file("a2\n")));
    assertConflict(
        base,
        Map.of("lib", submodule(SUBMODULE_B), "a.txt", file("a\n")),
        Map.of("lib", submodule(SUBMODULE_C), "a.txt", file("a\n")),
        ConflictKind.CONTENT);
  }

  @Test
  void emptyTreesMerge() {
    assertClean(Map.of(), Map.of("a.txt", file("a\n")), Map.of("b.txt", file("b\n")));
    Map<String, TestRepository.Entry> base = Map.of("a.txt", file("a\n"), "d/b.txt", file("b\n"));
    assertClean(
        base, Map.of(), Map.of("a.txt", file("a\n"), "d/b.txt", file("b\n"), "c.txt", file("c\n")));
    assertClean(base, Map.of("a.txt", file("a\n")), Map.of("a.txt", file("a2\n")));
  }

  @Test
  void nonAsciiPathsMergeByTheirBytes() {
    String name = "dokumente/größe ünd файл.txt";
    Map<String, TestRepository.Entry> base = Map.of(name, file(TEXT), "z\u00e9.txt", file("z\n"));
    assertClean(
        base,
        Map.of(name, file(edit(TEXT, 2)), "z\u00e9.txt", file("z\n")),
        Map.of(name, file(edit(TEXT, 27)), "z\u00e9.txt", file("z\n")));
    assertConflict(
        base,
        Map.of(name, file(edit(TEXT, 2)), "z\u00e9.txt", file("z\n")),
        Map.of(name, file(edit(edit(TEXT, 2), 2)), "z\u00e9.txt", file("z2\n")),
        ConflictKind.CONTENT);
  }

  @Test
  void missingFinalNewlinesAreLinesOfTheirOwn() {
    String unterminated = TEXT + "last";
    Map<String, TestRepository.Entry> base = Map.of("a.txt", file(unterminated));
    assertClean(
        base, Map.of("a.txt", file(edit(unterminated, 1))), Map.of("a.txt", file(TEXT + "last\n")));
    assertClean(
        base,
        Map.of("a.txt", file(edit(unterminated, 1))),
        Map.of("a.txt", file(unterminated + "\nmore")));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void assertClean(
      Map<String, TestRepository.Entry> base,
      Map<String, TestRepository.Entry> ours,
      Map<String, TestRepository.Entry> theirs) {
    MergeStep step = simulate(base, ours, theirs);
    assertThat(step.isClean()).as("clean: %s", step).isTrue();
  }

  private void assertConflict(
      Map<String, TestRepository.Entry> base,
      Map<String, TestRepository.Entry> ours,
      Map<String, TestRepository.Entry> theirs,
      ConflictKind kind) {
    MergeStep step = simulate(base, ours, theirs);
    assertThat(step).isInstanceOf(MergeStep.Conflicting.class);
    assertThat(((MergeStep.Conflicting) step).conflicts())
        .extracting(MergeConflict::kind)
        .contains(kind);
  }

  /** Simulates [ours, theirs] on base; checks both steps against git and returns the second. */
  private MergeStep simulate(
      Map<String, TestRepository.Entry> base,
      Map<String, TestRepository.Entry> ours,
      Map<String, TestRepository.Entry> theirs) {
    Revision baseCommit = repository.commit(List.of(), new TreeMap<>(base));
    Revision oursCommit = repository.commit(List.of(baseCommit), new TreeMap<>(ours));
    Revision theirsCommit = repository.commit(List.of(baseCommit), new TreeMap<>(theirs));
    MergeSimulation simulation = vcs.simulate(baseCommit, List.of(oursCommit, theirsCommit));
    GitMerge.of(repository, baseCommit, oursCommit)
        .assertAgreesWith(simulation.steps().get(0), "the first step");
    MergeStep step = simulation.steps().get(1);
    GitMerge.of(repository, oursCommit, theirsCommit).assertAgreesWith(step, "the second step");
    return step;
  }

  private static String numbered(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      text.append("line ").append(i).append('\n');
    }
    return text.toString();
  }

  /** {@code text} with line {@code number} (from 1) changed. */
  private static String edit(String text, int number) {
    String[] lines = text.split("\n", -1);
    lines[number - 1] = lines[number - 1] + " edited";
    return String.join("\n", lines);
  }
}
