package dev.signalbox.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's week, played as the README's command plays it (without the exit): every expected
 * outcome of its story happens, and it writes its reports, so that a change anywhere in the library
 * that breaks the story breaks the build.
 */
class DemoTest {
  @TempDir Path directory;

  @Test
  void theWeeksStoryHolds() throws Exception {
    Path reports = directory.resolve("reports");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Story story;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      story = Demo.run(directory.resolve("week"), reports, out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(story.missed()).as(printed).isEmpty();
    assertThat(story.expectations()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(printed).contains("== the story ==").doesNotContain("Exception");
    assertThat(reports.resolve("findings.sarif.json")).exists();
    assertThat(Files.readString(reports.resolve("findings.sarif.json")))
        .contains("\"version\" : \"2.1.0\"")
        .contains("secret-slack-token");
    assertThat(reports.resolve("calibration.json")).exists();
  }
}
