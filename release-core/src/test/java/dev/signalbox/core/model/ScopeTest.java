package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class ScopeTest {

  @Test
  void everythingRestrictsNothing() {
    Scope everything = Scope.everything();
    assertThat(everything.isEverything()).isTrue();
    assertThat(everything).isEqualTo(new Scope(Set.of(), Set.of(), Set.of(), Set.of()));
    assertThat(everything.covers(RepoPath.of("any/where.txt"))).isTrue();
  }

  @Test
  void ofPathsCoversMatchingPathsOnly() {
    Scope scope = Scope.ofPaths("src/auth", "db/migrations/**");
    assertThat(scope.paths())
        .containsExactlyInAnyOrder(PathGlob.of("src/auth"), PathGlob.of("db/migrations/**"));
    assertThat(scope.components()).isEmpty();
    assertThat(scope.environments()).isEmpty();
    assertThat(scope.isEverything()).isFalse();
    assertThat(scope.covers(RepoPath.of("src/auth/Login.java"))).isTrue();
    assertThat(scope.covers(RepoPath.of("db/migrations/V1.sql"))).isTrue();
    assertThat(scope.covers(RepoPath.of("src/authz/X.java"))).isFalse();
    assertThat(scope.covers(RepoPath.of("README.md"))).isFalse();
  }

  @Test
  void ofComponentsRestrictsComponentsOnly() {
    Scope scope = Scope.ofComponents("auth", "billing");
    assertThat(scope.components()).containsExactlyInAnyOrder("auth", "billing");
    assertThat(scope.paths()).isEmpty();
    assertThat(scope.isEverything()).isFalse();
    assertThat(scope.covers(RepoPath.of("any/path"))).isTrue();
  }

  @Test
  void exclusionsWinOverPaths() {
    Scope scope =
        new Scope(
            Set.of(),
            Set.of(PathGlob.of("src/**")),
            Set.of(),
            Set.of(PathGlob.of("src/**/generated")));
    assertThat(scope.covers(RepoPath.of("src/App.java"))).isTrue();
    assertThat(scope.covers(RepoPath.of("src/api/generated/Stub.java"))).isFalse();
    assertThat(scope.covers(RepoPath.of("lib/App.java"))).isFalse();
  }

  @Test
  void exclusionsApplyWhenPathsDoNotRestrict() {
    Scope scope = new Scope(Set.of(), Set.of(), Set.of(), Set.of(PathGlob.of("*.md")));
    assertThat(scope.isEverything()).isFalse();
    assertThat(scope.covers(RepoPath.of("README.md"))).isFalse();
    assertThat(scope.covers(RepoPath.of("src/App.java"))).isTrue();
  }

  @Test
  void environmentsAloneDoNotRestrictPaths() {
    Scope scope = new Scope(Set.of(), Set.of(), Set.of("production"), Set.of());
    assertThat(scope.isEverything()).isFalse();
    assertThat(scope.covers(RepoPath.of("src/App.java"))).isTrue();
  }

  @Test
  void copiesTheSetsHandedIn() {
    Set<String> components = new HashSet<>(Set.of("auth"));
    Set<PathGlob> paths = new HashSet<>(Set.of(PathGlob.of("src/**")));
    Set<String> environments = new HashSet<>(Set.of("production"));
    Set<PathGlob> exclusions = new HashSet<>(Set.of(PathGlob.of("*.md")));
    Scope scope = new Scope(components, paths, environments, exclusions);
    components.add("billing");
    paths.clear();
    environments.add("staging");
    exclusions.clear();
    assertThat(scope.components()).containsExactly("auth");
    assertThat(scope.paths()).containsExactly(PathGlob.of("src/**"));
    assertThat(scope.environments()).containsExactly("production");
    assertThat(scope.exclusions()).containsExactly(PathGlob.of("*.md"));
  }

  @Test
  void holdsItsPatternsAsASetLikeAnyOther() {
    Set<PathGlob> globs = Set.of(PathGlob.of("docs/**"), PathGlob.of("**/*.md"));
    Scope scope = new Scope(Set.of(), globs, Set.of(), globs);
    assertThat(scope.paths()).isEqualTo(globs).hasSameHashCodeAs(globs);
    assertThat(scope.exclusions()).isEqualTo(globs).hasSameHashCodeAs(globs);
    // a scope built from another's sets equals it, and so does one built from plain sets
    Scope copy = new Scope(Set.of(), scope.paths(), Set.of(), scope.exclusions());
    assertThat(copy).isEqualTo(scope).hasSameHashCodeAs(scope);
    assertThat(copy.paths()).isSameAs(scope.paths());
    assertThat(Scope.ofPaths("docs/**", "**/*.md").paths()).isEqualTo(scope.paths());
    assertThat(Scope.ofPaths("docs/**", "**/*.md").covers(RepoPath.of("a/README.md"))).isTrue();
    assertThat(Scope.ofPaths("docs/**", "**/*.md").covers(RepoPath.of("a/README.mdx"))).isFalse();
    assertThatThrownBy(() -> Scope.everything().paths().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void returnsUnmodifiableSets() {
    Scope scope = Scope.ofPaths("src/**");
    assertThatThrownBy(() -> scope.paths().add(PathGlob.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> scope.components().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> scope.environments().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> scope.exclusions().add(PathGlob.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNullSets() {
    assertNullRejected(
        () -> new Scope(null, Set.of(), Set.of(), Set.of()), Scope.class, "components");
    assertNullRejected(() -> new Scope(Set.of(), null, Set.of(), Set.of()), Scope.class, "paths");
    assertNullRejected(
        () -> new Scope(Set.of(), Set.of(), null, Set.of()), Scope.class, "environments");
    assertNullRejected(
        () -> new Scope(Set.of(), Set.of(), Set.of(), null), Scope.class, "exclusions");
  }

  @Test
  void rejectsNullElements() {
    assertNullRejected(
        () ->
            new Scope(Set.of(), new HashSet<>(Arrays.asList((PathGlob) null)), Set.of(), Set.of()),
        Scope.class,
        "paths[0]");
    assertNullRejected(
        () -> new Scope(new HashSet<>(Arrays.asList((String) null)), Set.of(), Set.of(), Set.of()),
        Scope.class,
        "components[0]");
  }

  @Test
  void factoriesRejectNullsWithoutNullPointerException() {
    assertNullRejected(() -> Scope.ofPaths((String[]) null), Scope.class, "paths");
    assertNullRejected(() -> Scope.ofPaths("src/**", null), Scope.class, "paths[1]");
    assertNullRejected(() -> Scope.ofComponents((String[]) null), Scope.class, "components");
    assertNullRejected(() -> Scope.ofComponents("auth", null), Scope.class, "components[1]");
  }

  @Test
  void ofPathsRejectsInvalidPatterns() {
    assertRejected(
        () -> Scope.ofPaths("src/**", "/etc"),
        PathGlob.class,
        "pattern",
        "pattern must be relative, was \"/etc\"");
  }

  @Test
  void rejectsComponentsAndEnvironmentsThatAreNotTokens() {
    assertRejected(
        () -> Scope.ofComponents("auth", "user service"),
        Scope.class,
        "components[1]",
        "components[1] must not contain whitespace or control characters, was \"user service\"");
    assertRejected(
        () -> new Scope(Set.of(), Set.of(), Set.of(""), Set.of()),
        Scope.class,
        "environments[0]",
        "environments[0] must not be empty, was \"\"");
  }

  private static Target target(
      Set<String> components, Optional<String> environment, String... paths) {
    Set<RepoPath> repoPaths = new HashSet<>();
    for (String path : paths) {
      repoPaths.add(RepoPath.of(path));
    }
    return new Target(
        components, repoPaths, environment, ChangeClass.NORMAL, Criticality.ROUTINE, false);
  }

  @Test
  void appliesToATargetInsideEveryDimensionItRestricts() {
    Target auth = target(Set.of("auth", "web"), Optional.of("production"), "src/auth/Login.java");
    assertThat(Scope.everything().appliesTo(auth)).isTrue();
    assertThat(Scope.ofComponents("auth").appliesTo(auth)).isTrue();
    assertThat(Scope.ofComponents("billing").appliesTo(auth)).isFalse();
    assertThat(Scope.ofPaths("src/auth/**").appliesTo(auth)).isTrue();
    assertThat(Scope.ofPaths("docs").appliesTo(auth)).isFalse();
    Scope authInStaging = new Scope(Set.of("auth"), Set.of(), Set.of("staging"), Set.of());
    assertThat(authInStaging.appliesTo(auth)).isFalse();
    // an undecided environment is matched by every environment restriction
    assertThat(authInStaging.appliesTo(target(Set.of("auth"), Optional.empty(), "a.txt"))).isTrue();
  }

  @Test
  void exclusionsAloneTakeTheirPathsOut() {
    Scope notDocs = new Scope(Set.of(), Set.of(), Set.of(), Set.of(PathGlob.of("docs/**")));
    assertThat(notDocs.appliesTo(target(Set.of(), Optional.empty(), "docs/a.md"))).isFalse();
    assertThat(notDocs.appliesTo(target(Set.of(), Optional.empty(), "docs/a.md", "src/A.java")))
        .isTrue();
  }
}
