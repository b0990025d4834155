package dev.signalbox.core.json;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.SignalboxException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a JSON or YAML document cannot be read as the requested type; lists <em>every</em>
 * problem found, each with its JSON path, so that a person can fix the document in one pass.
 *
 * <p>No partially built value ever escapes a failed read.
 */
public final class InvalidDocumentException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  private final Class<?> type;
  private final ImmutableList<DocumentProblem> problems;
  private final @Nullable String source;

  /**
   * Creates an exception for a document that should have held a {@code type}.
   *
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public InvalidDocumentException(Class<?> type, List<DocumentProblem> problems) {
    this(type, problems, null);
  }

  /**
   * Creates an exception for a document read from {@code source} (a file name, a URL) that should
   * have held a {@code type}.
   *
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public InvalidDocumentException(
      Class<?> type, List<DocumentProblem> problems, @Nullable String source) {
    super(message(type, problems, source));
    this.type = type;
    this.problems = ImmutableList.copyOf(problems);
    this.source = source;
  }

  private static String message(
      Class<?> type, List<DocumentProblem> problems, @Nullable String source) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid document has at least one problem");
    }
    StringBuilder message = new StringBuilder("invalid ").append(type.getSimpleName());
    message.append(" document");
    if (source != null) {
      message.append(" in ").append(source);
    }
    message
        .append(", ")
        .append(problems.size())
        .append(problems.size() == 1 ? " problem:" : " problems:");
    for (DocumentProblem problem : problems) {
      message.append("\n  ").append(problem);
    }
    return message.toString();
  }

  /** The type the document should have held. */
  public Class<?> type() {
    return type;
  }

  /** Every problem found, in document order. */
  public List<DocumentProblem> problems() {
    return problems;
  }

  /** Where the document came from, such as its file, when the reader knew. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }
}
