package dev.signalbox.core.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources}: on a mismatch the actual output is written to
 * {@code target/golden-actual/} for review (copy it over the golden file once it is right).
 */
final class Goldens {
  private Goldens() {}

  static void assertGolden(String name, String actual) throws IOException {
    String expected = "(no golden file " + name + ")";
    InputStream golden = Goldens.class.getResourceAsStream(name);
    if (golden != null) {
      try (InputStream in = golden) {
        expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "golden-actual", name);
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as("%s (actual output written to target/golden-actual)", name)
        .isEqualTo(expected);
  }
}
