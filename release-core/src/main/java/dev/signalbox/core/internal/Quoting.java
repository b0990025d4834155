package dev.signalbox.core.internal;

/**
 * Quotes text for messages and paths so that what cannot be seen stays visible: the quote character
 * and backslash escaped, line breaks and tabs as {@code \n}, {@code \r}, {@code \t}, other control
 * characters as {@code \}{@code uXXXX}.
 */
public final class Quoting {
  private Quoting() {}

  /**
   * {@code text} between {@code quote}s, escaped, cut after {@code limit} characters with an
   * ellipsis.
   */
  public static String quote(CharSequence text, char quote, int limit) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      if (i == limit) {
        out.append('…');
        break;
      }
      char c = text.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }
}
