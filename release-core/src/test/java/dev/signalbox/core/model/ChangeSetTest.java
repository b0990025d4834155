package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class ChangeSetTest {
  private static final FileChange A = FileChange.modified("a/x.java", 1, 1);
  private static final FileChange B = FileChange.added("b.txt", 4);
  private static final FileChange C = FileChange.renamed("old/c.txt", "c/c.txt", 2, 0);
  private static final FileChange D = FileChange.deleted("d.md", 9);

  private static List<RepoPath> paths(String... values) {
    return Arrays.stream(values).map(RepoPath::of).toList();
  }

  @Test
  void sortsByPathWhateverTheInputOrder() {
    List<FileChange> sorted = List.of(A, B, C, D);
    assertThat(ChangeSet.of(D, C, B, A).files()).containsExactlyElementsOf(sorted);
    assertThat(ChangeSet.of(B, D, A, C).files()).containsExactlyElementsOf(sorted);
    assertThat(ChangeSet.of(D, C, B, A)).isEqualTo(ChangeSet.of(A, B, C, D));
    assertThat(ChangeSet.of(C, A, D, B).paths())
        .containsExactlyElementsOf(paths("a/x.java", "b.txt", "c/c.txt", "d.md"));
  }

  @Test
  void sortsByPathCodeUnitByCodeUnit() {
    FileChange upper = FileChange.added("Z", 1);
    FileChange lower = FileChange.added("a", 1);
    FileChange nested = FileChange.added("a/b", 1);
    FileChange sibling = FileChange.added("a-b", 1);
    assertThat(ChangeSet.of(nested, lower, sibling, upper).paths())
        .containsExactlyElementsOf(paths("Z", "a", "a-b", "a/b"));
  }

  @Test
  void emptyChangeSet() {
    assertThat(ChangeSet.empty().isEmpty()).isTrue();
    assertThat(ChangeSet.empty()).isEqualTo(new ChangeSet(List.of())).isEqualTo(ChangeSet.of());
    assertThat(ChangeSet.empty().touchedPaths()).isEmpty();
    assertThat(ChangeSet.empty().linesAdded()).isZero();
    assertThat(ChangeSet.of(A).isEmpty()).isFalse();
  }

  @Test
  void touchedPathsIncludeTheOldPathsOfMovedFiles() {
    assertThat(ChangeSet.of(D, C, A).touchedPaths())
        .containsExactlyInAnyOrderElementsOf(paths("a/x.java", "c/c.txt", "old/c.txt", "d.md"));
    assertThat(ChangeSet.of(D, C, A).paths())
        .containsExactlyElementsOf(paths("a/x.java", "c/c.txt", "d.md"));
  }

  @Test
  void sumsLinesAsLongs() {
    ChangeSet set = ChangeSet.of(A, B, C, D);
    assertThat(set.linesAdded()).isEqualTo(1 + 4 + 2);
    assertThat(set.linesRemoved()).isEqualTo(1 + 9);

    ChangeSet huge =
        ChangeSet.of(
            FileChange.added("x", Integer.MAX_VALUE), FileChange.added("y", Integer.MAX_VALUE));
    assertThat(huge.linesAdded()).isEqualTo(2L * Integer.MAX_VALUE);
  }

  @Test
  void rejectsAPathGivenTwiceNamingItsIndexInTheInput() {
    FileChange again = FileChange.modified("./b.txt", 1, 0);
    assertRejected(
        () -> ChangeSet.of(D, B, A, again),
        ChangeSet.class,
        "files[3].path",
        "files[3].path must not appear twice, was \"b.txt\"");
    assertRejected(
        () -> ChangeSet.of(B, again),
        ChangeSet.class,
        "files[1].path",
        "files[1].path must not appear twice, was \"b.txt\"");
  }

  @Test
  void aRenameMayLeaveAPathThatAnotherFileTakes() {
    // old/c.txt moved away and a new file was added at old/c.txt: two entries, distinct paths.
    FileChange replacement = FileChange.added("old/c.txt", 1);
    assertThat(ChangeSet.of(C, replacement).files()).containsExactly(C, replacement);
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(() -> new ChangeSet(null), ChangeSet.class, "files");
    assertNullRejected(() -> ChangeSet.of((FileChange[]) null), ChangeSet.class, "files");
    assertNullRejected(() -> ChangeSet.of(A, null), ChangeSet.class, "files[1]");
    assertNullRejected(() -> new ChangeSet(Arrays.asList(null, A)), ChangeSet.class, "files[0]");
  }

  @Test
  void copiesTheFilesHandedIn() {
    List<FileChange> files = new ArrayList<>(List.of(B, A));
    ChangeSet set = new ChangeSet(files);
    files.add(D);
    files.set(0, C);
    assertThat(set.files()).containsExactly(A, B);
  }

  @Test
  void copiesTheArrayHandedIn() {
    FileChange[] files = {B, A};
    ChangeSet set = ChangeSet.of(files);
    files[0] = D;
    assertThat(set.files()).containsExactly(A, B);
  }

  @Test
  void returnsUnmodifiableCollections() {
    ChangeSet set = ChangeSet.of(A, C);
    assertThatThrownBy(() -> set.files().add(B)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.files().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.paths().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.touchedPaths().add(RepoPath.of("z")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
