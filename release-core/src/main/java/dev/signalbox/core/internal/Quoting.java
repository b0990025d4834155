package dev.signalbox.core.internal;

/**
 * Quotes text for messages and paths so that what cannot be seen stays visible: the quote character
 * and backslash escaped, line breaks and tabs as {@code \n}, {@code \r}, {@code \t}, and every
 * other control character, line or paragraph separator and invisible format character (such as a
 * bidi override) as {@code \}{@code uXXXX}.
 */
public final class Quoting {
  private Quoting() {}

  /**
   * {@code text} between {@code quote}s, escaped, cut after {@code limit} characters with an
   * ellipsis (never between the two halves of a surrogate pair).
   */
  public static String quote(CharSequence text, char quote, int limit) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 2).append(quote);
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      int width = Character.charCount(c);
      if (i + width > limit) {
        out.append('…');
        break;
      }
      if (c == quote || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (isInvisible(c)) {
        for (int k = i; k < i + width; k++) {
          out.append(String.format("\\u%04x", (int) text.charAt(k)));
        }
      } else {
        out.appendCodePoint(c);
      }
      i += width;
    }
    return out.append(quote).toString();
  }

  private static boolean isInvisible(int c) {
    return Character.isISOControl(c)
        || c == 0x2028
        || c == 0x2029
        || Character.getType(c) == Character.FORMAT;
  }
}
