package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;

/**
 * A file's path inside a repository: relative, with {@code /} as separator, normalised ({@code
 * ./} segments, repeated and trailing slashes removed) and safe to join onto a checkout.
 *
 * <p>Refused: absolute paths ({@code /etc/passwd}, {@code C:/x}), {@code ..} segments, NUL,
 * backslashes and the empty path. Comparison is by the normalised text, code unit by code unit
 * (paths are not Unicode-normalised: git compares bytes).
 *
 * @param value the normalised path, such as {@code src/main/App.java}
 */
public record RepoPath(String value) implements Comparable<RepoPath> {
  /** Validates and normalises the path. */
  public RepoPath {
    Checks.present(RepoPath.class, "value", value);
    value = normalise(value);
  }

  /** The path {@code value}, normalised; same as the constructor. */
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
      for (int i = 0; i < segment.length(); i++) {
        if (Character.isISOControl(segment.charAt(i))) {
          throw problem("must not contain control characters", raw);
        }
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(segment);
    }
    if (out.length() == 0) {
      throw problem("must name a file, not the repository root", raw);
    }
    if (out.length() > 4096) {
      throw problem("must be at most 4096 characters long", out.length());
    }
    return out.toString();
  }

  /** Whether {@code raw} starts with a Windows drive such as {@code C:} or {@code C:/}. */
  static boolean startsWithDriveLetter(String raw) {
    return raw.length() >= 2
        && raw.charAt(1) == ':'
        && ((raw.charAt(0) >= 'a' && raw.charAt(0) <= 'z')
            || (raw.charAt(0) >= 'A' && raw.charAt(0) <= 'Z'))
        && (raw.length() == 2 || raw.charAt(2) == '/');
  }

  private static InvalidValueException problem(String problem, Object value) {
    return new InvalidValueException(RepoPath.class, "value", problem, value);
  }
}
