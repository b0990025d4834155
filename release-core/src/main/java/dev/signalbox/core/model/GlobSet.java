package dev.signalbox.core.model;

import dev.signalbox.core.internal.ArraySet;
import java.util.Set;

/**
 * The path patterns of a {@link Scope}, each kept with its shape ({@link PathGlob#shapeOf}), worked
 * out once when the scope is built rather than on every path a decision asks about: an immutable
 * {@link ArraySet} that equals, hashes and prints as any set of the same patterns.
 */
final class GlobSet extends ArraySet<PathGlob> {
  private static final GlobSet EMPTY = new GlobSet(new Object[0]);

  /** The shape of each pattern, by index. */
  private final byte[] shapes;

  private GlobSet(Object[] globs) {
    super(globs);
    this.shapes = new byte[globs.length];
    for (int i = 0; i < globs.length; i++) {
      shapes[i] = PathGlob.shapeOf(((PathGlob) globs[i]).pattern());
    }
  }

  /**
   * The set of {@code globs} in their iteration order, or {@code globs} itself when it is a {@code
   * GlobSet} already.
   *
   * @throws NullPointerException if {@code globs} holds null (callers check first)
   */
  static GlobSet copyOf(Set<PathGlob> globs) {
    if (globs instanceof GlobSet held) {
      return held;
    }
    return globs.isEmpty() ? EMPTY : new GlobSet(ArraySet.copyOf(globs).toArray());
  }

  /** Whether one of the patterns matches {@code path} or one of its leading directories. */
  boolean matchesAny(RepoPath path) {
    String value = path.value();
    for (int i = 0; i < shapes.length; i++) {
      if (PathGlob.matches(get(i).pattern(), shapes[i], value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether one pattern, literal or {@code prefix/**}, has every path from {@code first} to {@code
   * last} in {@link RepoPath} order below it: both lie below its directory, and the paths that
   * begin with one string are a run in that (lexicographic) order, so every path between them does
   * too. False tells nothing: the paths between may still match, one by one.
   */
  boolean holdsEveryPathBetween(String first, String last) {
    for (int i = 0; i < shapes.length; i++) {
      String glob = get(i).pattern();
      int prefix =
          switch (shapes[i]) {
            case PathGlob.LITERAL -> glob.length();
            case PathGlob.BELOW -> glob.length() - 3;
            default -> -1;
          };
      if (prefix > 0
          && isStrictlyBelow(first, glob, prefix)
          && isStrictlyBelow(last, glob, prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} begins with {@code glob[0, prefix)} and a slash. */
  private static boolean isStrictlyBelow(String path, String glob, int prefix) {
    return path.length() > prefix
        && path.charAt(prefix) == '/'
        && path.regionMatches(0, glob, 0, prefix);
  }
}
