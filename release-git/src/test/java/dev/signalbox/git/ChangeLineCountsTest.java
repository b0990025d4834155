package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Revision;
import dev.signalbox.git.internal.EditedTexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line counts of a change set are what {@code git diff --numstat} prints: one commit of many
 * random files and another editing them (CRLF, no final newline, repeated lines around an edit).
 */
class ChangeLineCountsTest {
  @TempDir Path directory;

  @Test
  void changesCountWhatGitNumstatCounts() {
    SplittableRandom random = new SplittableRandom(11);
    Map<String, String> before = new TreeMap<>();
    Map<String, String> after = new TreeMap<>();
    for (int i = 0; i < 150; i++) {
      List<byte[]> pair = EditedTexts.pair(random);
      before.put("f" + i + ".txt", new String(pair.get(0), StandardCharsets.UTF_8));
      after.put("f" + i + ".txt", new String(pair.get(1), StandardCharsets.UTF_8));
    }
    try (TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true);
        GitVersionControl vcs = GitVersionControl.open(repository.directory)) {
      Revision base = repository.commitText(List.of(), before);
      Revision head = repository.commitText(List.of(base), after);
      Map<String, String> ours = new TreeMap<>();
      for (FileChange change : vcs.changes(base, head).files()) {
        ours.put(change.path().value(), change.linesAdded() + "\t" + change.linesRemoved());
      }
      Map<String, String> git = new TreeMap<>();
      for (String line :
          repository
              .gitOk("diff", "--numstat", "--no-renames", base.commit(), head.commit())
              .split("\n")) {
        String[] fields = line.split("\t");
        git.put(fields[2], fields[0] + "\t" + fields[1]);
      }
      assertThat(ours).hasSizeGreaterThan(100).isEqualTo(git);
    }
  }
}
