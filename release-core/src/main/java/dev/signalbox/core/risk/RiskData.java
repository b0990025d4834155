package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads risk data in the CSV layout of {@code risk-data/README.md} (a header naming the columns,
 * one landed commit a line, in landing order). Columns the reader does not know are ignored.
 */
public final class RiskData {
  private RiskData() {}

  /**
   * The rows of the CSV file at {@code path}, in file order.
   *
   * @throws InvalidValueException naming the line and column of a missing or malformed value
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<RiskDataRow> read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    if (lines.isEmpty()) {
      throw new InvalidValueException(RiskData.class, "header", "is missing", path.toString());
    }
    String[] header = lines.get(0).split(",", -1);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      index.put(header[i], i);
    }
    int sha = column(index, "sha");
    int commitTime = column(index, "commit_time");
    int reverted = column(index, "reverted");
    int censored = column(index, "censored");
    ChangeFeature[] features = ChangeFeature.values();
    int[] featureColumns = new int[features.length];
    for (ChangeFeature feature : features) {
      featureColumns[feature.index()] = column(index, feature.column());
    }
    List<RiskDataRow> rows = new ArrayList<>(lines.size() - 1);
    for (int line = 1; line < lines.size(); line++) {
      if (lines.get(line).isEmpty()) {
        continue;
      }
      String[] cells = lines.get(line).split(",", -1);
      double[] values = new double[features.length];
      for (ChangeFeature feature : features) {
        values[feature.index()] =
            number(cells, featureColumns[feature.index()], line, feature.column());
      }
      rows.add(
          new RiskDataRow(
              cells[sha],
              (long) number(cells, commitTime, line, "commit_time"),
              FeatureVector.of(values),
              number(cells, reverted, line, "reverted") == 1,
              number(cells, censored, line, "censored") == 1));
    }
    return List.copyOf(rows);
  }

  private static int column(Map<String, Integer> index, String name) {
    Integer column = index.get(name);
    if (column == null) {
      throw new InvalidValueException(RiskData.class, "header", "lacks the column " + name, null);
    }
    return column;
  }

  private static double number(String[] cells, int column, int line, String name) {
    String field = "lines[" + line + "]." + name;
    if (column >= cells.length) {
      throw new InvalidValueException(RiskData.class, field, "is missing", null);
    }
    try {
      return Double.parseDouble(cells[column]);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(RiskData.class, field, "must be a number", cells[column]);
    }
  }
}
