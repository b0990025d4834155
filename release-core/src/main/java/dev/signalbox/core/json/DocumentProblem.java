package dev.signalbox.core.json;

import dev.signalbox.core.InvalidValueException;
import java.io.Serializable;

/**
 * One thing wrong with a JSON or YAML document: where it is, as a JSON path ({@code
 * $.changes.files[3].path}), and what is wrong there.
 *
 * @param path the JSON path of the offending node, {@code $} for the document itself
 * @param message what is wrong, with the rejected value ({@code must be relative, was "/etc"})
 */
public record DocumentProblem(String path, String message) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Checks that both parts are present and the path is a JSON path. */
  public DocumentProblem {
    if (path == null || !path.startsWith("$")) {
      throw new InvalidValueException(
          DocumentProblem.class, "path", "must be a JSON path starting with $", path);
    }
    if (message == null || message.isBlank()) {
      throw new InvalidValueException(
          DocumentProblem.class, "message", "must not be blank", message);
    }
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
