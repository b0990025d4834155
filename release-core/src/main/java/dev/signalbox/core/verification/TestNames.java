package dev.signalbox.core.verification;

import dev.signalbox.core.model.RepoPath;
import java.util.Collection;

/**
 * How a test's name relates to files and to the names checks report. A name is a path ({@code
 * tests/test_cart.py::test_total}), or a dotted class name ({@code com.acme.CartTest}), either
 * possibly followed by a member ({@code #total}, {@code ::test_total}, {@code .total}, {@code (…)},
 * {@code $Nested}).
 */
final class TestNames {
  private static final String SEPARATORS = "#.:($/[ ";

  private TestNames() {}

  /**
   * Whether one of {@code written} holds the test {@code name}: the path itself for a path-like
   * name; for a dotted name, a file whose path without its extension ends with the name's segments
   * (or all but the last, a member), at a directory boundary.
   */
  static boolean heldBy(String name, Collection<RepoPath> written) {
    String test = stripMember(name);
    if (test.isEmpty()) {
      return false;
    }
    if (test.indexOf('/') >= 0) {
      for (RepoPath path : written) {
        if (path.value().equals(test)) {
          return true;
        }
      }
      return false;
    }
    String full = test.replace('.', '/');
    int lastDot = test.lastIndexOf('.');
    String owner = lastDot > 0 ? test.substring(0, lastDot).replace('.', '/') : null;
    for (RepoPath path : written) {
      String stem = withoutExtension(path.value());
      if (endsAtBoundary(stem, full) || (owner != null && endsAtBoundary(stem, owner))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a check's reported test {@code ran} covers the claimed test {@code claimed}: one name
   * lies within the other at name boundaries, so that the same test written with or without its
   * package ({@code CartTest}, {@code com.acme.CartTest}), a class reported for its method claimed,
   * and a method reported for its class claimed all match.
   */
  static boolean covers(String ran, String claimed) {
    String r = members(ran);
    String c = members(claimed);
    return within(r, c) || within(c, r);
  }

  /** The name with every member separator ({@code #}, {@code ::}) written as a dot. */
  private static String members(String name) {
    return name.strip().replace("::", ".").replace('#', '.');
  }

  /** Whether {@code part} occurs in {@code whole} after a package boundary, before a member one. */
  private static boolean within(String whole, String part) {
    if (part.isEmpty()) {
      return false;
    }
    for (int at = whole.indexOf(part); at >= 0; at = whole.indexOf(part, at + 1)) {
      int end = at + part.length();
      boolean startsName = at == 0 || "./".indexOf(whole.charAt(at - 1)) >= 0;
      boolean endsName = end == whole.length() || SEPARATORS.indexOf(whole.charAt(end)) >= 0;
      if (startsName && endsName) {
        return true;
      }
    }
    return false;
  }

  private static String stripMember(String name) {
    String test = name.strip();
    for (String cut : new String[] {"::", "#", "(", "$", "[", " "}) {
      int at = test.indexOf(cut);
      if (at >= 0) {
        test = test.substring(0, at);
      }
    }
    return test;
  }

  private static String withoutExtension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) : path;
  }

  private static boolean endsAtBoundary(String stem, String suffix) {
    if (!stem.endsWith(suffix)) {
      return false;
    }
    int before = stem.length() - suffix.length();
    return before == 0 || stem.charAt(before - 1) == '/';
  }
}
