package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class FileChangeTest {
  private static final RepoPath PATH = RepoPath.of("src/App.java");
  private static final RepoPath OLD = RepoPath.of("src/Old.java");

  @Test
  void addedModifiedDeletedAndRenamedFactories() {
    assertThat(FileChange.added("./src//App.java", 10))
        .isEqualTo(new FileChange(PATH, Optional.empty(), ChangeKind.ADDED, 10, 0, false));
    assertThat(FileChange.modified("src/App.java", 3, 2))
        .isEqualTo(new FileChange(PATH, Optional.empty(), ChangeKind.MODIFIED, 3, 2, false));
    assertThat(FileChange.deleted("src/App.java", 7))
        .isEqualTo(new FileChange(PATH, Optional.empty(), ChangeKind.DELETED, 0, 7, false));
    assertThat(FileChange.renamed("src/Old.java", "src/App.java", 1, 1))
        .isEqualTo(new FileChange(PATH, Optional.of(OLD), ChangeKind.RENAMED, 1, 1, false));
  }

  @Test
  void copiedFileHasItsSource() {
    FileChange copied = new FileChange(PATH, Optional.of(OLD), ChangeKind.COPIED, 0, 0, false);
    assertThat(copied.oldPath()).contains(OLD);
  }

  @Test
  void binaryFileHasNoLineCounts() {
    FileChange binary =
        new FileChange(RepoPath.of("logo.png"), Optional.empty(), ChangeKind.MODIFIED, 0, 0, true);
    assertThat(binary.binary()).isTrue();
    assertThat(binary.linesChanged()).isZero();
  }

  @Test
  void linesChangedIsAddedPlusRemoved() {
    assertThat(FileChange.modified("a", 3, 4).linesChanged()).isEqualTo(7);
    assertThat(FileChange.added("a", 0).linesChanged()).isZero();
  }

  @Test
  void rejectsMissingFields() {
    assertNullRejected(
        () -> new FileChange(null, Optional.empty(), ChangeKind.ADDED, 1, 0, false),
        FileChange.class,
        "path");
    assertNullRejected(
        () -> new FileChange(PATH, null, ChangeKind.ADDED, 1, 0, false),
        FileChange.class,
        "oldPath");
    assertNullRejected(
        () -> new FileChange(PATH, Optional.empty(), null, 1, 0, false), FileChange.class, "kind");
  }

  @Test
  void factoriesRejectNullPathsWithoutNullPointerException() {
    assertNullRejected(() -> FileChange.added(null, 1), RepoPath.class, "value");
    assertNullRejected(() -> FileChange.renamed(null, "b", 0, 0), RepoPath.class, "value");
    assertNullRejected(() -> FileChange.renamed("a", null, 0, 0), RepoPath.class, "value");
  }

  @Test
  void factoriesRejectInvalidPaths() {
    assertRejected(
        () -> FileChange.modified("../x", 1, 1),
        RepoPath.class,
        "value",
        "value must not contain a .. segment, was \"../x\"");
  }

  @Test
  void rejectsNegativeLineCounts() {
    assertRejected(
        () -> FileChange.modified("a", -1, 0),
        FileChange.class,
        "linesAdded",
        "linesAdded must be >= 0, was -1");
    assertRejected(
        () -> FileChange.modified("a", 0, -5),
        FileChange.class,
        "linesRemoved",
        "linesRemoved must be >= 0, was -5");
  }

  @ParameterizedTest
  @EnumSource(
      value = ChangeKind.class,
      names = {"RENAMED", "COPIED"})
  void movedFileNeedsItsOldPath(ChangeKind kind) {
    assertRejected(
        () -> new FileChange(PATH, Optional.empty(), kind, 0, 0, false),
        FileChange.class,
        "oldPath",
        "oldPath must be present for a " + kind + " file");
  }

  @ParameterizedTest
  @EnumSource(
      value = ChangeKind.class,
      names = {"ADDED", "MODIFIED", "DELETED"})
  void fileThatDidNotMoveHasNoOldPath(ChangeKind kind) {
    assertRejected(
        () -> new FileChange(PATH, Optional.of(OLD), kind, 0, 0, false),
        FileChange.class,
        "oldPath",
        "oldPath must be absent for a " + kind + " file, was src/Old.java");
  }

  @Test
  void oldPathMustDifferFromPath() {
    assertRejected(
        () -> FileChange.renamed("src/App.java", "./src/App.java", 0, 0),
        FileChange.class,
        "oldPath",
        "oldPath must differ from path, was src/App.java");
  }

  @Test
  void binaryFileRejectsLinesAdded() {
    assertRejected(
        () -> new FileChange(PATH, Optional.empty(), ChangeKind.MODIFIED, 2, 0, true),
        FileChange.class,
        "linesAdded",
        "linesAdded must be 0 for a binary file, was 2");
  }

  @Test
  void binaryFileRejectsLinesRemovedNamingThatField() {
    assertRejected(
        () -> new FileChange(PATH, Optional.empty(), ChangeKind.MODIFIED, 0, 3, true),
        FileChange.class,
        "linesRemoved",
        "linesRemoved must be 0 for a binary file, was 3");
  }

  @Test
  void binaryFileRejectsLineCountsWhoseSumOverflows() {
    assertRejected(
        () ->
            new FileChange(PATH, Optional.empty(), ChangeKind.MODIFIED, Integer.MAX_VALUE, 1, true),
        FileChange.class,
        "linesAdded",
        "linesAdded must be 0 for a binary file, was 2147483647");
  }

  @Test
  void addedFileRemovesNoLines() {
    assertRejected(
        () -> new FileChange(PATH, Optional.empty(), ChangeKind.ADDED, 3, 1, false),
        FileChange.class,
        "linesRemoved",
        "linesRemoved must be 0 for an ADDED file, was 1");
  }

  @Test
  void deletedFileAddsNoLines() {
    assertRejected(
        () -> new FileChange(PATH, Optional.empty(), ChangeKind.DELETED, 1, 3, false),
        FileChange.class,
        "linesAdded",
        "linesAdded must be 0 for a DELETED file, was 1");
  }
}
