package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A pattern over repository paths: {@code *} matches within one segment, {@code ?} one character
 * of a segment, and a whole {@code **} segment any number of segments, including none.
 *
 * <p>A pattern matches a path when it matches the whole path or one of the path's leading
 * directories, so {@code src/auth} and {@code src/auth/**} both cover {@code src/auth/Login.java}.
 * Patterns are relative like {@link RepoPath}s: no leading {@code /}, no {@code .} or {@code ..}
 * segment, no backslash, no NUL, no empty segment.
 *
 * @param pattern the pattern, such as {@code db/migrations/**} or {@code *.md}
 */
public record PathGlob(String pattern) {
  /** Checks the pattern's syntax. */
  public PathGlob {
    Checks.present(PathGlob.class, "pattern", pattern);
    String problem = problem(pattern);
    if (problem != null) {
      throw new InvalidValueException(PathGlob.class, "pattern", problem, pattern);
    }
  }

  /** The pattern {@code pattern}; same as the constructor. */
  public static PathGlob of(String pattern) {
    return new PathGlob(pattern);
  }

  /** Whether this pattern matches {@code path} or one of its leading directories. */
  public boolean matches(RepoPath path) {
    String[] globSegments = pattern.split("/");
    String[] pathSegments = path.value().split("/");
    return matchSegments(globSegments, 0, pathSegments, 0);
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static boolean matchSegments(String[] glob, int g, String[] path, int p) {
    if (g == glob.length) {
      return true; // the pattern covered a leading directory, or the whole path
    }
    if (glob[g].equals("**")) {
      for (int skip = p; skip <= path.length; skip++) {
        if (matchSegments(glob, g + 1, path, skip)) {
          return true;
        }
      }
      return false;
    }
    return p < path.length
        && matchSegment(glob[g], 0, path[p], 0)
        && matchSegments(glob, g + 1, path, p + 1);
  }

  private static boolean matchSegment(String glob, int g, String name, int n) {
    while (g < glob.length()) {
      char c = glob.charAt(g);
      if (c == '*') {
        for (int rest = n; rest <= name.length(); rest++) {
          if (matchSegment(glob, g + 1, name, rest)) {
            return true;
          }
        }
        return false;
      }
      if (n == name.length()) {
        return false;
      }
      if (c == '?') {
        // one character of the name, even where it takes two UTF-16 code units
        n += Character.charCount(name.codePointAt(n));
      } else if (c == name.charAt(n)) {
        n++;
      } else {
        return false;
      }
      g++;
    }
    return n == name.length();
  }

  private static @Nullable String problem(String pattern) {
    if (pattern.isEmpty()) {
      return "must not be empty";
    }
    if (pattern.indexOf('\0') >= 0) {
      return "must not contain NUL";
    }
    if (pattern.indexOf('\\') >= 0) {
      return "must use / as separator, not a backslash";
    }
    if (pattern.startsWith("/") || RepoPath.startsWithDriveLetter(pattern)) {
      return "must be relative";
    }
    if (pattern.chars().anyMatch(Character::isISOControl)) {
      return "must not contain control characters";
    }
    for (String segment : pattern.split("/", -1)) {
      if (segment.isEmpty()) {
        return "must not contain an empty segment";
      }
      if (segment.equals("..")) {
        return "must not contain a .. segment";
      }
      if (segment.equals(".")) {
        // paths are normalised without . segments, so such a pattern would silently match nothing
        return "must not contain a . segment";
      }
      if (segment.contains("**") && !segment.equals("**")) {
        return "must use ** only as a whole segment";
      }
    }
    return null;
  }
}
