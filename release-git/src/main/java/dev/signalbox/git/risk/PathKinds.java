package dev.signalbox.git.risk;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of path the risk features name — test, build, dependency manifest, migration,
 * configuration, documentation — exactly as {@code risk-data/README.md} defines them.
 *
 * <p>Paths are compared case-insensitively; {@code base} is a path's last segment. Stateless and
 * thread-safe.
 */
final class PathKinds {
  private static final Pattern TEST =
      Pattern.compile(
          "(^|/)(test|tests|testing|__tests__|spec|specs|testdata|test-data|javatests|unittests?"
              + "|integration-tests?|test_utils?)(/|$)|Tests?\\.(java|kt|scala|groovy)$"
              + "|TestCase\\.java$|IT\\.java$|_test\\.(go|rs|py|cc|cpp|c|js|ts|mjs)$"
              + "|(^|/)test_[^/]*\\.py$|\\.(test|spec)\\.(js|ts|jsx|tsx|mjs|cjs|mts)$|_spec\\.rb$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MIGRATION =
      Pattern.compile(
          "(^|/)(migrations?|migrate|db/migrate|alembic|flyway|liquibase|changelog)(/|$)"
              + "|(^|/)V\\d+(_\\d+)*__[^/]*\\.sql$|(^|/)(upgrade|migration)[^/]*\\.(sql|java|py)$",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> BUILD_BASES =
      Set.of(
          ".bazelrc",
          ".travis.yml",
          "appveyor.yml",
          "azure-pipelines.yml",
          "build",
          "build.bazel",
          "build.gn",
          "build.gradle",
          "build.gradle.kts",
          "build.rs",
          "build.sbt",
          "build.xml",
          "cargo.lock",
          "cargo.toml",
          "cmakelists.txt",
          "deno.json",
          "deno.jsonc",
          "dependencies.gradle",
          "deps",
          "dockerfile",
          "go.mod",
          "go.sum",
          "gradle.properties",
          "gradlew",
          "gradlew.bat",
          "gruntfile.js",
          "gulpfile.js",
          "ivy.xml",
          "jenkinsfile",
          "libs.versions.toml",
          "makefile",
          "module.bazel",
          "mvnw",
          "package-lock.json",
          "package.json",
          "pnpm-lock.yaml",
          "pom.xml",
          "pyproject.toml",
          "requirements.txt",
          "rust-toolchain",
          "rust-toolchain.toml",
          "settings.gradle",
          "settings.gradle.kts",
          "setup.cfg",
          "setup.py",
          "tsconfig.json",
          "versions.props",
          "webpack.config.js",
          "workspace",
          "workspace.bazel",
          "yarn.lock");

  private static final String[] BUILD_SUFFIXES = {
    ".bzl", ".cmake", ".gn", ".gni", ".gradle", ".gyp", ".gypi", ".mk", ".sbt"
  };

  private static final String[] BUILD_FOLDERS_ANYWHERE = {
    ".azure-pipelines/", ".buildkite/", ".circleci/", ".github/workflows/"
  };

  private static final String[] BUILD_PREFIXES = {
    ".ci/",
    "build-tools/",
    "buildsrc/",
    "build_tools/",
    "gradle/",
    "script/release/",
    "tools/build/"
  };

  private static final Set<String> DEPENDENCY_BASES =
      Set.of(
          "build.gradle",
          "build.gradle.kts",
          "build.sbt",
          "cargo.lock",
          "cargo.toml",
          "deno.lock",
          "dependencies.gradle",
          "deps",
          "gemfile",
          "gemfile.lock",
          "go.mod",
          "go.sum",
          "ivy.xml",
          "libs.versions.toml",
          "module.bazel",
          "package-lock.json",
          "package.json",
          "pnpm-lock.yaml",
          "pom.xml",
          "pyproject.toml",
          "requirements.txt",
          "versions.props",
          "workspace",
          "yarn.lock");

  private static final String[] CONFIG_SUFFIXES = {
    ".cfg",
    ".conf",
    ".config",
    ".env",
    ".ini",
    ".json",
    ".jsonc",
    ".plist",
    ".properties",
    ".toml",
    ".xml",
    ".yaml",
    ".yml"
  };

  private static final Set<String> NOT_CONFIG_DOT_FILES =
      Set.of(".gitignore", ".gitattributes", ".mailmap");

  private static final String[] DOC_SUFFIXES = {
    ".adoc",
    ".asciidoc",
    ".gif",
    ".html",
    ".jpg",
    ".markdown",
    ".md",
    ".png",
    ".rst",
    ".svg",
    ".txt"
  };

  private static final String[] DOC_PREFIXES = {
    "doc/", "docs/", "documentation/", "site/", "website/"
  };

  private static final Set<String> DOC_BASES =
      Set.of("license", "notice", "authors", "changelog", "readme");

  private PathKinds() {}

  /** Whether {@code path} is a test file. */
  static boolean isTest(String path) {
    return TEST.matcher(path).find();
  }

  /** Whether {@code path} is a build file (build scripts, CI workflows, lock files). */
  static boolean isBuild(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String base = base(lower);
    if (BUILD_BASES.contains(base) || base.startsWith("requirements")) {
      return true;
    }
    for (String suffix : BUILD_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    for (String folder : BUILD_FOLDERS_ANYWHERE) {
      if (lower.startsWith(folder) || lower.contains("/" + folder)) {
        return true;
      }
    }
    for (String prefix : BUILD_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} is a dependency manifest or lock file. */
  static boolean isDependencies(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String base = base(lower);
    return DEPENDENCY_BASES.contains(base)
        || base.startsWith("requirements")
        || lower.startsWith("gradle/dependencies");
  }

  /** Whether {@code path} is a database migration. */
  static boolean isMigration(String path) {
    return MIGRATION.matcher(path).find();
  }

  /** Whether {@code path} is configuration that is not build, dependency or test. */
  static boolean isConfig(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String base = base(lower);
    if (base.startsWith(".") && !NOT_CONFIG_DOT_FILES.contains(base)) {
      return true;
    }
    for (String suffix : CONFIG_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return !isBuild(path) && !isDependencies(path) && !isTest(path);
      }
    }
    return false;
  }

  /** Whether {@code path} is documentation. */
  static boolean isDoc(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (String suffix : DOC_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    for (String prefix : DOC_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return DOC_BASES.contains(base(lower));
  }

  /** Everything before the last {@code /}, or {@code .} for a path at the root. */
  static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  /** Everything before the first {@code /}, or {@code .} for a path at the root. */
  static String subsystem(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  private static String base(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
