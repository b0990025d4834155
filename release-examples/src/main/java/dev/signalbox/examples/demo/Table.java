package dev.signalbox.examples.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text printed with aligned columns; the last column is left unpadded so that long
 * reasons do not push the others about.
 *
 * <p>Not thread-safe.
 */
final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  /** A table with these column headers. */
  static Table of(String... headers) {
    return new Table(List.of(headers));
  }

  /** Adds a row of as many cells as there are headers. */
  Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row needs " + headers.size() + " cells, was given " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  /** Prints the table to {@code out}, indented by two spaces. */
  void print(PrintStream out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    line(out, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
  }

  private static void line(PrintStream out, List<String> cells, int[] widths) {
    StringBuilder text = new StringBuilder("  ");
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      text.append(i == cells.size() - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
    }
    out.println(text.toString().stripTrailing());
  }
}
