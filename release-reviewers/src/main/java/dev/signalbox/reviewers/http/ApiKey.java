package dev.signalbox.reviewers.http;

import dev.signalbox.core.InvalidValueException;
import org.jspecify.annotations.Nullable;

/** An API key, kept out of {@code toString}, logs and exception messages. */
final class ApiKey {
  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  static ApiKey of(Class<?> owner, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(owner, "apiKey", "must not be blank", null);
    }
    if (value.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
      throw new InvalidValueException(
          owner, "apiKey", "must be printable ASCII without spaces (value not shown)", null);
    }
    return new ApiKey(value);
  }

  static ApiKey fromEnvironment(Class<?> owner, String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(
          owner, "apiKey", "must be set in environment variable " + variable, null);
    }
    return of(owner, value);
  }

  String value() {
    return value;
  }

  /** {@code text} with the key, and any long part of it, replaced. */
  String redact(String text) {
    String out = text.replace(value, "[redacted]");
    if (value.length() >= 16) {
      // vendors echo keys shortened, as in "sk-abc...wxyz"; hide the visible ends too
      out = out.replace(value.substring(0, 8), "[redacted]");
      out = out.replace(value.substring(value.length() - 6), "[redacted]");
    }
    return out;
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
