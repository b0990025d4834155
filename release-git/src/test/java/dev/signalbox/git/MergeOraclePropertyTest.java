package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.MergeStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * For random small histories, the merge simulation agrees with git on every train step: clean or
 * conflicting, the tree of a clean merge, and the paths of a conflict; a conservative rename
 * conflict is the only disagreement allowed.
 *
 * <p>A history is a root, a base on top of it and two to four changes branching from the base, the
 * root or an earlier change. Each change makes one to four edits, drawn so that two changes touch
 * the same file often, and then edit its same hunk (same lines: git conflicts, unless the edits are
 * identical) as often as a different hunk (git merges): so a simulation that conflicts whenever
 * both sides touch a file fails. Edits also delete, add, rename, chmod, turn files into
 * directories, drop final newlines, change whitespace only and change a binary file.
 */
class MergeOraclePropertyTest {
  private static final String[] FILES = {"src/a.txt", "src/b.txt", "c.txt"};
  private static final int HUNKS = 4;
  private static final int[] EDITED_HUNKS = {1, 2};

  @TempDir Path directory;

  private final AtomicInteger histories = new AtomicInteger();
  private final AtomicInteger compared = new AtomicInteger();
  private final AtomicInteger sameFileClean = new AtomicInteger();
  private final AtomicInteger sameFileConflict = new AtomicInteger();
  private final AtomicInteger conservative = new AtomicInteger();

  @Test
  void simulationAgreesWithGitOnRandomHistories() {
    qt().withExamples(60).withShrinkCycles(40).forAll(histories()).checkAssert(this::agreesWithGit);

    System.out.printf(
        "%d histories: %d steps compared, %d clean and %d conflicting with one file edited on both"
            + " sides, %d conservative%n",
        histories.get(),
        compared.get(),
        sameFileClean.get(),
        sameFileConflict.get(),
        conservative.get());
    assertThat(compared.get()).as("steps compared with git").isGreaterThan(100);
    // both sides edit one file, git merges: a "conflict whenever both touch a file" merge fails
    assertThat(sameFileClean.get())
        .as("clean merges of one file edited on both sides")
        .isGreaterThan(10);
    assertThat(sameFileConflict.get()).as("conflicts within one file").isGreaterThan(10);
    assertThat(conservative.get()).as("conservative conflicts").isLessThan(compared.get() / 3);
  }

  /** A history: the base's edits, then per change its parent choice followed by its edits. */
  private static Gen<List<List<Integer>>> histories() {
    Gen<List<Integer>> change = lists().of(integers().between(0, 99_999)).ofSizeBetween(2, 5);
    return lists().of(change).ofSizeBetween(3, 5);
  }

