package dev.signalbox.core.notes;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writing untrusted text into CommonMark (and GitHub's dialect of it) so that it reads as the text
 * it is: no emphasis, links, images, HTML, tables cells broken, headings or lists made by what an
 * agent wrote in a title, a path or a message, and no address made a link by GitHub's autolinks.
 */
final class Markdown {
  /** Characters that start inline structure, escaped with a backslash wherever they are. */
  private static final String INLINE = "\\`*_[]<>|~!#&$";

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private Markdown() {}

  /**
   * {@code text} on one line, every inline special character escaped, and every control or
   * invisible format character (such as a bidi override, which would make text read backwards)
   * shown as its code ({@code \}{@code u202E}).
   */
  static String inline(String text) {
    String line = LINE_BREAK.matcher(text).replaceAll(" ");
    StringBuilder out = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); ) {
      int c = line.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format(Locale.ROOT, "\\u%04X", c));
        continue;
      }
      if ((c < 128 && INLINE.indexOf(c) >= 0) || autolinks(line, i - 1, c)) {
        out.append('\\');
      }
      out.appendCodePoint(c);
    }
    return out.toString();
  }

  /**
   * Whether character {@code c} at {@code index} of {@code line} would complete a GitHub autolink:
   * the {@code :} of {@code ://} or the dot of a {@code www.} that starts a word. Escaping it keeps
   * the address as text: only {@link #link} makes links, and only to http and https addresses.
   */
  private static boolean autolinks(String line, int index, int c) {
    if (c == ':') {
      return line.startsWith("//", index + 1);
    }
    if (c == '.' && index >= 3 && line.regionMatches(true, index - 3, "www", 0, 3)) {
      return index == 3 || !Character.isLetterOrDigit(line.charAt(index - 4));
    }
    return false;
  }

  /**
   * {@code text} on one line for the head of a line (after a list marker, say): as {@link #block},
   * so that a leading {@code -}, {@code +} or {@code 1.} cannot open a nested list.
   */
  static String lineStart(String text) {
    return block(LINE_BREAK.matcher(text).replaceAll(" "));
  }

  /**
   * {@code text} as a block of lines: each escaped as {@link #inline}, leading indentation dropped
   * (it would make a code block), and a character that would start a list, quote, heading or
   * thematic break at the head of a line escaped.
   */
  static String block(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (String raw : LINE_BREAK.split(text, -1)) {
      String line = raw.strip();
      // > and # are escaped as inline characters already
      if (!line.isEmpty() && "-+=".indexOf(line.charAt(0)) >= 0) {
        out.append('\\');
      } else {
        int digits = 0;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
          digits++;
        }
        if (digits > 0
            && digits < line.length()
            && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
          out.append(line, 0, digits).append('\\');
          line = line.substring(digits);
        }
      }
      out.append(inline(line)).append('\n');
    }
    return out.toString().stripTrailing();
  }

  /**
   * A link to {@code uri} labelled {@code label} when it is an http or https address; otherwise the
   * address as escaped text, since other schemes ({@code javascript:}) have no place in a review.
   */
  static String link(String label, URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")) {
      // a URI has no <, > or space, so the pointed-bracket destination holds it whole
      return "[" + inline(label) + "](<" + uri.toASCIIString() + ">)";
    }
    return inline(uri.toString());
  }

  /** {@code text} as an inline code span, fenced with more backticks than it holds in a row. */
  static String code(String text) {
    String line = LINE_BREAK.matcher(text).replaceAll(" ");
    int longest = 0;
    int run = 0;
    for (int i = 0; i < line.length(); i++) {
      run = line.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = line.startsWith("`") || line.endsWith("`") || line.isBlank() ? " " : "";
    return fence + pad + line + pad + fence;
  }
}
