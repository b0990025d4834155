package dev.signalbox.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the example tests share: the sample change request and capturing what a program prints. */
final class Examples {
  private Examples() {}

  /** The sample change request document shipped with the examples, as JSON. */
  static String change815() {
    return Resources.text("change-815.json");
  }

  /** A print stream that remembers what was printed to it. */
  static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PrintStream stream() {
      return stream;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
