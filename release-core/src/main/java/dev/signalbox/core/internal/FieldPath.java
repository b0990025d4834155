package dev.signalbox.core.internal;

/**
 * How field paths are spelt, in {@link dev.signalbox.core.InvalidValueException#field()} and in
 * document problems alike: {@code .name} for a member whose name is an identifier, {@code ['odd
 * key']} otherwise, {@code [3]} for an element.
 */
public final class FieldPath {
  private FieldPath() {}

  /** {@code field} followed by its element at {@code index}: {@code files[3]}. */
  public static String index(String field, int index) {
    return field + "[" + index + "]";
  }

  /**
   * {@code field} followed by its member {@code name}: {@code labels.team}, {@code labels['a b']}.
   */
  public static String member(String field, String name) {
    return field + member(name);
  }

  /** The segment of a member named {@code name}: {@code .name}, or {@code ['name']} if odd. */
  public static String member(String name) {
    return isIdentifier(name)
        ? "." + name
        : "[" + Quoting.quote(name, '\'', Integer.MAX_VALUE) + "]";
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
}
