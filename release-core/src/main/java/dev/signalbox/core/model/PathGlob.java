package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A pattern over repository paths: {@code *} matches any run of characters within one segment,
 * {@code ?} exactly one character of a segment (a whole code point, even where it takes two UTF-16
 * code units), and a whole {@code **} segment any number of segments, including none. Every other
 * character matches itself, case-sensitively.
 *
 * <p>A pattern matches a path when it matches the whole path or one of the path's leading
 * directories, so {@code src/auth} and {@code src/auth/**} both cover {@code src/auth/Login.java},
 * and {@code src/auth} does not cover {@code src/authz/X.java}. Matching takes time proportional to
 * the pattern's length times the path's length, whatever the pattern, so a pattern read from a
 * configuration file cannot stall the caller.
 *
 * <p>Refused, with an {@link InvalidValueException}: a null or empty pattern, one longer than 1024
 * characters (UTF-16 code units), NUL, a backslash, a leading {@code /}, a leading Windows drive
 * (an ASCII letter followed by {@code :}, as in {@code C:/x} or {@code C:x}), control characters,
 * invisible format characters (such as the zero-width space U+200B or the bidi override U+202E), an
 * empty segment (so no {@code //} and no trailing {@code /}), a {@code .} or {@code ..} segment,
 * and {@code **} inside a longer segment. These are the characters and shapes that {@link RepoPath}
 * refuses, so a pattern never names a path that cannot exist.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param pattern the pattern, such as {@code db/migrations/**} or {@code *.md}
 */
public record PathGlob(String pattern) {
  private static final int MAX_LENGTH = 1024;
  private static final String ANY_SEGMENTS = "**";

  /**
   * Checks the pattern's syntax.
   *
   * @throws InvalidValueException if the pattern is null or one of the refused shapes above
   */
  public PathGlob {
    Checks.present(PathGlob.class, "pattern", pattern);
    if (pattern.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          PathGlob.class,
          "pattern",
          "must be at most " + MAX_LENGTH + " characters long",
          pattern.length());
    }
    String problem = problem(pattern);
    if (problem != null) {
      throw new InvalidValueException(PathGlob.class, "pattern", problem, pattern);
    }
  }

  /**
   * The pattern {@code pattern}; same as the constructor.
   *
   * @throws InvalidValueException if the pattern is null or refused
   */
  public static PathGlob of(String pattern) {
    return new PathGlob(pattern);
  }

  /**
   * Whether this pattern matches {@code path} or one of its leading directories, in time
   * proportional to the pattern's length times the path's length.
   */
  public boolean matches(RepoPath path) {
    return matches(pattern, shapeOf(pattern), path.value());
  }

  // The shapes scopes are written in, each tested directly; each gives what matchSegments gives.
  // A Scope works them out once per pattern (GlobSet), where matches(RepoPath) does so per call.

  /** No shortcut: the general walk. */
  static final byte GENERAL = 0;

  /** No wildcard: the path itself or a leading directory of it. */
  static final byte LITERAL = 1;

  /** {@code prefix/**}, the prefix literal: the prefix itself or below it. */
  static final byte BELOW = 2;

  /** {@code **}{@code /name}, the name one segment: any segment of the path matches the name. */
  static final byte ANY_SEGMENT = 3;

  /**
   * {@code **}{@code /*suffix}, the suffix literal and free of surrogates (so that it can only
   * begin where a code point does): any segment of the path ends with the suffix.
   */
  static final byte ANY_SEGMENT_ENDING = 4;

  /** Which of the shapes above {@code glob}, a valid pattern, has. */
  static byte shapeOf(String glob) {
    int star = glob.indexOf('*');
    int question = glob.indexOf('?');
    if (star < 0 && question < 0) {
      return LITERAL;
    }
    int length = glob.length();
    if (star == length - 2
        && length >= 3
        && glob.charAt(length - 3) == '/'
        && glob.charAt(length - 1) == '*'
        && question < 0) {
      return BELOW;
    }
    if (glob.startsWith("**/") && glob.indexOf('/', 3) < 0 && !glob.startsWith(ANY_SEGMENTS, 3)) {
      if (length > 4
          && glob.charAt(3) == '*'
          && question < 0
          && glob.indexOf('*', 4) < 0
          && !hasSurrogate(glob, 4)) {
        return ANY_SEGMENT_ENDING;
      }
      return ANY_SEGMENT;
    }
    return GENERAL;
  }

  /** Whether {@code glob}, whose shape is {@code shape} as {@link #shapeOf} gives it, matches. */
  static boolean matches(String glob, byte shape, String path) {
    return switch (shape) {
      case LITERAL -> isSelfOrBelow(path, glob, glob.length());
      case BELOW -> isSelfOrBelow(path, glob, glob.length() - 3);
      case ANY_SEGMENT_ENDING -> hasSegmentEnding(path, glob, 4);
      case ANY_SEGMENT -> hasSegmentMatching(path, glob, 3);
      default -> matchSegments(glob, path);
    };
  }

  /** Whether a segment of {@code path} matches {@code glob[from, glob.length())}, one segment. */
  private static boolean hasSegmentMatching(String path, String glob, int from) {
    for (int p = 0; p <= path.length(); ) {
      int end = segmentEnd(path, p);
      if (matchSegment(glob, from, glob.length(), path, p, end)) {
        return true;
      }
      p = end + 1;
    }
    return false;
  }

  private static boolean hasSurrogate(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a segment of {@code path} ends with {@code glob[from, glob.length())}, a suffix without
   * a slash: whether the suffix stands just before the path's end or one of its slashes.
   */
  private static boolean hasSegmentEnding(String path, String glob, int from) {
    int suffix = glob.length() - from;
    for (int end = path.indexOf('/'); end >= 0; end = path.indexOf('/', end + 1)) {
      if (end >= suffix && path.regionMatches(end - suffix, glob, from, suffix)) {
        return true; // a directory's name
      }
    }
    return path.length() >= suffix
        && path.regionMatches(path.length() - suffix, glob, from, suffix); // the file's name
  }

  /** Whether {@code path} is {@code glob[0, prefix)} or lies below it. */
  private static boolean isSelfOrBelow(String path, String glob, int prefix) {
    return path.regionMatches(0, glob, 0, prefix)
        && (path.length() == prefix || path.charAt(prefix) == '/');
  }

  @Override
  public String toString() {
    return pattern;
  }

  /**
   * Whether {@code glob} (a valid pattern) matches all of {@code path} or a leading directory of
   * it, walking both strings segment by segment without allocating.
   *
   * <p>Matching a leading directory is matching the whole path with a {@code **} after the pattern,
   * so the pattern is read as if it ended in one. Only the latest {@code **} is ever retried. That
   * is enough because {@code **} matches any run of segments: once the segments between two {@code
   * **} have matched somewhere, the earliest such place leaves the most path for the rest, so no
   * earlier choice needs revisiting. Each pair of a glob segment and a path segment is then
   * compared at most once, which bounds the work by the pattern's length times the path's length.
   */
  private static boolean matchSegments(String glob, String path) {
    int virtualStar = glob.length() + 1; // where the implied trailing ** starts
    int end = virtualStar + 2; // past every segment
    int g = 0; // start of the current glob segment
    int p = 0; // start of the current path segment; path.length() + 1 once used up
    int afterStar = -1; // the glob segment after the latest **, or -1 before the first
    int starEnd = 0; // where the path segments matched by that ** end
    while (p <= path.length()) {
      int pEnd = segmentEnd(path, p);
      if (g < end && isAnySegments(glob, g, virtualStar)) {
        int next = g == virtualStar ? end : segmentEnd(glob, g) + 1;
        if (next >= end || (next == virtualStar && endsWithAnySegments(glob))) {
          return true; // the last ** takes the rest of the path
        }
        afterStar = g = next;
        starEnd = p;
      } else if (g < virtualStar && matchSegment(glob, g, segmentEnd(glob, g), path, p, pEnd)) {
        g = segmentEnd(glob, g) + 1;
        p = pEnd + 1;
      } else if (afterStar >= 0) {
        // let the latest ** take one more segment and match what follows it from there
        g = afterStar;
        starEnd = segmentEnd(path, starEnd) + 1;
        p = starEnd;
      } else {
        return false;
      }
    }
    // the path is used up: what is left of the glob must match no segment, and only ** can
    while (g < end && isAnySegments(glob, g, virtualStar)) {
      g = g == virtualStar ? end : segmentEnd(glob, g) + 1;
    }
    return g >= end;
  }

  /** Where the segment starting at {@code start} ends: the next slash, or the string's end. */
  private static int segmentEnd(String text, int start) {
    int slash = text.indexOf('/', start);
    return slash < 0 ? text.length() : slash;
  }

  /** Whether the glob segment at {@code start} is {@code **}, the implied trailing one included. */
  private static boolean isAnySegments(String glob, int start, int virtualStar) {
    return start == virtualStar
        || (glob.startsWith(ANY_SEGMENTS, start) && segmentEnd(glob, start) == start + 2);
  }

  private static boolean endsWithAnySegments(String glob) {
    return glob.equals(ANY_SEGMENTS) || glob.endsWith("/" + ANY_SEGMENTS);
  }

  /**
   * Whether {@code glob[gFrom, gTo)}, a segment of a pattern, matches all of {@code name[nFrom,
   * nTo)}, one segment of a path; the same technique as {@link #matchSegments} one level down, with
   * {@code *} retried character by character.
   */
  private static boolean matchSegment(
      String glob, int gFrom, int gTo, String name, int nFrom, int nTo) {
    int g = gFrom;
    int n = nFrom;
    int afterStar = -1;
    int starEnd = 0;
    while (n < nTo) {
      int wanted = g < gTo ? glob.codePointAt(g) : -1;
      int c = name.codePointAt(n);
      if (wanted == '*') {
        afterStar = ++g;
        starEnd = n;
      } else if (wanted == '?' || wanted == c) {
        // one character of the name, even where it takes two UTF-16 code units
        g += Character.charCount(wanted);
        n += Character.charCount(c);
      } else if (afterStar >= 0) {
        g = afterStar;
        starEnd += Character.charCount(name.codePointAt(starEnd));
        n = starEnd;
      } else {
        return false;
      }
    }
    while (g < gTo && glob.charAt(g) == '*') {
      g++;
    }
    return g == gTo;
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
    if (pattern.codePoints().anyMatch(RepoPath::isFormatCharacter)) {
      return "must not contain invisible format characters";
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
      if (segment.contains(ANY_SEGMENTS) && !segment.equals(ANY_SEGMENTS)) {
        return "must use ** only as a whole segment";
      }
    }
    return null;
  }
}
