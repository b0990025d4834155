package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.ChangeKind;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.Blob;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ConflictKind;
import dev.signalbox.core.spi.MergeConflict;
import dev.signalbox.core.spi.MergeConflictException;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.MergeStep;
import dev.signalbox.core.spi.RefUpdate;
import dev.signalbox.core.spi.UnknownRevisionException;
import dev.signalbox.core.spi.VersionControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link VersionControl}, as JUnit tests that an implementation's test class
 * extends, supplying fresh repositories through {@link #newSandbox()}:
 *
 * <pre>{@code
 * class GitVersionControlContractTest extends VersionControlContract {
 *   @TempDir Path directory;
 *
 *   @Override
 *   protected Sandbox newSandbox() { ... an empty repository in directory ... }
 * }
 * }</pre>
 *
 * <p>Every scenario is built through the sandbox: histories of whole-tree commits, then calls on
 * the version control under test. It covers change listing (with renames, binary files and line
 * counts), the merge-base form, the content digest across a trivial rebase and after a
 * whitespace-only edit, clean and conflicting train simulations (edits to different hunks of one
 * file merge; edits to the same lines, and a modification against a deletion, conflict; a
 * conflicting step is left out), revert checks on a train's final tree, merge commits, a
 * compare-and-swap that loses its race and one whose ref is already at the target, tags, files and
 * snapshots, and the refusal of unknown revisions and null arguments.
 *
 * <p>A new instance runs each test, as JUnit does; subclasses need no state of their own beyond
 * what {@link #newSandbox()} uses.
 */
public abstract class VersionControlContract {
  /**
   * An empty repository under test and a way to make commits in it, without the version control
   * under test (whose writing methods are part of what is tested).
   */
  protected interface Sandbox extends AutoCloseable {
    /** The version control under test, over this repository. */
    VersionControl versionControl();

    /**
     * Writes a commit whose tree holds exactly {@code files} (path to content, regular files), with
     * {@code parents} in order; moves no ref.
     */
    Revision commit(List<Revision> parents, Map<String, byte[]> files, String message);

    /** Releases the repository; by default nothing. */
    @Override
    default void close() {}
  }

  /** For subclasses. */
  protected VersionControlContract() {}

  /** A fresh, empty repository with the version control under test. */
  protected abstract Sandbox newSandbox() throws Exception;

  private static final int LINES = 30;

  private Sandbox sandbox;
  private VersionControl vcs;
  private final Map<Revision, Map<String, byte[]>> trees = new HashMap<>();

  /** Creates the sandbox for one test. */
  @BeforeEach
  final void openSandbox() throws Exception {
    sandbox = newSandbox();
    vcs = sandbox.versionControl();
  }

  /** Releases the sandbox after one test. */
  @AfterEach
  final void closeSandbox() {
    sandbox.close();
  }

  // ---- change listing --------------------------------------------------------------------------

  @Test
  void listsAddedModifiedDeletedRenamedAndBinaryFiles() {
    Revision base =
        root(
            "app.txt", numbered("app", LINES),
            "gone.txt", numbered("gone", 4),
            "old/name.txt", numbered("moved", 20),
            "image.bin", "\0\1\2binary");
    Revision head =
        child(
            base,
            Map.of(
                "app.txt",
                replaceLine(numbered("app", LINES), 5, "changed") + "appended\n",
                "new.txt",
                numbered("new", 3),
                "new/name.txt",
                replaceLine(numbered("moved", 20), 10, "edited while moving"),
                "image.bin",
                "\0\3\4binary"),
            "gone.txt",
            "old/name.txt");

    ChangeSet changes = vcs.changes(base, head);

    assertThat(changes.files())
        .containsExactly(
            FileChange.modified("app.txt", 2, 1),
            FileChange.deleted("gone.txt", 4),
            new FileChange(
                RepoPath.of("image.bin"), Optional.empty(), ChangeKind.MODIFIED, 0, 0, true),
            FileChange.added("new.txt", 3),
            FileChange.renamed("old/name.txt", "new/name.txt", 1, 1));
    assertThat(vcs.changes(base, base).isEmpty()).isTrue();
  }

  @Test
  void mergeBaseFormListsOnlyTheChangesOwnFiles() {
    Revision base = root("app.txt", numbered("app", LINES), "lib.txt", numbered("lib", 5));
    Revision change = child(base, Map.of("app.txt", replaceLine(numbered("app", LINES), 3, "x")));
    Revision target = child(base, Map.of("lib.txt", numbered("lib", 6)));

    assertThat(vcs.mergeBase(target, change)).contains(base);
    assertThat(vcs.changesSinceMergeBase(target, change).paths())
        .containsExactly(RepoPath.of("app.txt"));
    assertThat(vcs.changes(target, change).paths())
        .containsExactly(RepoPath.of("app.txt"), RepoPath.of("lib.txt"));
  }

  // ---- content digest --------------------------------------------------------------------------

  @Test
  void digestSurvivesATrivialRebaseAndChangesOnAWhitespaceEdit() {
    String app = numbered("app", LINES);
    Revision base = root("app.txt", app, "lib.txt", numbered("lib", 5));
    Revision change = child(base, Map.of("app.txt", replaceLine(app, 20, "fixed")));
    // the target moves on: a line far from the change, and another file
    String movedApp = replaceLine(app, 2, "target's edit");
    Revision target = child(base, Map.of("app.txt", movedApp, "lib.txt", numbered("lib", 7)));
    Revision rebased = child(target, Map.of("app.txt", replaceLine(movedApp, 20, "fixed")));
    Revision whitespace = child(base, Map.of("app.txt", replaceLine(app, 20, "fixed ")));

    ContentDigest digest = vcs.contentDigest(base, change);

    assertThat(vcs.contentDigest(base, change)).isEqualTo(digest);
    assertThat(vcs.contentDigest(target, rebased)).isEqualTo(digest);
    assertThat(vcs.contentDigest(base, whitespace)).isNotEqualTo(digest);
    assertThat(vcs.contentDigest(base, target)).isNotEqualTo(digest);
  }

  // ---- merge simulation ------------------------------------------------------------------------

  @Test
  void editsToDifferentFilesAndDifferentHunksOfOneFileMergeCleanly() {
    String app = numbered("app", LINES);
    Revision base = root("app.txt", app, "lib.txt", numbered("lib", 5));
    Revision first = child(base, Map.of("app.txt", replaceLine(app, 3, "first")));
    Revision second = child(base, Map.of("app.txt", replaceLine(app, 25, "second")));
    Revision third = child(base, Map.of("lib.txt", numbered("lib", 9)));
    Revision expected =
        child(
            base,
            Map.of(
                "app.txt",
                replaceLine(replaceLine(app, 3, "first"), 25, "second"),
                "lib.txt",
                numbered("lib", 9)));

    MergeSimulation simulation = vcs.simulate(base, List.of(first, second, third));

    assertThat(simulation.isClean()).isTrue();
    assertThat(simulation.steps())
        .extracting(MergeStep::change)
        .containsExactly(first, second, third);
    assertThat(simulation.finalTree()).isEqualTo(vcs.tree(expected));
    assertThat(simulation.baseTree()).isEqualTo(vcs.tree(base));
    assertThat(((MergeStep.Clean) simulation.steps().get(0)).tree()).isEqualTo(vcs.tree(first));
  }

  @Test
  void editsToTheSameLinesConflictAndTheTrainGoesOnWithout() {
    String app = numbered("app", LINES);
    Revision base = root("app.txt", app, "lib.txt", numbered("lib", 5), "doc.txt", "doc\n");
    Revision first = child(base, Map.of("app.txt", replaceLine(app, 10, "first")));
    Revision clash = child(base, Map.of("app.txt", replaceLine(app, 10, "clash")));
    Revision deletes = child(base, Map.of(), "lib.txt");
    Revision modifies = child(base, Map.of("lib.txt", numbered("lib", 6)));
    Revision expected =
        child(
            base, Map.of("app.txt", replaceLine(app, 10, "first"), "lib.txt", numbered("lib", 6)));

    MergeSimulation simulation = vcs.simulate(base, List.of(first, clash, modifies, deletes));

    assertThat(simulation.steps())
        .extracting(MergeStep::isClean)
        .containsExactly(true, false, true, false);
    assertThat(simulation.conflicting())
        .extracting(MergeStep.Conflicting::conflicts)
        .containsExactly(
            List.of(MergeConflict.of(ConflictKind.CONTENT, "app.txt")),
            List.of(MergeConflict.of(ConflictKind.MODIFY_DELETE, "lib.txt")));
    assertThat(simulation.finalTree()).isEqualTo(vcs.tree(expected));
    assertThat(simulation.isClean()).isFalse();
  }

  @Test
  void anEmptyTrainLeavesTheBaseTree() {
    Revision base = root("app.txt", numbered("app", 3));
    MergeSimulation simulation = vcs.simulate(base, List.of());
    assertThat(simulation.steps()).isEmpty();
    assertThat(simulation.finalTree()).isEqualTo(vcs.tree(base));
  }

  // ---- revert checks ---------------------------------------------------------------------------

  @Test
  void revertsAreCheckedOnTheTrainsFinalTree() {
    String app = numbered("app", LINES);
    Revision base = root("app.txt", app, "lib.txt", numbered("lib", 5));
    Revision car = child(base, Map.of("app.txt", replaceLine(app, 10, "car")));
    Revision other = child(base, Map.of("lib.txt", numbered("lib", 8)));
    Revision later = child(car, Map.of("app.txt", replaceLine(app, 10, "later")));

    MergeSimulation clean = vcs.simulate(base, List.of(car, other));
    assertThat(vcs.checkRevert(base, car, clean.finalTree())).isEqualTo(RevertCheck.clean());
    assertThat(vcs.checkRevert(base, other, clean.finalTree())).isEqualTo(RevertCheck.clean());

    MergeSimulation blocked = vcs.simulate(base, List.of(car, later));
    assertThat(blocked.isClean()).isTrue();
    assertThat(vcs.checkRevert(base, car, blocked.finalTree()))
        .isEqualTo(new RevertCheck(RevertStatus.CONFLICTS, List.of(RepoPath.of("app.txt"))));
  }

  // ---- writing ----------------------------------------------------------------------------------

  @Test
  void writesMergeCommitsWithTheSimulatedTreeAndMovesNoRef() {
    String app = numbered("app", LINES);
    Revision base = root("app.txt", app);
    Revision first = child(base, Map.of("app.txt", replaceLine(app, 3, "first")));
    Revision second = child(base, Map.of("app.txt", replaceLine(app, 25, "second")));
    assertThat(vcs.compareAndSetRef("refs/heads/main", Optional.empty(), base))
        .isEqualTo(RefUpdate.MOVED);

    MergeSimulation simulation = vcs.simulate(base, List.of(first, second));
    Revision one = vcs.writeMerge(base, first, "Merge first");
    Revision two = vcs.writeMerge(one, second, "Merge second");

    assertThat(vcs.tree(two)).isEqualTo(simulation.finalTree());
    assertThat(vcs.tree(one)).isEqualTo(((MergeStep.Clean) simulation.steps().get(0)).tree());
    assertThat(vcs.mergeBase(two, first)).contains(first);
    assertThat(vcs.mergeBase(two, base)).contains(base);
    assertThat(vcs.ref("refs/heads/main")).contains(base);
    assertThat(vcs.read(two, RepoPath.of("app.txt")).map(Blob::utf8))
        .contains(replaceLine(replaceLine(app, 3, "first"), 25, "second"));
  }

  @Test
  void aConflictingMergeIsNotWritten() {
    String app = numbered("app", LINES);
    Revision base = root("app.txt", app);
    Revision first = child(base, Map.of("app.txt", replaceLine(app, 3, "first")));
    Revision clash = child(base, Map.of("app.txt", replaceLine(app, 3, "clash")));

    assertThatThrownBy(() -> vcs.writeMerge(first, clash, "Merge clash"))
        .isInstanceOfSatisfying(
            MergeConflictException.class,
            e -> {
              assertThat(e.change()).isEqualTo(clash);
              assertThat(e.conflicts())
                  .containsExactly(MergeConflict.of(ConflictKind.CONTENT, "app.txt"));
            });
  }

  @Test
  void compareAndSetMovesARefOnlyFromTheExpectedValue() {
    Revision base = root("app.txt", numbered("app", 3));
    Revision next = child(base, Map.of("app.txt", numbered("app", 4)));
    Revision theirs = child(base, Map.of("app.txt", numbered("app", 5)));
    String ref = "refs/heads/train";

    assertThat(vcs.ref(ref)).isEmpty();
    assertThat(vcs.compareAndSetRef(ref, Optional.empty(), base)).isEqualTo(RefUpdate.MOVED);
    assertThat(vcs.compareAndSetRef(ref, Optional.of(base), next)).isEqualTo(RefUpdate.MOVED);
    assertThat(vcs.ref(ref)).contains(next);

    // a lost race: someone else moved the ref since we read it
    assertThat(vcs.compareAndSetRef(ref, Optional.of(base), theirs)).isEqualTo(RefUpdate.LOST_RACE);
    assertThat(vcs.compareAndSetRef(ref, Optional.empty(), theirs)).isEqualTo(RefUpdate.LOST_RACE);
    assertThat(vcs.ref(ref)).contains(next);

    // a retried update finds the ref already at its target
    assertThat(vcs.compareAndSetRef(ref, Optional.of(base), next))
        .isEqualTo(RefUpdate.ALREADY_AT_TARGET);
    assertThat(vcs.compareAndSetRef(ref, Optional.of(next), next))
        .isEqualTo(RefUpdate.ALREADY_AT_TARGET);
    assertThat(vcs.ref(ref)).contains(next);
  }

  @Test
  void tagsAreCreatedOnceAndNeverMoved() {
    Revision base = root("app.txt", numbered("app", 3));
    Revision other = child(base, Map.of("app.txt", numbered("app", 4)));

    assertThat(vcs.tag("train-1", base, "Train 1 departed")).isEqualTo(RefUpdate.MOVED);
    assertThat(vcs.ref("refs/tags/train-1")).contains(base);
    assertThat(vcs.tag("train-1", base, "Train 1 departed")).isEqualTo(RefUpdate.ALREADY_AT_TARGET);
    assertThat(vcs.tag("train-1", other, "Train 1 again")).isEqualTo(RefUpdate.LOST_RACE);
    assertThat(vcs.ref("refs/tags/train-1")).contains(base);
  }

  // ---- reading files
  // -----------------------------------------------------------------------------

  @Test
  void readsFilesAtARevision() {
    Revision base = root("dir/app.txt", "hello\n", "bytes.bin", "\0\1");
    assertThat(vcs.read(base, RepoPath.of("dir/app.txt")).map(Blob::utf8)).contains("hello\n");
    assertThat(vcs.read(base, RepoPath.of("bytes.bin")).map(Blob::bytes))
        .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(0, 1));
    assertThat(vcs.read(base, RepoPath.of("missing.txt"))).isEmpty();
    assertThat(vcs.read(base, RepoPath.of("dir"))).isEmpty();
  }

  @Test
  void snapshotsHoldTheDiffAndTheTouchedFilesWithinTheBound() {
    Revision base = root("app.txt", numbered("app", LINES), "gone.txt", "gone\n");
    Revision head =
        child(
            base,
            Map.of(
                "app.txt",
                replaceLine(numbered("app", LINES), 4, "changed"),
                "big.txt",
                numbered("big", 400)),
            "gone.txt");

    ChangeSnapshot whole = vcs.snapshot(base, head, 1 << 20);
    assertThat(whole.truncated()).isFalse();
    assertThat(whole.diff())
        .contains("+changed")
        .contains("-gone")
        .isEqualTo(vcs.diff(base, head, 1 << 20));
    assertThat(whole.touchedFilesAtHead().keySet())
        .containsExactly(RepoPath.of("app.txt"), RepoPath.of("big.txt"));
    assertThat(whole.touchedFilesAtHead())
        .containsEntry(
            RepoPath.of("app.txt"), Blob.ofUtf8(replaceLine(numbered("app", LINES), 4, "changed")));

    int bound = 2_000;
    ChangeSnapshot small = vcs.snapshot(base, head, bound);
    assertThat(small.truncated()).isTrue();
    assertThat(utf8Length(small.diff()) + small.fileBytes()).isLessThanOrEqualTo(bound);
    String diff = vcs.diff(base, head, VersionControl.MIN_SIZE_BOUND);
    assertThat(utf8Length(diff)).isLessThanOrEqualTo(VersionControl.MIN_SIZE_BOUND);
    assertThat(diff).contains("truncated");
  }

  // ---- refusals
  // ----------------------------------------------------------------------------------

  @Test
  void unknownRevisionsAreRefused() {
    Revision base = root("app.txt", "x\n");
    Revision unknown = Revision.of("0123456789abcdef0123456789abcdef01234567");
    assertThatThrownBy(() -> vcs.changes(base, unknown))
        .isInstanceOf(UnknownRevisionException.class)
        .hasMessageContaining(unknown.commit());
    assertThatThrownBy(() -> vcs.simulate(base, List.of(unknown)))
        .isInstanceOf(UnknownRevisionException.class);
    assertThatThrownBy(() -> vcs.tree(unknown)).isInstanceOf(UnknownRevisionException.class);
    assertThatThrownBy(
            () -> vcs.checkRevert(base, base, dev.signalbox.core.spi.TreeRef.of(unknown.commit())))
        .isInstanceOf(UnknownRevisionException.class);
    assertThatThrownBy(() -> vcs.compareAndSetRef("refs/heads/x", Optional.empty(), unknown))
        .isInstanceOf(UnknownRevisionException.class);
    assertThat(vcs.ref("refs/heads/x")).isEmpty();
  }

  @Test
  // passes null on purpose: it must be refused, never an NPE
  @SuppressWarnings({"NullAway", "NullOptional"})
  void nullArgumentsAndTinyBoundsAreRefused() {
    Revision base = root("app.txt", "x\n");
    List<Runnable> calls = new ArrayList<>();
    calls.add(() -> vcs.changes(null, base));
    calls.add(() -> vcs.diff(base, null, 1000));
    calls.add(() -> vcs.diff(base, base, VersionControl.MIN_SIZE_BOUND - 1));
    calls.add(() -> vcs.snapshot(base, base, 0));
    calls.add(() -> vcs.contentDigest(base, null));
    calls.add(() -> vcs.simulate(null, List.of()));
    calls.add(() -> vcs.simulate(base, null));
    calls.add(() -> vcs.simulate(base, java.util.Arrays.asList(base, null)));
    calls.add(() -> vcs.checkRevert(base, base, null));
    calls.add(() -> vcs.writeMerge(base, base, null));
    calls.add(() -> vcs.compareAndSetRef("refs/heads/x", null, base));
    calls.add(() -> vcs.compareAndSetRef("not a ref", Optional.empty(), base));
    calls.add(() -> vcs.tag("bad..name", base, "m"));
    calls.add(() -> vcs.read(base, null));
    calls.add(() -> vcs.ref(null));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ---- building histories
  // --------------------------------------------------------------------------

  /** A root commit of the given path, content, path, content... */
  private Revision root(String... pathsAndContents) {
    Map<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], bytes(pathsAndContents[i + 1]));
    }
    return commit(List.of(), files);
  }

  /** A child of {@code parent} with files written and deleted. */
  private Revision child(Revision parent, Map<String, String> writes, String... deletes) {
    Map<String, byte[]> files = new TreeMap<>(trees.get(parent));
    writes.forEach((path, content) -> files.put(path, bytes(content)));
    for (String path : deletes) {
      files.remove(path);
    }
    return commit(List.of(parent), files);
  }

  private Revision commit(List<Revision> parents, Map<String, byte[]> files) {
    Revision revision = sandbox.commit(parents, files, "commit " + (trees.size() + 1));
    trees.put(revision, files);
    return revision;
  }

  /** Lines {@code "<prefix> 1"} to {@code "<prefix> n"}, each ending in a newline. */
  private static String numbered(String prefix, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      text.append(prefix).append(' ').append(i).append('\n');
    }
    return text.toString();
  }

  /** {@code text} with its line {@code number} (from 1) replaced by {@code line}. */
  private static String replaceLine(String text, int number, String line) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.set(number - 1, line);
    return String.join("\n", lines);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
