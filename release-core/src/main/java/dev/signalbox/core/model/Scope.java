package dev.signalbox.core.model;

import com.google.common.collect.ImmutableSet;
import dev.signalbox.core.internal.ArraySet;
import dev.signalbox.core.internal.Checks;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where something applies: a set of components, path patterns and environments, minus excluded
 * paths. An empty dimension does not restrict, so {@link #everything()} has every set empty.
 *
 * @param components component names, such as {@code auth}; empty for every component
 * @param paths path patterns; empty for every path
 * @param environments environment names, such as {@code production}; empty for every environment
 * @param exclusions path patterns excluded even when {@code paths} matches
 */
public record Scope(
    Set<String> components,
    Set<PathGlob> paths,
    Set<String> environments,
    Set<PathGlob> exclusions) {
  private static final Scope EVERYTHING = new Scope(Set.of(), Set.of(), Set.of(), Set.of());

  /** Checks and copies the sets. */
  public Scope {
    // held in arrays, which covers and appliesTo walk without an iterator on every decision
    components = ArraySet.copyOf(Checks.tokens(Scope.class, "components", components));
    // the patterns with their shapes worked out once: covers runs for every path of a decision
    paths = GlobSet.copyOf(Checks.set(Scope.class, "paths", paths));
    environments = Checks.tokens(Scope.class, "environments", environments);
    exclusions = GlobSet.copyOf(Checks.set(Scope.class, "exclusions", exclusions));
  }

  /** The scope that restricts nothing. */
  public static Scope everything() {
    return EVERYTHING;
  }

  /** The scope of the given path patterns, in every component and environment. */
  public static Scope ofPaths(String... patterns) {
    return new Scope(Set.of(), globs(patterns), Set.of(), Set.of());
  }

  /** The scope of the given components, at every path and in every environment. */
  public static Scope ofComponents(String... components) {
    Checks.present(Scope.class, "components", components);
    return new Scope(new LinkedHashSet<>(Arrays.asList(components)), Set.of(), Set.of(), Set.of());
  }

  /** Whether this scope restricts nothing. */
  public boolean isEverything() {
    return components.isEmpty()
        && paths.isEmpty()
        && environments.isEmpty()
        && exclusions.isEmpty();
  }

  /**
   * Whether {@code path} is inside this scope's paths: matched (or unrestricted) and not excluded.
   */
  public boolean covers(RepoPath path) {
    return (paths.isEmpty() || ((GlobSet) paths).matchesAny(path))
        && (exclusions.isEmpty() || !((GlobSet) exclusions).matchesAny(path));
  }

  /**
   * Whether every path {@code changes} touches, at head and before a rename or copy, is inside this
   * scope's paths ({@link #covers(RepoPath)}). The same answer as asking for each path, and for the
   * common case of a change below one directory, quicker: the files are sorted by path, so when the
   * first and the last lie below a pattern's directory, every file between them does too.
   */
  public boolean coversAll(ChangeSet changes) {
    List<FileChange> files = Checks.present(Scope.class, "changes", changes).files();
    if (files.isEmpty() || (paths.isEmpty() && exclusions.isEmpty())) {
      return true;
    }
    boolean headsInside =
        exclusions.isEmpty()
            && !paths.isEmpty()
            && ((GlobSet) paths)
                .holdsEveryPathBetween(
                    files.get(0).path().value(), files.get(files.size() - 1).path().value());
    for (int i = 0; i < files.size(); i++) { // indexed: every decision asks
      FileChange file = files.get(i);
      if ((!headsInside && !covers(file.path()))
          || (file.oldPath().isPresent() && !covers(file.oldPath().get()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether this scope applies to {@code target}: in every dimension the scope restricts, the
   * target has something inside it.
   *
   * <p>A target matches the components when it touches one of them, and the paths when one of its
   * paths is {@linkplain #covers(RepoPath) covered}. A target whose environment is not known yet
   * matches every environment, so that a window for {@code production} holds a change whose
   * destination is undecided.
   */
  public boolean appliesTo(Target target) {
    // loops rather than streams: the calendar asks this for many windows on every decision
    if (!components.isEmpty() && !containsAny((ArraySet<String>) components, target)) {
      return false;
    }
    if (!environments.isEmpty()
        && target.environment().isPresent()
        && !environments.contains(target.environment().get())) {
      return false;
    }
    if (paths.isEmpty() && exclusions.isEmpty()) {
      return true;
    }
    ArraySet<RepoPath> touched = (ArraySet<RepoPath>) target.paths(); // as Target holds them
    for (int i = 0; i < touched.size(); i++) {
      if (covers(touched.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(ArraySet<String> components, Target target) {
    for (int i = 0; i < components.size(); i++) {
      if (target.components().contains(components.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static Set<PathGlob> globs(String... patterns) {
    Checks.present(Scope.class, "paths", patterns);
    ImmutableSet.Builder<PathGlob> globs = ImmutableSet.builder();
    for (int i = 0; i < patterns.length; i++) {
      globs.add(new PathGlob(Checks.present(Scope.class, "paths[" + i + "]", patterns[i])));
    }
    return globs.build();
  }
}
