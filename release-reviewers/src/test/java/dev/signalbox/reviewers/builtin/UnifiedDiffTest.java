package dev.signalbox.reviewers.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.RepoPath;
import dev.signalbox.reviewers.internal.UnifiedDiff;
import dev.signalbox.reviewers.testing.Diffs;
import dev.signalbox.reviewers.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff reader the static reviewers share: files, added lines and their numbers at head. */
class UnifiedDiffTest {
  @Test
  void addedLinesAreNumberedAtHead() {
    UnifiedDiff diff = UnifiedDiff.parse(Fixtures.DIFF);

    assertThat(diff.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo(RepoPath.of("src/main/java/shop/Totals.java"));
              assertThat(f.added())
                  .containsExactly(
                      new UnifiedDiff.AddedLine(2, "class Totals {"),
                      new UnifiedDiff.AddedLine(3, "  int sum(int a, int b) { return a + b; }"),
                      new UnifiedDiff.AddedLine(4, "}"));
              assertThat(f.removedLines()).isEqualTo(1);
            });
  }

  @Test
  void newDeletedRenamedAndQuotedFilesAreRead() {
    String renamed =
        """
        diff --git a/old/Name.java b/new/Name.java
        similarity index 90%
        rename from old/Name.java
        rename to new/Name.java
        --- a/old/Name.java
        +++ b/new/Name.java
        @@ -10,2 +12,3 @@ class Name {
         a
        +++counter;
         b
        """;
    String quoted =
        """
        diff --git "a/caf\\303\\251 menu.txt" "b/caf\\303\\251 menu.txt"
        new file mode 100644
        --- /dev/null
        +++ "b/caf\\303\\251 menu.txt"
        @@ -0,0 +1 @@
        +espresso
        """;
    UnifiedDiff diff =
        UnifiedDiff.parse(
            Diffs.of(Diffs.newFile("a.txt", "x", "y"), Diffs.deleted("b.txt", 2), renamed, quoted));

    List<UnifiedDiff.FileDiff> files = diff.files();
    assertThat(files).hasSize(4);
    assertThat(files.get(0).isAdded()).isTrue();
    assertThat(files.get(0).added()).extracting(UnifiedDiff.AddedLine::line).containsExactly(1, 2);
    assertThat(files.get(1).isDeleted()).isTrue();
    assertThat(files.get(1).path()).isEqualTo(RepoPath.of("b.txt"));
    assertThat(files.get(1).removedLines()).isEqualTo(2);
    assertThat(files.get(2).oldPath()).contains(RepoPath.of("old/Name.java"));
    assertThat(files.get(2).newPath()).contains(RepoPath.of("new/Name.java"));
    // an added line that starts with "++" inside a hunk is content, not a header
    assertThat(files.get(2).added()).containsExactly(new UnifiedDiff.AddedLine(13, "++counter;"));
    assertThat(files.get(3).path()).isEqualTo(RepoPath.of("café menu.txt"));
    assertThat(diff.addedLines()).isEqualTo(4);
  }

  @Test
  void aTruncationNoteAndGarbageAreSkipped() {
    UnifiedDiff diff =
        UnifiedDiff.parse(Diffs.newFile("a.txt", "x") + "[diff truncated at 1000 bytes]\n");
    assertThat(diff.files()).singleElement().satisfies(f -> assertThat(f.added()).hasSize(1));
    assertThat(UnifiedDiff.parse("not a diff at all\n").files()).isEmpty();
    assertThat(UnifiedDiff.parse("").files()).isEmpty();
  }

  @Test
  void aHunkShortOfWhatItsHeaderCountsIsReportedCutShort() {
    String whole = Diffs.insert("a/App.java", 3, "", "int a = 1;", "int b = 2;");
    assertThat(UnifiedDiff.parse(whole).cutShort()).as("a whole diff").isFalse();
    assertThat(UnifiedDiff.parse(Diffs.of(whole, Diffs.deleted("b.txt", 2))).cutShort())
        .as("two whole files")
        .isFalse();

    // the last line dropped: the final hunk ends one added line short
    String lastLineDropped = whole.substring(0, whole.lastIndexOf("+int b"));
    assertThat(UnifiedDiff.parse(lastLineDropped).cutShort()).as("last line dropped").isTrue();
    // its context line dropped: the line break ending the diff must not stand in for it
    String contextDropped = whole.replace("\n \n", "\n");
    assertThat(UnifiedDiff.parse(contextDropped).cutShort()).as("context dropped").isTrue();
    // a hunk cut short before the next file's header
    assertThat(UnifiedDiff.parse(Diffs.of(lastLineDropped, Diffs.newFile("c.txt", "c"))).cutShort())
        .as("cut short before another file")
        .isTrue();
    assertThat(UnifiedDiff.parse(lastLineDropped).files().get(0).added())
        .containsExactly(new UnifiedDiff.AddedLine(4, "int a = 1;"));
  }
}
