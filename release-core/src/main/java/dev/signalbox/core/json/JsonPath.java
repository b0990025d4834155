package dev.signalbox.core.json;

import org.jspecify.annotations.Nullable;

/**
 * A JSON path into a document ({@code $.changes[2].labels['odd key']}), built one segment at a time
 * while a tree is walked and rendered only when a problem is reported.
 *
 * <p>Immutable and thread-safe.
 */
final class JsonPath {
  static final JsonPath ROOT = new JsonPath(null, "$");

  private final @Nullable JsonPath parent;
  private final String segment;

  private JsonPath(@Nullable JsonPath parent, String segment) {
    this.parent = parent;
    this.segment = segment;
  }

  /** The path of the object member {@code name}: {@code .name}, or {@code ['name']} if odd. */
  JsonPath field(String name) {
    return new JsonPath(this, segment(name));
  }

  /** The path of the array element at {@code index}. */
  JsonPath index(int index) {
    return new JsonPath(this, "[" + index + "]");
  }

  /**
   * The path of a field given relative to this node, as in {@link
   * dev.signalbox.core.InvalidValueException#field()} ({@code window.end}, {@code [3]}).
   */
  JsonPath relative(String field) {
    if (field.isEmpty()) {
      return this;
    }
    return new JsonPath(this, field.startsWith("[") ? field : "." + field);
  }

  /** The rendered segment for an object member named {@code name}. */
  static String segment(String name) {
    return isIdentifier(name) ? "." + name : "['" + escape(name) + "']";
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !(isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isLetter(c) || c == '_' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String escape(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    if (parent == null) {
      return segment;
    }
    StringBuilder out = new StringBuilder();
    append(out);
    return out.toString();
  }

  private void append(StringBuilder out) {
    if (parent != null) {
      parent.append(out);
    }
    out.append(segment);
  }
}
