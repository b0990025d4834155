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
}
