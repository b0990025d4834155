package dev.signalbox.git.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The path patterns of {@code risk-data/README.md}, with the cases that tell them apart. */
class PathKindsTest {
  @Test
  void tests() {
    assertThat(PathKinds.isTest("src/test/java/a/B.java")).isTrue();
    assertThat(PathKinds.isTest("a/FooTests.kt")).isTrue();
    assertThat(PathKinds.isTest("a/FooIT.java")).isTrue();
    assertThat(PathKinds.isTest("pkg/x_test.go")).isTrue();
    assertThat(PathKinds.isTest("test_x.py")).isTrue();
    assertThat(PathKinds.isTest("web/a.spec.ts")).isTrue();
    assertThat(PathKinds.isTest("src/Contest.java")).isTrue(); // "test.java" ends the name
    assertThat(PathKinds.isTest("src/attestation/A.java")).isFalse();
  }

  @Test
  void buildDependenciesMigrationsConfigDocs() {
    assertThat(PathKinds.isBuild("a/pom.xml")).isTrue();
    assertThat(PathKinds.isBuild("x/.github/workflows/ci.yml")).isTrue();
    assertThat(PathKinds.isBuild("gradle/wrapper/gradle-wrapper.properties")).isTrue();
    assertThat(PathKinds.isBuild("CMake/FindX.cmake")).isTrue();
    assertThat(PathKinds.isBuild("src/gradle/X.java")).isFalse();
    assertThat(PathKinds.isDependencies("requirements-dev.txt")).isTrue();
    assertThat(PathKinds.isDependencies("Makefile")).isFalse();
    assertThat(PathKinds.isMigration("db/migrate/001_x.rb")).isTrue();
    assertThat(PathKinds.isMigration("sql/V2_1__add.sql")).isTrue();
    assertThat(PathKinds.isMigration("src/UpgradeSchema.java")).isTrue();
    assertThat(PathKinds.isMigration("src/Upgrader.kt")).isFalse();
    assertThat(PathKinds.isConfig("app/settings.yaml")).isTrue();
    assertThat(PathKinds.isConfig("pom.xml")).isFalse();
    assertThat(PathKinds.isConfig("src/test/resources/x.json")).isFalse();
    assertThat(PathKinds.isConfig(".clang-format")).isTrue();
    assertThat(PathKinds.isConfig(".gitignore")).isFalse();
    assertThat(PathKinds.isDoc("docs/api/X.java")).isTrue();
    assertThat(PathKinds.isDoc("LICENSE")).isTrue();
    assertThat(PathKinds.isDoc("src/Readme.java")).isFalse();
  }

  @Test
  void directoriesAndSubsystems() {
    assertThat(PathKinds.directory("a/b/c.txt")).isEqualTo("a/b");
    assertThat(PathKinds.directory("c.txt")).isEqualTo(".");
    assertThat(PathKinds.subsystem("a/b/c.txt")).isEqualTo("a");
    assertThat(PathKinds.subsystem("c.txt")).isEqualTo(".");
  }
}
