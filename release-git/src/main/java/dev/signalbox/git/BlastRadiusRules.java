package dev.signalbox.git;

import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.SensitiveKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a change's {@link BlastRadius} follows from the paths it touches: sensitive path rules
 * (migrations, public API, security, configuration, dependency manifests), the owners a CODEOWNERS
 * file gives those paths, and the components they lie in (a path's first directory; files at the
 * root are in the component {@code (root)}).
 *
 * <p>The level: {@link BlastLevel#CRITICAL} for a schema migration together with another sensitive
 * kind, or 10 components or more; {@link BlastLevel#HIGH} for several sensitive kinds, 4 components
 * or more, or 4 owners or more; {@link BlastLevel#MEDIUM} for one sensitive kind, or several
 * components or owners; {@link BlastLevel#LOW} otherwise.
 *
 * <p>Instances are immutable and thread-safe; {@link #withSensitive} returns a new instance.
 */
public final class BlastRadiusRules {
  private static final String ROOT_COMPONENT = "(root)";

  private static final Map<SensitiveKind, List<String>> DEFAULTS =
      Map.of(
          SensitiveKind.SCHEMA_MIGRATION,
          List.of(
              "**/migrations",
              "**/migration",
              "**/db/migrate",
              "**/flyway",
              "**/liquibase",
              "**/alembic",
              "**/*.sql"),
          SensitiveKind.PUBLIC_API,
          List.of(
              "**/api",
              "**/*.proto",
              "**/openapi*.yaml",
              "**/openapi*.yml",
              "**/openapi*.json",
              "**/swagger*.yaml",
              "**/swagger*.json",
              "**/*.graphql",
              "**/module-info.java"),
          SensitiveKind.SECURITY,
          List.of(
              "**/auth",
              "**/security",
              "**/crypto",
              "**/*secret*",
              "**/*.pem",
              "**/*.key",
              "**/CODEOWNERS"),
          SensitiveKind.CONFIG,
          List.of(
              "**/config",
              "**/conf",
              "**/*.properties",
              "**/.env",
              "**/*.env",
              "**/Dockerfile",
              "**/docker-compose*.yml",
              "**/docker-compose*.yaml",
              "**/k8s",
              "**/helm",
              "**/*.tf",
              "**/.github/workflows",
              "**/application*.yml",
              "**/application*.yaml"),
          SensitiveKind.DEPENDENCIES,
          List.of(
              "**/pom.xml",
              "**/build.gradle",
              "**/build.gradle.kts",
              "**/libs.versions.toml",
              "**/package.json",
              "**/package-lock.json",
              "**/yarn.lock",
              "**/pnpm-lock.yaml",
              "**/go.mod",
              "**/go.sum",
              "**/Cargo.toml",
              "**/Cargo.lock",
              "**/requirements*.txt",
              "**/pyproject.toml",
              "**/poetry.lock",
              "**/Pipfile",
              "**/Pipfile.lock",
              "**/Gemfile",
              "**/Gemfile.lock",
              "**/composer.json",
              "**/composer.lock"));

  private record Rule(PathGlob glob, SensitiveKind kind) {}

  private final List<Rule> rules;

  private BlastRadiusRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The default sensitive path rules listed in this class's source, for common ecosystems. */
  public static BlastRadiusRules defaults() {
    List<Rule> rules = new ArrayList<>();
    for (SensitiveKind kind : SensitiveKind.values()) {
      for (String glob : DEFAULTS.getOrDefault(kind, List.of())) {
        rules.add(new Rule(PathGlob.of(glob), kind));
      }
    }
    return new BlastRadiusRules(rules);
  }

  /** No sensitive path rules: components and owners alone decide. */
  public static BlastRadiusRules none() {
    return new BlastRadiusRules(List.of());
  }

  /**
   * These rules and one more: paths matching {@code glob} are of {@code kind}.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public BlastRadiusRules withSensitive(PathGlob glob, SensitiveKind kind) {
    if (glob == null || kind == null) {
      throw new IllegalArgumentException("glob and kind must not be null");
    }
    List<Rule> more = new ArrayList<>(rules);
    more.add(new Rule(glob, kind));
    return new BlastRadiusRules(more);
  }

  /** The sensitive kinds of {@code path}. */
  public Set<SensitiveKind> sensitiveKinds(RepoPath path) {
    Set<SensitiveKind> kinds = EnumSet.noneOf(SensitiveKind.class);
    for (Rule rule : rules) {
      if (rule.glob().matches(path)) {
        kinds.add(rule.kind());
      }
    }
    return kinds;
  }

  /**
   * The blast radius of {@code changes} (every touched path, old paths of renames included) under
   * these rules and {@code owners}.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public BlastRadius blastRadius(ChangeSet changes, CodeOwners owners) {
    if (changes == null || owners == null) {
      throw new IllegalArgumentException("changes and owners must not be null");
    }
    return blastRadius(changes.touchedPaths(), owners);
  }

  /**
   * The blast radius of a change that touches {@code touchedPaths} (old paths of renames included)
   * under these rules and {@code owners}.
   *
   * @throws IllegalArgumentException if an argument is null or a path is null
   */
  public BlastRadius blastRadius(Set<RepoPath> touchedPaths, CodeOwners owners) {
    if (touchedPaths == null || owners == null) {
      throw new IllegalArgumentException("touchedPaths and owners must not be null");
    }
    Set<String> components = new LinkedHashSet<>();
    Set<SensitiveKind> kinds = EnumSet.noneOf(SensitiveKind.class);
    for (RepoPath path : touchedPaths) {
      if (path == null) {
        throw new IllegalArgumentException("touchedPaths must not contain null");
      }
      int slash = path.value().indexOf('/');
      components.add(slash < 0 ? ROOT_COMPONENT : path.value().substring(0, slash));
      kinds.addAll(sensitiveKinds(path));
    }
    Set<String> owning = owners.ownersOf(touchedPaths);
    return new BlastRadius(
        level(components.size(), owning.size(), kinds), components, owning, kinds);
  }

  private static BlastLevel level(int components, int owners, Set<SensitiveKind> kinds) {
    if ((kinds.contains(SensitiveKind.SCHEMA_MIGRATION) && kinds.size() >= 2) || components >= 10) {
      return BlastLevel.CRITICAL;
    }
    if (kinds.size() >= 2 || components >= 4 || owners >= 4) {
      return BlastLevel.HIGH;
    }
    if (kinds.size() == 1 || components >= 2 || owners >= 2) {
      return BlastLevel.MEDIUM;
    }
    return BlastLevel.LOW;
  }

  @Override
  public String toString() {
    return "BlastRadiusRules[" + rules.size() + " sensitive path rules]";
  }
}
