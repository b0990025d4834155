package dev.signalbox.examples.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the demo expects to happen during the week, and whether it did: each expectation is checked
 * in code as the story unfolds, and the demo fails, naming them, if any did not happen.
 *
 * <p>Not thread-safe.
 */
public final class Story {
  private final List<Expectation> expectations = new ArrayList<>();

  Story() {}

  /**
   * One expected outcome of the week.
   *
   * @param what what was expected, in a few words
   * @param happened whether it happened
   * @param detail what the demo saw
   */
  public record Expectation(String what, boolean happened, String detail) {}

  /** Records whether {@code what} happened, with what the demo saw. */
  void expect(String what, boolean happened, String detail) {
    expectations.add(new Expectation(what, happened, detail));
  }

  /** Every expectation, in the order the story checked them. */
  public List<Expectation> expectations() {
    return List.copyOf(expectations);
  }

  /** The expectations that did not happen. */
  public List<Expectation> missed() {
    return expectations.stream().filter(e -> !e.happened()).toList();
  }

  /** Whether everything expected happened. */
  public boolean held() {
    return !expectations.isEmpty() && missed().isEmpty();
  }

  /** Prints each expectation with a mark. */
  void print(PrintStream out) {
    Table table = Table.of("", "expected", "what happened");
    for (Expectation e : expectations) {
      table.row(e.happened() ? "ok" : "MISSED", e.what(), e.detail());
    }
    table.print(out);
  }
}
