package dev.signalbox.core;

import dev.signalbox.core.internal.Quoting;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a value cannot be built because one of its fields is invalid; the message names the
 * field and the rejected value, as in {@code probability must be within [0, 1], was 1.7}.
 *
 * <p>{@link #field()} is relative to the value being built ({@code probability}, {@code files[3]}),
 * so that a reader of a JSON document can report it under the document path of that value.
 */
public class InvalidValueException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  private final Class<?> type;
  private final String field;
  private final String problem;
  private final transient @Nullable Object value;

  /**
   * Creates an exception for {@code field} of {@code type}, which was {@code value}.
   *
   * @param type the type whose construction failed
   * @param field the field, relative to {@code type}: a component name, optionally followed by an
   *     index or a nested field ({@code files[3]}, {@code window.end})
   * @param problem what is wrong, phrased to follow the field name ({@code must not be blank})
   * @param value the rejected value, or {@code null} when the field was missing
   */
  public InvalidValueException(
      Class<?> type, String field, String problem, @Nullable Object value) {
    super(field + " " + problem + (value == null ? "" : ", was " + render(value)));
    this.type = type;
    this.field = field;
    this.problem = problem;
    this.value = value;
  }

  /** The type whose construction failed. */
  public Class<?> type() {
    return type;
  }

  /** The offending field, relative to {@link #type()}. */
  public String field() {
    return field;
  }

  /** What is wrong with the field, without its name or value ({@code must not be blank}). */
  public String problem() {
    return problem;
  }

  /** The rejected value, or {@code null} when the field was missing. */
  public @Nullable Object value() {
    return value;
  }

  /** The problem followed by the rendered value, as a document reader reports it. */
  public String problemWithValue() {
    return problem + (value == null ? "" : ", was " + render(value));
  }

  /**
   * Renders a rejected value for a message: strings quoted and escaped, so that blanks, control
   * characters and NUL stay visible.
   */
  public static String render(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    return value instanceof CharSequence text
        ? Quoting.quote(text, '"', 200)
        : String.valueOf(value);
  }
}
