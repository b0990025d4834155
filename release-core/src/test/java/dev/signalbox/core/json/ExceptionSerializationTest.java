package dev.signalbox.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.RepoPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptions travel, as Java serialisation sends them, with what they say about the input. */
class ExceptionSerializationTest {
  @Test
  void invalidDocumentExceptionKeepsItsProblemsAndSource() throws Exception {
    InvalidDocumentException sent =
        new InvalidDocumentException(
            RepoPath.class,
            List.of(new DocumentProblem("$.files[3].path", "must be relative, was \"/etc\"")),
            "changes.yaml");

    InvalidDocumentException received = roundTrip(sent);

    assertThat(received).hasMessage(sent.getMessage());
    assertThat(received.problems()).isEqualTo(sent.problems());
    assertThat(received.source()).contains("changes.yaml");
    assertThat(received.type()).isEqualTo(RepoPath.class);
  }

  @Test
  void invalidValueExceptionKeepsItsFieldAndProblem() throws Exception {
    InvalidValueException sent =
        new InvalidValueException(RepoPath.class, "value", "must be relative", "/etc");

    InvalidValueException received = roundTrip(sent);

    assertThat(received).hasMessage("value must be relative, was \"/etc\"");
    assertThat(received.field()).isEqualTo("value");
    assertThat(received.problem()).isEqualTo("must be relative");
    assertThat(received.type()).isEqualTo(RepoPath.class);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
