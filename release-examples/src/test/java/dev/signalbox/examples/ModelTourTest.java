package dev.signalbox.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tour runs and says what it promises. */
class ModelTourTest {
  @Test
  void tourShowsTheModelAndEveryProblemOfABrokenDocument() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelTour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("\"formatVersion\": 1")
        .contains("declared scope covers the migration: true")
        .contains("incident-4711 (NON_CRITICAL): Card authorisations failing for 3% of EU traffic")
        .contains("covers services/payments/Retry.java: true")
        .contains("covers services/payments/docs/README.md: false")
        .contains(
            "$.changes.files[1].path: must be relative, was \"/etc/passwd\"\n"
                + "$.securityFix: must be a boolean, was \"no\"\n"
                + "$.risk.probability: must be within [0, 1], was 1.7\n");
  }
}
