package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.spi.ConflictKind;
import dev.signalbox.core.spi.MergeConflict;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.MergeStep;
import dev.signalbox.core.spi.UnknownRevisionException;
import dev.signalbox.core.spi.VersionControlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the git adapter promises beyond the SPI's contract: opening, reading only, errors. */
class GitVersionControlTest {
  private static final String TEXT = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";

  @TempDir Path directory;

  @Test
  @SuppressWarnings("NullAway") // passes null on purpose: refused, never an NPE
  void opensWorkTreesAndBareRepositoriesAndRefusesOtherFolders() throws IOException {
    try (TestRepository work = TestRepository.init(directory.resolve("work"), false);
        TestRepository bare = TestRepository.init(directory.resolve("bare.git"), true)) {
      Revision inWork = work.commitText(List.of(), Map.of("a.txt", "a\n"));
      Revision inBare = bare.commitText(List.of(), Map.of("a.txt", "a\n"));
      try (GitVersionControl a = GitVersionControl.open(work.directory);
          GitVersionControl b = GitVersionControl.open(bare.directory)) {
        assertThat(a.tree(inWork)).isEqualTo(b.tree(inBare));
        assertThat(a.toString()).contains(".git");
      }
    }
    Path empty = Files.createDirectories(directory.resolve("empty"));
    assertThatThrownBy(() -> GitVersionControl.open(empty))
        .isInstanceOf(VersionControlException.class)
        .hasMessageContaining("no git repository at");
    assertThatThrownBy(() -> GitVersionControl.open(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readingAndSimulatingWriteNothing() throws IOException {
    try (TestRepository repository = TestRepository.init(directory.resolve("work"), false)) {
      Revision base = repository.commitText(List.of(), Map.of("a.txt", TEXT, "b.txt", "b\n"));
      Revision ours =
          repository.commitText(
              List.of(base), Map.of("a.txt", TEXT.replace("2\n", "two\n"), "b.txt", "b\n"));
      Revision theirs =
          repository.commitText(
              List.of(base), Map.of("a.txt", TEXT.replace("9\n", "nine\n"), "b.txt", "b2\n"));
      repository.gitOk("update-ref", "refs/heads/main", base.commit());
      Files.writeString(repository.directory.resolve("a.txt"), "work tree file\n");
      Map<String, Long> before = snapshot(repository.directory);

      try (GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
        MergeSimulation simulation = vcs.simulate(base, List.of(ours, theirs));
        assertThat(simulation.isClean()).isTrue();
        vcs.checkRevert(base, ours, simulation.finalTree());
        vcs.changes(base, theirs);
        vcs.diff(base, theirs, 10_000);
        vcs.snapshot(base, theirs, 10_000);
        vcs.contentDigest(base, theirs);
        vcs.read(theirs, RepoPath.of("a.txt"));
        vcs.ref("refs/heads/main");
        vcs.codeOwners(theirs);
      }

      assertThat(snapshot(repository.directory)).isEqualTo(before);
      assertThat(Files.readString(repository.directory.resolve("a.txt")))
          .isEqualTo("work tree file\n");
    }
  }

  @Test
  void writingAMergeWritesObjectsOnlyWithTheConfiguredCommitterAndClock() {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true)) {
      Revision base = repository.commitText(List.of(), Map.of("a.txt", TEXT));
      Revision change = repository.commitText(List.of(base), Map.of("a.txt", TEXT + "11\n"));
      Instant now = Instant.parse("2026-11-26T12:00:00Z");
      try (GitVersionControl vcs =
          GitVersionControl.builder(repository.directory)
              .committer("Train Bot", "train@example.com")
              .clock(Clock.fixed(now, ZoneOffset.UTC))
              .open()) {
        Revision merge = vcs.writeMerge(base, change, "Merge change\n");
        String commit = repository.gitOk("cat-file", "-p", merge.commit());
        assertThat(commit)
            .contains("parent " + base.commit() + "\nparent " + change.commit())
            .contains("committer Train Bot <train@example.com> " + now.getEpochSecond() + " +0000");
        assertThat(repository.gitOk("for-each-ref")).isEmpty();

        vcs.tag("train-7", merge, "Train 7 departed\n");
        assertThat(repository.gitOk("cat-file", "-p", "refs/tags/train-7"))
            .contains("object " + merge.commit())
            .contains("tagger Train Bot <train@example.com>");
      }
    }
  }

  @Test
  void builderSettingsAreCheckedAndGivenOnce() {
    GitVersionControl.Builder builder = GitVersionControl.builder(directory);
    assertThatThrownBy(() -> builder.committer("Bot", "a<b@c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.committer(" ", "a@b"))
        .isInstanceOf(IllegalArgumentException.class);
    builder.committer("Bot", "bot@example.com").clock(Clock.systemUTC());
    assertThatThrownBy(() -> builder.committer("Bot", "bot@example.com"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.clock(Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void crissCrossHistoriesAreConservative() {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true);
        GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
      Revision base = repository.commitText(List.of(), Map.of("a.txt", TEXT, "b.txt", "b\n"));
      Revision left =
          repository.commitText(List.of(base), Map.of("a.txt", TEXT + "left\n", "b.txt", "b\n"));
      Revision right =
          repository.commitText(List.of(base), Map.of("a.txt", TEXT, "b.txt", "right\n"));
      Map<String, String> both = Map.of("a.txt", TEXT + "left\n", "b.txt", "right\n");
      Revision leftMerge = repository.commitText(List.of(left, right), both);
      Revision rightMerge = repository.commitText(List.of(right, left), both);
      Revision change =
          repository.commitText(
              List.of(rightMerge),
              Map.of("a.txt", TEXT + "left\n", "b.txt", "right\n", "c.txt", "c\n"));

      MergeStep step = vcs.simulate(leftMerge, List.of(change)).steps().get(0);

      // every path the change touches since one of its merge bases
      assertThat(((MergeStep.Conflicting) step).conflicts())
          .contains(MergeConflict.of(ConflictKind.CRISS_CROSS, "c.txt"))
          .allMatch(conflict -> conflict.kind() == ConflictKind.CRISS_CROSS);
    }
  }

  @Test
  void unrelatedHistoriesMergeOverTheEmptyTreeButHaveNoMergeBase() {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true);
        GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
      Revision one = repository.commitText(List.of(), Map.of("a.txt", "a\n"));
      Revision other = repository.commitText(List.of(), Map.of("b.txt", "b\n"));
      Revision both = repository.commitText(List.of(), Map.of("a.txt", "a\n", "b.txt", "b\n"));
      assertThat(vcs.simulate(one, List.of(other)).finalTree()).isEqualTo(vcs.tree(both));
      assertThat(vcs.mergeBase(one, other)).isEmpty();
      assertThatThrownBy(() -> vcs.changesSinceMergeBase(one, other))
          .isInstanceOf(VersionControlException.class)
          .hasMessageContaining("share no history");
    }
  }

  @Test
  void simulatedTreesLiveInTheInstanceThatMadeThem() {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true)) {
      Revision base = repository.commitText(List.of(), Map.of("a.txt", TEXT));
      Revision one = repository.commitText(List.of(base), Map.of("a.txt", "0\n" + TEXT));
      Revision two = repository.commitText(List.of(base), Map.of("a.txt", TEXT + "11\n"));
      try (GitVersionControl vcs = GitVersionControl.open(repository.directory);
          GitVersionControl other = GitVersionControl.open(repository.directory)) {
        MergeSimulation simulation = vcs.simulate(base, List.of(one, two));
        assertThat(vcs.checkRevert(base, one, simulation.finalTree()).status().name())
            .isEqualTo("CLEAN");
        assertThatThrownBy(() -> other.checkRevert(base, one, simulation.finalTree()))
            .isInstanceOf(UnknownRevisionException.class)
            .hasMessageContaining(simulation.finalTree().id());
      }
    }
  }

  @Test
  void jgitFailuresBecomeSignalboxExceptions() throws IOException {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true)) {
      Revision base = repository.commitText(List.of(), Map.of("a.txt", TEXT));
      Path object =
          repository
              .directory
              .resolve("objects")
              .resolve(base.commit().substring(0, 2))
              .resolve(base.commit().substring(2));
      object.toFile().setWritable(true);
      Files.write(object, new byte[] {1, 2, 3, 4, 5});
      try (GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
        assertThatThrownBy(() -> vcs.changes(base, base))
            .isInstanceOf(VersionControlException.class)
            .satisfies(e -> assertThat(e.getCause()).isNotNull())
            .hasMessageContaining(repository.directory.toString());
        assertThatThrownBy(() -> vcs.simulate(base, List.of()))
            .isInstanceOf(VersionControlException.class);
      }
    }
  }

  /**
   * Line counts are git's ({@code git diff --numstat}): an added or deleted file counts its lines
   * (a last line without a newline too) without a diff, a change of mode alone counts none.
   */
  @Test
  void lineCountsAreGitsForAddedDeletedAndModeOnlyChanges() {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true)) {
      Map<String, TestRepository.Entry> before = new TreeMap<>();
      before.put("deleted.txt", TestRepository.file("1\n2\n3"));
      before.put("mode.sh", TestRepository.file(TEXT));
      before.put("edited.txt", TestRepository.file(TEXT));
      before.put("emptied.txt", TestRepository.file("1\n2\n"));
      Map<String, TestRepository.Entry> after = new TreeMap<>();
      after.put("added.txt", TestRepository.file("a\nb"));
      after.put("added-empty.txt", TestRepository.file(""));
      after.put("mode.sh", TestRepository.executable(TEXT));
      after.put("edited.txt", TestRepository.file(TEXT.replace("5\n", "five\nand more\n")));
      after.put("emptied.txt", TestRepository.file(""));
      Revision base = repository.commit(List.of(), before);
      Revision head = repository.commit(List.of(base), after);
      try (GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
        Map<String, String> counts = new TreeMap<>();
        for (var change : vcs.changes(base, head).files()) {
          counts.put(change.path().value(), change.linesAdded() + "\t" + change.linesRemoved());
        }
        Map<String, String> git = new TreeMap<>();
        for (String line :
            repository
                .gitOk("diff", "--numstat", "--no-renames", base.commit(), head.commit())
                .split("\n")) {
          String[] fields = line.split("\t");
          git.put(fields[2], fields[0] + "\t" + fields[1]);
        }
        assertThat(counts).isEqualTo(git).containsEntry("added.txt", "2\t0");
      }
    }
  }

  /**
   * The paths-only listing is the change set's touched paths, the old paths of renames included, on
   * every kind of change git lists: add, delete, rename, edit, mode, file to symlink, file to
   * directory, submodule, non-ASCII names; and the blast radius computed from it is the one
   * computed from the change set.
   */
  @Test
  void touchedPathsAreTheChangeSetsTouchedPaths() {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true);
        GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
      Revision module = repository.commitText(List.of(), Map.of("m.txt", "m\n"));
      Map<String, TestRepository.Entry> before = new TreeMap<>();
      before.put("src/moved.txt", TestRepository.file(TEXT));
      before.put("src/deleted.txt", TestRepository.file("gone\n"));
      before.put("src/edited.txt", TestRepository.file(TEXT));
      before.put("src/same.txt", TestRepository.file("same\n"));
      before.put("bin/run.sh", TestRepository.file("echo\n"));
      before.put("link", TestRepository.file("a file\n"));
      before.put("dir", TestRepository.file("a file, then a folder\n"));
      before.put("größe.txt", TestRepository.file("alt\n"));
      Map<String, TestRepository.Entry> after = new TreeMap<>(before);
      after.remove("src/moved.txt");
      after.put("lib/moved.txt", TestRepository.file(TEXT));
      after.remove("src/deleted.txt");
      after.put("src/added.txt", TestRepository.file("new\n"));
      after.put("src/edited.txt", TestRepository.file(TEXT.replace("5\n", "five\n")));
      after.put("bin/run.sh", TestRepository.executable("echo\n"));
      after.put("link", TestRepository.symlink("src/same.txt"));
      after.remove("dir");
      after.put("dir/inside.txt", TestRepository.file("inside\n"));
      after.put("größe.txt", TestRepository.file("neu\n"));
      after.put("vendor/module", TestRepository.submodule(module.commit()));
      Revision base = repository.commit(List.of(), before);
      Revision head = repository.commit(List.of(base), after);

      Set<RepoPath> touched = vcs.touchedPaths(base, head);

      assertThat(touched)
          .isEqualTo(vcs.changes(base, head).touchedPaths())
          .contains(RepoPath.of("src/moved.txt"), RepoPath.of("lib/moved.txt"))
          .doesNotContain(RepoPath.of("src/same.txt"));
      assertThat(List.copyOf(touched)).isSorted();
      assertThat(vcs.changes(base, head).files())
          .anyMatch(file -> file.oldPath().equals(Optional.of(RepoPath.of("src/moved.txt"))));
      assertThat(vcs.blastRadius(base, head, BlastRadiusRules.defaults()))
          .isEqualTo(
              BlastRadiusRules.defaults()
                  .blastRadius(vcs.changes(base, head), vcs.codeOwners(base)));
      assertThat(vcs.touchedPaths(base, base)).isEmpty();
      assertThatThrownBy(() -> vcs.touchedPaths(base, Revision.of("1".repeat(40))))
          .isInstanceOf(UnknownRevisionException.class);
    }
  }

  /**
   * Readers are kept between calls and lent to one call at a time: calls from several threads at
   * once get the answers one thread gets, after an unknown revision too; after {@code close()}
   * every call fails with a {@link VersionControlException}.
   */
  @Test
  void callsShareReadersAcrossThreadsAndFailOnceClosed() throws Exception {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true)) {
      Revision base = repository.commitText(List.of(), Map.of("a.txt", TEXT, "b.txt", "b\n"));
      List<Revision> changes = new java.util.ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        changes.add(
            repository.commitText(
                List.of(base),
                Map.of("a.txt", TEXT.replace(i * 2 + "\n", "edit " + i + "\n"), "b.txt", "b\n")));
      }
      GitVersionControl vcs = GitVersionControl.open(repository.directory);
      MergeSimulation expectedTrain = vcs.simulate(base, changes);
      List<Object> expectedChanges = new java.util.ArrayList<>();
      for (Revision change : changes) {
        expectedChanges.add(vcs.changes(base, change));
      }
      assertThat(expectedTrain.isClean()).isTrue();
      Revision unknown = Revision.of("1".repeat(40));
      java.util.concurrent.ExecutorService threads =
          java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Callable<Boolean>> calls = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int first = t;
          calls.add(
              () -> {
                for (int round = 0; round < 5; round++) {
                  int i = (first + round) % changes.size();
                  assertThat(vcs.changes(base, changes.get(i))).isEqualTo(expectedChanges.get(i));
                  assertThat(vcs.simulate(base, changes)).isEqualTo(expectedTrain);
                  assertThatThrownBy(() -> vcs.changes(base, unknown))
                      .isInstanceOf(UnknownRevisionException.class);
                }
                return true;
              });
        }
        for (java.util.concurrent.Future<Boolean> done : threads.invokeAll(calls)) {
          assertThat(done.get()).isTrue();
        }
      } finally {
        threads.shutdown();
      }
      vcs.close();
      assertThatThrownBy(() -> vcs.changes(base, changes.get(0)))
          .isInstanceOf(VersionControlException.class)
          .hasMessageContaining("closed");
      assertThatThrownBy(() -> vcs.writeMerge(base, changes.get(0), "merge"))
          .isInstanceOf(VersionControlException.class)
          .hasMessageContaining("closed");
    }
  }

  @Test
  void codeOwnersAreLookedUpWhereGitHubLooks() {
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true);
        GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
      Map<String, String> files = new TreeMap<>();
      files.put("docs/CODEOWNERS", "* @docs\n");
      files.put("CODEOWNERS", "* @root\n");
      files.put("src/a.txt", "a\n");
      Revision rootAndDocs = repository.commitText(List.of(), files);
      files.put(".github/CODEOWNERS", "* @github\n");
      Revision all = repository.commitText(List.of(rootAndDocs), files);
      files.remove(".github/CODEOWNERS");
      files.remove("CODEOWNERS");
      Revision docsOnly = repository.commitText(List.of(all), files);
      files.remove("docs/CODEOWNERS");
      Revision none = repository.commitText(List.of(docsOnly), files);
      Revision migration =
          repository.commitText(
              List.of(rootAndDocs),
              Map.of(
                  "docs/CODEOWNERS", "* @docs\n",
                  "CODEOWNERS", "* @root\n",
                  "src/a.txt", "a\n",
                  "src/db/migrations/V1.sql", "create table t;\n"));

      RepoPath path = RepoPath.of("src/a.txt");
      assertThat(vcs.codeOwners(rootAndDocs).ownersOf(path)).containsExactly("@root");
      assertThat(vcs.codeOwners(all).ownersOf(path)).containsExactly("@github");
      assertThat(vcs.codeOwners(docsOnly).ownersOf(path)).containsExactly("@docs");
      assertThat(vcs.codeOwners(none).ownersOf(path)).isEmpty();
      assertThat(vcs.blastRadius(rootAndDocs, migration, BlastRadiusRules.defaults()))
          .isEqualTo(
              new BlastRadius(
                  BlastLevel.MEDIUM,
                  Set.of("src"),
                  Set.of("@root"),
                  Set.of(SensitiveKind.SCHEMA_MIGRATION)));
      assertThat(vcs.read(none, RepoPath.of("CODEOWNERS"))).isEqualTo(Optional.empty());
    }
  }

  /** Every file of a repository with its size and modification time, .git included. */
  private static Map<String, Long> snapshot(Path root) {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .forEach(
              file -> {
                try {
                  files.put(
                      root.relativize(file) + "@" + Files.size(file),
                      Files.getLastModifiedTime(file).toMillis());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
