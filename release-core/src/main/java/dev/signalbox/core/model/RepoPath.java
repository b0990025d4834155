package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;

/**
 * A file's path inside a repository: relative, with {@code /} as separator, normalised ({@code ./}
 * segments, repeated and trailing slashes removed) and safe to join onto a checkout.
 *
 * <p>Refused, with an {@link InvalidValueException}: null; absolute paths ({@code /etc/passwd},
 * {@code //server/share}); a path whose first segment starts with a Windows drive, an ASCII letter
 * followed by {@code :} ({@code C:/x}, {@code c:}, and {@code C:x}, which Windows reads relative to
 * the current directory of drive C); {@code ..} segments; NUL; backslashes; control characters;
 * invisible format characters (Unicode category Cf, such as the zero-width space U+200B, or the
 * bidi override U+202E that makes {@code gpj.exe} display as {@code exe.jpg}); the repository root
 * itself ({@code ""}, {@code .}); and paths longer than 4096 characters once normalised.
 *
 * <p>Comparison is by the normalised text, code unit by code unit (paths are not
 * Unicode-normalised: git compares bytes).
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param value the normalised path, such as {@code src/main/App.java}
 */
public record RepoPath(String value) implements Comparable<RepoPath> {
  /**
   * Validates and normalises the path.
   *
   * @throws InvalidValueException if the path is null or one of the refused shapes above
   */
  public RepoPath {
    Checks.present(RepoPath.class, "value", value);
    value = normalise(value);
  }

  /**
   * The path {@code value}, normalised; same as the constructor.
   *
   * @throws InvalidValueException if the path is null or refused
   */
  public static RepoPath of(String value) {
    return new RepoPath(value);
  }

  /** The last segment: the file's name. */
  public String fileName() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** Whether this path is {@code directory} or lies below it ({@code a/b} is under {@code a}). */
  public boolean isUnder(RepoPath directory) {
    return value.equals(directory.value)
        || (value.startsWith(directory.value) && value.charAt(directory.value.length()) == '/');
  }

  @Override
  public int compareTo(RepoPath other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String normalise(String raw) {
    if (raw.indexOf('\0') >= 0) {
      throw problem("must not contain NUL", raw);
    }
    if (raw.indexOf('\\') >= 0) {
      throw problem("must use / as separator, not a backslash", raw);
    }
    if (raw.startsWith("/") || startsWithDriveLetter(raw)) {
      throw problem("must be relative", raw);
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (String segment : raw.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw problem("must not contain a .. segment", raw);
      }
      for (int i = 0; i < segment.length(); ) {
        int c = segment.codePointAt(i);
        if (Character.isISOControl(c)) {
          throw problem("must not contain control characters", raw);
        }
        if (isFormatCharacter(c)) {
          throw problem("must not contain invisible format characters", raw);
        }
        i += Character.charCount(c);
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(segment);
    }
    if (out.length() == 0) {
      throw problem("must name a file, not the repository root", raw);
    }
    if (startsWithDriveLetter(out)) {
      // ./C:x normalises to C:x, which must be refused however it was spelt
      throw problem("must be relative", raw);
    }
    if (out.length() > 4096) {
      throw problem("must be at most 4096 characters long", out.length());
    }
    return out.toString();
  }

  /**
   * Whether {@code raw} starts with a Windows drive: an ASCII letter followed by {@code :}, as in
   * {@code C:/x}, {@code c:} or the drive-relative {@code C:x}.
   */
  static boolean startsWithDriveLetter(CharSequence raw) {
    if (raw.length() < 2 || raw.charAt(1) != ':') {
      return false;
    }
    char first = raw.charAt(0);
    return (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
  }

  /**
   * Whether {@code codePoint} is an invisible format character (Unicode category Cf), such as a
   * zero-width space or a bidi override, which would let one path display as another.
   */
  static boolean isFormatCharacter(int codePoint) {
    return Character.getType(codePoint) == Character.FORMAT;
  }

  private static InvalidValueException problem(String problem, Object value) {
    return new InvalidValueException(RepoPath.class, "value", problem, value);
  }
}
