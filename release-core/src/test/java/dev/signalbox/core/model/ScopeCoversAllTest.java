package dev.signalbox.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.signalbox.core.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Scope#coversAll(ChangeSet)} gives what asking {@link Scope#covers(RepoPath)} for each path
 * gives, including the paths that sort between two paths below a directory without lying below it
 * ({@code a-b} between {@code a} and {@code a/b}).
 */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class ScopeCoversAllTest {
  private static final String[] SEGMENTS = {"a", "a-b", "a.b", "b", "ab", "a0", "z"};
  private static final String[] PATTERNS = {
    "a", "a/**", "a/b", "a/b/**", "a-b/**", "ab", "**/b", "**/*.b", "a/*/z", "z/**", "**"
  };

  @Test
  void coversAllIsEveryPathCovered() {
    qt().withExamples(2_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              Scope scope = scope(random);
              ChangeSet changes = changes(random);
              boolean expected = true;
              for (FileChange file : changes.files()) {
                expected &= scope.covers(file.path());
                if (file.oldPath().isPresent()) {
                  expected &= scope.covers(file.oldPath().get());
                }
              }
              assertThat(scope.coversAll(changes))
                  .as("%s over %s", scope, changes)
                  .isEqualTo(expected);
            });
  }

  @Test
  void aPathSortedBetweenTwoBelowTheDirectoryIsStillAsked() {
    ChangeSet changes =
        new ChangeSet(
            List.of(
                FileChange.modified("a/b", 1, 1),
                FileChange.modified("a-b/c", 1, 1),
                FileChange.modified("a/z", 1, 1)));
    assertThat(Scope.ofPaths("a/**").coversAll(changes)).isFalse();
    assertThat(Scope.ofPaths("a/**", "a-b").coversAll(changes)).isTrue();
    assertThat(Scope.ofPaths("a").coversAll(ChangeSet.of(FileChange.modified("a/b", 1, 1))))
        .isTrue();
    assertThat(Scope.everything().coversAll(changes)).isTrue();
    assertThat(Scope.ofPaths("a/**").coversAll(ChangeSet.empty())).isTrue();
  }

  @Test
  void aNullChangeSetIsRefusedByName() {
    assertThatThrownBy(() -> Scope.ofPaths("a/**").coversAll(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("changes");
  }

  @Test
  void anOldPathOutsideTheScopeIsNotCovered() {
    ChangeSet changes =
        ChangeSet.of(FileChange.modified("a/b", 1, 1), FileChange.renamed("z/old", "a/new", 1, 1));
    assertThat(Scope.ofPaths("a/**").coversAll(changes)).isFalse();
    assertThat(Scope.ofPaths("a/**", "z").coversAll(changes)).isTrue();
  }

  @Test
  void anExclusionIsHonoured() {
    Scope scope =
        new Scope(
            java.util.Set.of(),
            java.util.Set.of(PathGlob.of("a/**")),
            java.util.Set.of(),
            java.util.Set.of(PathGlob.of("a/b")));
    ChangeSet changes =
        ChangeSet.of(FileChange.modified("a/a", 1, 1), FileChange.modified("a/b", 1, 1));
    assertThat(scope.coversAll(changes)).isFalse();
    assertThat(scope.coversAll(ChangeSet.of(FileChange.modified("a/a", 1, 1)))).isTrue();
  }

  private static Scope scope(SplittableRandom random) {
    List<PathGlob> paths = new ArrayList<>();
    int count = random.nextInt(4); // none: every path
    for (int i = 0; i < count; i++) {
      PathGlob glob = PathGlob.of(PATTERNS[random.nextInt(PATTERNS.length)]);
      if (!paths.contains(glob)) {
        paths.add(glob);
      }
    }
    List<PathGlob> exclusions = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      exclusions.add(PathGlob.of(PATTERNS[random.nextInt(PATTERNS.length)]));
    }
    return new Scope(
        java.util.Set.of(),
        new java.util.LinkedHashSet<>(paths),
        java.util.Set.of(),
        new java.util.LinkedHashSet<>(exclusions));
  }

  private static ChangeSet changes(SplittableRandom random) {
    Map<String, FileChange> files = new LinkedHashMap<>(); // distinct paths at head
    int count = random.nextInt(7);
    for (int i = 0; i < count; i++) {
      String path = path(random);
      files.put(
          path,
          random.nextInt(6) == 0
              ? FileChange.renamed(oldPath(random), path, 1, 1)
              : FileChange.modified(path, 1, 1));
    }
    return new ChangeSet(new ArrayList<>(files.values()));
  }

  /** A path before a rename: "old" is no segment of a path at head, so the two differ. */
  private static String oldPath(SplittableRandom random) {
    return (random.nextBoolean() ? "a/old/" : "old/") + path(random);
  }

  private static String path(SplittableRandom random) {
    StringBuilder path = new StringBuilder(SEGMENTS[random.nextInt(SEGMENTS.length)]);
    int more = random.nextInt(3);
    for (int i = 0; i < more; i++) {
      path.append('/').append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
    }
    return path.toString();
  }
}
