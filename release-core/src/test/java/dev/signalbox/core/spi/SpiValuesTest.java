package dev.signalbox.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Passes null on purpose: a null must be refused with InvalidValueException, not an NPE.
@SuppressWarnings("NullAway")
class SpiValuesTest {
  private static final Revision BASE = Revision.of("a".repeat(40));
  private static final Revision CHANGE = Revision.of("b".repeat(40));
  private static final TreeRef TREE = TreeRef.of("c".repeat(40));
  private static final TreeRef OTHER_TREE = TreeRef.of("d".repeat(64));

  @Test
  void treeRefIsLowerCaseHex() {
    assertThat(TreeRef.of("ABCDEF" + "0".repeat(34)).id()).isEqualTo("abcdef" + "0".repeat(34));
    assertThatThrownBy(() -> TreeRef.of("abc"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("id must be 40 (SHA-1) or 64 (SHA-256) hexadecimal digits, was \"abc\"");
    assertThatThrownBy(() -> TreeRef.of(null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void blobHandsOutCopies() {
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    Blob blob = Blob.of(bytes);
    bytes[0] = 9;
    assertThat(blob.bytes()).containsExactly(0, 1, 2, 0xff);
    blob.bytes()[1] = 7;
    assertThat(blob.bytes()).containsExactly(0, 1, 2, 0xff);
    assertThat(blob.size()).isEqualTo(4);
    assertThat(Blob.of(new byte[0]).size()).isZero();
    assertThat(Blob.of(new byte[] {1, 2}).size()).isEqualTo(2);
    assertThat(Blob.ofUtf8("grüß").utf8()).isEqualTo("grüß");
    assertThat(Blob.ofUtf8("grüß").size())
        .isEqualTo("grüß".getBytes(StandardCharsets.UTF_8).length);
    assertThatThrownBy(() -> new Blob("not base64!"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("must be standard base64");
    assertThatThrownBy(() -> Blob.of(null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void snapshotSortsAndProtectsItsFiles() {
    Map<RepoPath, Blob> files = new LinkedHashMap<>();
    files.put(RepoPath.of("z.txt"), Blob.ofUtf8("z"));
    files.put(RepoPath.of("a.txt"), Blob.ofUtf8("aa"));
    ChangeSnapshot snapshot = new ChangeSnapshot("diff", files, false);
    files.clear();
    assertThat(snapshot.touchedFilesAtHead().keySet())
        .containsExactly(RepoPath.of("a.txt"), RepoPath.of("z.txt"));
    assertThat(snapshot.fileBytes()).isEqualTo(3);
    assertThatThrownBy(() -> snapshot.touchedFilesAtHead().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    Map<RepoPath, Blob> withNull = new LinkedHashMap<>();
    withNull.put(RepoPath.of("a"), null);
    assertThatThrownBy(() -> new ChangeSnapshot("d", withNull, false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("touchedFilesAtHead.a must not be null");
    assertThatThrownBy(() -> new ChangeSnapshot(null, Map.of(), false))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void conflictingStepNeedsAConflictAndSortsThem() {
    assertThatThrownBy(() -> new MergeStep.Conflicting(CHANGE, List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("conflicts must not be empty, was []");
    MergeStep.Conflicting step =
        new MergeStep.Conflicting(
            CHANGE,
            List.of(
                MergeConflict.of(ConflictKind.RENAME, "b.txt"),
                MergeConflict.of(ConflictKind.CONTENT, "a.txt"),
                MergeConflict.of(ConflictKind.CONTENT, "a.txt")));
    assertThat(step.conflicts())
        .containsExactly(
            MergeConflict.of(ConflictKind.CONTENT, "a.txt"),
            MergeConflict.of(ConflictKind.RENAME, "b.txt"));
    assertThat(step.needsRealMerge()).isFalse();
    assertThat(step.isClean()).isFalse();
    assertThat(
            new MergeStep.Conflicting(CHANGE, List.of(MergeConflict.of(ConflictKind.RENAME, "b")))
                .needsRealMerge())
        .isTrue();
  }

  @Test
  void conflictsReadLikeGit() {
    assertThat(MergeConflict.of(ConflictKind.MODIFY_DELETE, "src/A.java"))
        .hasToString("modify/delete: src/A.java");
    assertThat(MergeConflict.of(ConflictKind.RENAME, "a.txt"))
        .hasToString("rename: needs a real merge: a.txt");
    assertThat(ConflictKind.CRISS_CROSS.isConservative()).isTrue();
    assertThat(ConflictKind.ADD_ADD.isConservative()).isFalse();
  }

  @Test
  void simulationFinalTreeSkipsConflictingSteps() {
    MergeSimulation none = new MergeSimulation(BASE, TREE, List.of());
    assertThat(none.finalTree()).isEqualTo(TREE);
    assertThat(none.isClean()).isTrue();
    MergeStep.Conflicting conflict =
        new MergeStep.Conflicting(CHANGE, List.of(MergeConflict.of(ConflictKind.CONTENT, "a")));
    MergeSimulation simulation =
        new MergeSimulation(BASE, TREE, List.of(new MergeStep.Clean(BASE, OTHER_TREE), conflict));
    assertThat(simulation.finalTree()).isEqualTo(OTHER_TREE);
    assertThat(simulation.isClean()).isFalse();
    assertThat(simulation.conflicting()).containsExactly(conflict);
    assertThatThrownBy(() -> new MergeSimulation(BASE, TREE, null))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refUpdates() {
    assertThat(RefUpdate.MOVED.isAtTarget()).isTrue();
    assertThat(RefUpdate.ALREADY_AT_TARGET.isAtTarget()).isTrue();
    assertThat(RefUpdate.LOST_RACE.isAtTarget()).isFalse();
  }

  @Test
  void valuesRoundTripThroughJsonAndYaml() {
    MergeSimulation simulation =
        new MergeSimulation(
            BASE,
            TREE,
            List.of(
                new MergeStep.Clean(BASE, OTHER_TREE),
                new MergeStep.Conflicting(
                    CHANGE,
                    List.of(
                        MergeConflict.of(ConflictKind.FILE_DIRECTORY, "dir"),
                        MergeConflict.of(ConflictKind.MODIFY_DELETE, "ü/ß.txt")))));
    ChangeSnapshot snapshot =
        new ChangeSnapshot(
            "diff --git a/x b/x\n",
            Map.of(
                RepoPath.of("x"), Blob.of(new byte[] {0, 1, 2}), RepoPath.of("y"), Blob.ofUtf8("")),
            true);
    for (DocumentCodec codec : List.of(DocumentCodec.json(), DocumentCodec.yaml())) {
      assertThat(codec.read(codec.write(simulation), MergeSimulation.class)).isEqualTo(simulation);
      assertThat(codec.read(codec.write(snapshot), ChangeSnapshot.class)).isEqualTo(snapshot);
      MergeStep step = simulation.steps().get(1);
      assertThat(codec.read(codec.write(step), MergeStep.class)).isEqualTo(step);
    }
    assertThat(DocumentCodec.json().write(simulation))
        .contains("\"type\": \"conflicting\"")
        .contains("\"kind\": \"FILE_DIRECTORY\"")
        .contains("\"tree\": \"" + OTHER_TREE.id() + "\"");
    assertThat(DocumentCodec.json().write(snapshot)).contains("\"x\": \"AAEC\"");
  }

  @Test
  void mergeConflictExceptionTravelsWithItsConflicts() throws Exception {
    MergeStep.Conflicting step =
        new MergeStep.Conflicting(CHANGE, List.of(MergeConflict.of(ConflictKind.CONTENT, "a.txt")));
    MergeConflictException sent = new MergeConflictException(BASE, step);
    assertThat(sent)
        .hasMessage("cannot merge bbbbbbbbbbbb onto aaaaaaaaaaaa: content: a.txt")
        .isInstanceOf(VersionControlException.class);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sent);
    }
    MergeConflictException received;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      received = (MergeConflictException) in.readObject();
    }
    assertThat(received.conflicts()).isEqualTo(step.conflicts());
    assertThat(received.change()).isEqualTo(CHANGE);
    UnknownRevisionException unknown = new UnknownRevisionException("abc", "is not a commit");
    assertThat(unknown).hasMessage("abc is not a commit");
    assertThat(unknown.id()).isEqualTo("abc");
  }
}
