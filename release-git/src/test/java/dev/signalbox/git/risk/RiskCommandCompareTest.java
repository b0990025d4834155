package dev.signalbox.git.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.RiskDataRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team trains a model on its own repository's history and compares it with the default one: on a
 * real repository whose large changes are the ones reverted, the rows carry the labels and the
 * comparison prints both models' figures on the newest 30%.
 */
class RiskCommandCompareTest {
  private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  @TempDir Path dir;

  /**
   * 120 commits, two days apart: every fourth one adds 400 lines and is reverted by the next; the
   * others change one line.
   */
  private void buildHistory() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      int day = 0;
      for (int i = 0; i < 120; i++) {
        Path file = dir.resolve("src/File" + (i % 7) + ".java");
        Files.createDirectories(file.getParent());
        if (i % 4 == 0) {
          Files.writeString(file, "x\n".repeat(400) + i + "\n");
          RevCommit large = commit(git, day++, "Rework file " + i);
          Files.writeString(file, i + "\n");
          commit(
              git,
              day++,
              "Revert \"Rework file " + i + "\"\n\nThis reverts commit " + large.name() + ".\n");
        } else {
          Files.writeString(file, i + "\n");
          commit(git, day++, "Tune file " + i);
        }
      }
    }
  }

  private RevCommit commit(Git git, int day, String message) throws Exception {
    PersonIdent ident =
        new PersonIdent(
            "dev", "dev@example.com", T0.plusSeconds(2L * day * 86_400), ZoneOffset.UTC);
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
  }

  @Test
  void aHistoryBecomesLabelledRowsAndTheComparisonPrintsBothModels() throws Exception {
    buildHistory();

    List<LandedCommit> history = RiskHistory.read(dir.resolve(".git"), "HEAD");
    List<RiskDataRow> rows = history.stream().map(LandedCommit::row).toList();
    assertThat(rows).hasSize(150);
    RiskDataRow first = rows.get(0);
    assertThat(first.sha()).isEqualTo(history.get(0).sha());
    assertThat(first.commitTime()).isEqualTo(history.get(0).commitTime());
    assertThat(first.reverted()).isTrue();
    assertThat(first.features().get(ChangeFeature.LINES_ADDED)).isEqualTo(401);
    assertThat(rows.get(1).features().get(ChangeFeature.IS_REVERT)).isEqualTo(1);
    assertThat(rows.get(2).reverted()).isFalse();
    assertThat(rows.get(rows.size() - 1).censored()).isTrue();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RiskCommand.compare(
        dir.resolve(".git"), "HEAD", new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String report = bytes.toString(StandardCharsets.UTF_8);

    assertThat(report).contains("### Trained on this history", "### Baseline");
    // The model trained on this history gates every reverted change in its riskiest half.
    String trained = report.substring(0, report.indexOf("### Baseline"));
    assertThat(trained).contains("| riskiest 50% | 100.0% |");
  }
}
