package dev.signalbox.git.risk;

import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.ModelCard;
import dev.signalbox.core.risk.RiskData;
import dev.signalbox.core.risk.RiskDataRow;
import dev.signalbox.core.risk.RiskEvaluation;
import dev.signalbox.core.risk.RiskModel;
import dev.signalbox.core.risk.RiskTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The risk commands, run from the command line:
 *
 * <ul>
 *   <li>{@code parity <git-dir> <revision> <csv>} — computes every column for the history as the
 *       risk data does ({@link RiskHistory#readAsTheRiskData}) and prints, per column, on how many
 *       of the CSV's commits it disagrees;
 *   <li>{@code evaluate <risk-data-dir>} — the leave-one-repository-out protocol of {@code
 *       risk-data/README.md} over the CSVs in the folder, as Markdown;
 *   <li>{@code features <git-dir> <revision>} — writes the history's rows as CSV to standard
 *       output, computed as the risk data does;
 *   <li>{@code score <git-dir> [<commit>]} — writes {@code sha,probability} for every non-merge
 *       commit on the commit's (by default HEAD's) first-parent history, each scored by the default
 *       model with only what was known when it landed, in one pass;
 *   <li>{@code compare <git-dir> [<revision>]} — trains a model on the oldest 70% of the history's
 *       usable commits and prints, as Markdown, how it and the default model do on the newest 30%
 *       ({@link RiskEvaluation#holdOut});
 *   <li>{@code train <risk-data-dir> <model.json>} — trains the default model on the CSVs in the
 *       folder and writes its {@link ModelCard} (the resource {@code
 *       dev/signalbox/core/risk/default-model.json} of release-core).
 * </ul>
 */
public final class RiskCommand {
  private static final List<String> REPOSITORIES =
      List.of("folly", "electron", "kafka", "netty", "jgit", "commons-lang");

  private RiskCommand() {}

  /** Runs one command; prints the usage and exits with 2 on bad arguments. */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length == 4 && args[0].equals("parity")) {
      parity(Path.of(args[1]), args[2], Path.of(args[3]), out);
    } else if (args.length == 2 && args[0].equals("evaluate")) {
      evaluate(Path.of(args[1]), out);
    } else if (args.length == 3 && args[0].equals("features")) {
      RiskCsv.write(RiskHistory.readAsTheRiskData(Path.of(args[1]), args[2]), out);
    } else if ((args.length == 2 || args.length == 3) && args[0].equals("score")) {
      score(Path.of(args[1]), args.length == 3 ? args[2] : "HEAD", out);
    } else if ((args.length == 2 || args.length == 3) && args[0].equals("compare")) {
      compare(Path.of(args[1]), args.length == 3 ? args[2] : "HEAD", out);
    } else if (args.length == 3 && args[0].equals("train")) {
      Files.writeString(
          Path.of(args[2]),
          ModelCard.trainDefaults(Path.of(args[1])).json(),
          StandardCharsets.UTF_8);
    } else {
      System.err.println("usage: RiskCommand parity <git-dir> <revision> <csv>");
      System.err.println("       RiskCommand evaluate <risk-data-dir>");
      System.err.println("       RiskCommand features <git-dir> <revision>");
      System.err.println("       RiskCommand score <git-dir> [<commit>] > scores.csv");
      System.err.println("       RiskCommand compare <git-dir> [<revision>]");
      System.err.println("       RiskCommand train <risk-data-dir> <model.json>");
      System.exit(2);
    }
  }

  /**
   * Prints how a model trained on {@code revision}'s own history compares with the default model on
   * the history's newest 30%.
   */
  static void compare(Path gitDir, String revision, PrintStream out) {
    List<RiskDataRow> rows = new ArrayList<>();
    for (LandedCommit commit : RiskHistory.read(gitDir, revision)) {
      rows.add(commit.row());
    }
    RiskEvaluation.Repository history = new RiskEvaluation.Repository(repositoryName(gitDir), rows);
    out.print(
        RiskEvaluation.holdOut(history, RiskTrainer.defaults(), RiskModel.defaultModel())
            .toMarkdown());
    out.flush();
  }

  /** A name for the repository in {@code gitDir}, as the reports print it: its folder's name. */
  private static String repositoryName(Path gitDir) {
    Path normal = gitDir.toAbsolutePath().normalize();
    Path name = normal.getFileName();
    if (name != null && name.toString().equals(".git") && normal.getParent() != null) {
      name = normal.getParent().getFileName();
    }
    String text = name == null ? "" : name.toString().replaceAll("[^A-Za-z0-9._-]", "-");
    return text.isEmpty() ? "repository" : text;
  }

  /** Writes {@code sha,probability} for every landed commit of {@code revision}'s history. */
  static void score(Path gitDir, String revision, PrintStream out) {
    StringBuilder text = new StringBuilder("sha,probability\n");
    for (GitRiskScorer.ScoredCommit commit : GitRiskScorer.create(gitDir).history(revision)) {
      text.append(commit.sha())
          .append(',')
          .append(String.format(Locale.ROOT, "%.6f", commit.probability()))
          .append('\n');
    }
    out.print(text);
    out.flush();
  }

  static void parity(Path gitDir, String revision, Path csv, PrintStream out) throws IOException {
    long start = System.nanoTime();
    List<LandedCommit> commits = RiskHistory.readAsTheRiskData(gitDir, revision);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    Map<String, String[]> expected = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      expected.put(cells[0], cells);
    }
    int[] disagreeing = new int[header.size()];
    int matched = 0;
    for (LandedCommit commit : commits) {
      String[] cells = expected.get(commit.sha());
      if (cells == null) {
        continue;
      }
      matched++;
      List<String> row = RiskCsv.row(commit);
      for (int i = 0; i < header.size(); i++) {
        int column = RiskCsv.COLUMNS.indexOf(header.get(i));
        if (column < 0 || !same(cells[i], row.get(column))) {
          disagreeing[i]++;
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "%d commits computed in %.1f s; %d of the CSV's %d rows matched by sha%n%n",
        commits.size(),
        seconds,
        matched,
        lines.size() - 1);
    out.println("| column | disagreeing commits | share |\n|---|---|---|");
    for (int i = 0; i < header.size(); i++) {
      out.printf(
          Locale.ROOT,
          "| %s | %d | %.2f%% |%n",
          header.get(i),
          disagreeing[i],
          100.0 * disagreeing[i] / Math.max(1, matched));
    }
  }

  private static boolean same(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    try {
      return Math.abs(Double.parseDouble(expected) - Double.parseDouble(actual)) < 1e-9;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static void evaluate(Path folder, PrintStream out) {
    List<RiskEvaluation.Repository> repositories = new ArrayList<>();
    for (String name : REPOSITORIES) {
      List<RiskDataRow> rows = RiskData.read(folder.resolve(name + ".csv"));
      repositories.add(new RiskEvaluation.Repository(name, rows));
    }
    out.println("features: " + ChangeFeature.values().length + " columns, default transforms");
    out.print(
        RiskEvaluation.leaveOneRepositoryOut(repositories, RiskTrainer.defaults()).toMarkdown());
  }
}
