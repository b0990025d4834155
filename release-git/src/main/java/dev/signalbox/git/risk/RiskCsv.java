package dev.signalbox.git.risk;

import dev.signalbox.core.risk.ChangeFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes landed commits in the column layout of the risk training data ({@code
 * risk-data/README.md}), so a team's own history can be trained on and compared like the shipped
 * CSVs.
 */
public final class RiskCsv {
  /** The columns, in the training data's order. */
  public static final List<String> COLUMNS = columns();

  private RiskCsv() {}

  private static List<String> columns() {
    List<String> columns =
        new java.util.ArrayList<>(List.of("sha", "author_time", "commit_time", "author_id"));
    for (ChangeFeature feature : ChangeFeature.values()) {
      columns.add(feature.column());
    }
    columns.addAll(
        List.of(
            "reverted",
            "reverted_ever",
            "revert_lag_days",
            "revert_sha",
            "revert_kind",
            "negative_lag",
            "censored"));
    return List.copyOf(columns);
  }

  /** The values of {@code commit}'s row, in {@link #COLUMNS} order. */
  public static List<String> row(LandedCommit commit) {
    List<String> row = new java.util.ArrayList<>(COLUMNS.size());
    row.add(commit.sha());
    row.add(Long.toString(commit.authorTime()));
    row.add(Long.toString(commit.commitTime()));
    row.add(commit.authorId());
    for (ChangeFeature feature : ChangeFeature.values()) {
      row.add(number(commit.features().get(feature)));
    }
    RevertOutcome outcome = commit.outcome();
    row.add(bit(outcome.reverted()));
    row.add(bit(outcome.revertedEver()));
    row.add(outcome.lagDays().isPresent() ? number(outcome.lagDays().getAsDouble()) : "");
    row.add(outcome.revertSha().orElse(""));
    row.add(outcome.kind().map(RevertKind::column).orElse(""));
    row.add(bit(outcome.negativeLag()));
    row.add(bit(commit.censored()));
    return row;
  }

  /** Writes a header line and one line per commit. */
  public static void write(List<LandedCommit> commits, Appendable out) {
    try {
      out.append(String.join(",", COLUMNS)).append('\n');
      for (LandedCommit commit : commits) {
        out.append(String.join(",", row(commit))).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String bit(boolean value) {
    return value ? "1" : "0";
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%s", value);
  }
}