  private void agreesWithGit(List<List<Integer>> history) {
    Path folder;
    try {
      folder = Files.createTempDirectory(directory, "history");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    histories.incrementAndGet();
    try (TestRepository repository = TestRepository.init(folder, true);
        GitVersionControl vcs = GitVersionControl.open(folder)) {
      Map<String, Doc> rootFiles = rootFiles();
      Revision root = repository.commit(List.of(), entries(rootFiles));
      Map<String, Doc> baseFiles = apply(rootFiles, history.get(0));
      Revision base = repository.commit(List.of(root), entries(baseFiles));

      List<Revision> changes = new ArrayList<>();
      List<Map<String, Doc>> changeFiles = new ArrayList<>();
      for (List<Integer> spec : history.subList(1, history.size())) {
        int parentChoice = spec.get(0) % 10;
        Revision parent = base;
        Map<String, Doc> parentFiles = baseFiles;
        if (parentChoice >= 6 && parentChoice < 8) {
          parent = root;
          parentFiles = rootFiles;
        } else if (parentChoice >= 8 && !changes.isEmpty()) {
          parent = changes.get(changes.size() - 1);
          parentFiles = changeFiles.get(changeFiles.size() - 1);
        }
        Map<String, Doc> files = apply(parentFiles, spec.subList(1, spec.size()));
        changes.add(repository.commit(List.of(parent), entries(files)));
        changeFiles.add(files);
      }

      MergeSimulation simulation = vcs.simulate(base, changes);
      assertThat(simulation.steps()).hasSize(changes.size());

      // git's train: the same merges as real merge commits, leaving out what the simulation left
      // out
      Revision train = base;
      for (int i = 0; i < changes.size(); i++) {
        MergeStep step = simulation.steps().get(i);
        Revision change = changes.get(i);
        GitMerge git = GitMerge.of(repository, train, change);
        String context = "step " + (i + 1) + " of " + history;
        if (!git.assertAgreesWith(step, context)) {
          conservative.incrementAndGet();
          continue;
        }
        compared.incrementAndGet();
        if (touchSameFile(vcs, base, train, change)) {
          (git.clean() ? sameFileClean : sameFileConflict).incrementAndGet();
        }
        if (git.clean()) {
          String commit =
              repository
                  .gitOk(
                      "commit-tree",
                      git.tree(),
                      "-p",
                      train.commit(),
                      "-p",
                      change.commit(),
                      "-m",
                      "train")
                  .trim();
          train = Revision.of(commit);
        }
      }
      assertThat(simulation.finalTree()).isEqualTo(vcs.tree(train));
    }
  }

  private static boolean touchSameFile(
      GitVersionControl vcs, Revision base, Revision train, Revision change) {
    Set<RepoPath> trainPaths = new HashSet<>(vcs.changes(base, train).touchedPaths());
    return vcs.changesSinceMergeBase(train, change).touchedPaths().stream()
        .anyMatch(trainPaths::contains);
  }

  // ---- the file model ---------------------------------------------------------------------------

  /** A text file as hunks of lines between fixed separators, or a binary blob. */
  private record Doc(
      List<List<String>> hunks, boolean executable, boolean terminated, String binary) {
    Doc copy() {
      List<List<String>> copied = new ArrayList<>();
      hunks.forEach(hunk -> copied.add(new ArrayList<>(hunk)));
      return new Doc(copied, executable, terminated, binary);
    }

    byte[] render() {
      if (!binary.isEmpty()) {
        return ("\0" + binary).getBytes(StandardCharsets.UTF_8);
      }
      StringBuilder text = new StringBuilder();
      for (int h = 0; h < hunks.size(); h++) {
        text.append("== section ").append(h).append(" ==\n").append("   (").append(h).append(")\n");
        hunks.get(h).forEach(line -> text.append(line).append('\n'));
      }
      if (!terminated && text.length() > 0) {
        text.setLength(text.length() - 1);
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Doc> rootFiles() {
    Map<String, Doc> files = new TreeMap<>();
    for (String path : FILES) {
      List<List<String>> hunks = new ArrayList<>();
      for (int h = 0; h < HUNKS; h++) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          lines.add(path + " hunk " + h + " line " + i);
        }
        hunks.add(lines);
      }
      files.put(path, new Doc(hunks, false, true, ""));
    }
    files.put("bin.dat", new Doc(List.of(), false, true, "binary 0"));
    return files;
  }

  /** Applies edits, each one number: its kind, file, hunk and variant in its digits. */
  private static Map<String, Doc> apply(Map<String, Doc> parent, List<Integer> edits) {
    Map<String, Doc> files = new TreeMap<>();
    parent.forEach((path, doc) -> files.put(path, doc.copy()));
    for (int edit : edits) {
      int kind = edit % 100;
      String path = FILES[(edit / 100) % FILES.length];
      int hunk = EDITED_HUNKS[(edit / 1000) % EDITED_HUNKS.length];
      int variant = (edit / 10_000) % 3;
      Doc doc = files.get(path);
      if (kind < 60 && doc != null && doc.binary().isEmpty()) {
        List<String> lines = doc.hunks().get(hunk);
        if (kind < 36) { // rewrite the hunk's lines
          lines.replaceAll(line -> line.replaceFirst(" line", " v" + variant + " line"));
        } else if (kind < 46) { // insert a line after the hunk
          lines.add("inserted into hunk " + hunk + " variant " + variant);
        } else if (kind < 50) {
          lines.clear();
        } else if (kind < 56 && !lines.isEmpty()) { // whitespace only
          lines.set(0, lines.get(0) + " ");
        } else {
          files.put(path, new Doc(doc.hunks(), doc.executable(), !doc.terminated(), ""));
        }
      } else if (kind < 64) {
        files.remove(path);
      } else if (kind < 71) {
        List<List<String>> hunks =
            List.of(new ArrayList<>(List.of("new file", "content " + (edit / 1000) % 2)));
        files.put("new/n" + variant + ".txt", new Doc(hunks, false, true, ""));
      } else if (kind < 78 && doc != null) {
        files.remove(path);
        files.putIfAbsent("moved/m" + variant + ".txt", doc);
      } else if (kind < 84 && doc != null) {
        files.put(path, new Doc(doc.hunks(), !doc.executable(), doc.terminated(), doc.binary()));
      } else if (kind < 88 && doc != null) {
        files.remove(path);
        files.put(path + ".d/inner.txt", doc);
        files.remove(path + ".d");
      } else if (kind < 92) {
        files.put(
            path.replace(".txt", ""),
            new Doc(List.of(List.of("file " + variant)), false, true, ""));
        files.keySet().removeIf(p -> p.startsWith(path.replace(".txt", "") + "/"));
      } else {
        files.put("bin.dat", new Doc(List.of(), false, true, "binary " + (variant + 1)));
      }
    }
    // a path cannot be a file and a directory at once
    List<String> paths = new ArrayList<>(files.keySet());
    for (String path : paths) {
      files.keySet().removeIf(other -> other.startsWith(path + "/") && files.containsKey(path));
    }
    return files;
  }

  private static Map<String, TestRepository.Entry> entries(Map<String, Doc> files) {
    Map<String, TestRepository.Entry> entries = new LinkedHashMap<>();
    files.forEach(
        (path, doc) ->
            entries.put(
                path,
                new TestRepository.Entry(
                    doc.executable() ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE,
                    doc.render())));
    return entries;
  }
}
