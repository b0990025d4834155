package dev.signalbox.core.json;

import dev.signalbox.core.internal.FieldPath;
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
    return new JsonPath(this, FieldPath.member(name));
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
