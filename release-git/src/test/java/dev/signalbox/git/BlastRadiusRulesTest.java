package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.SensitiveKind;
import org.junit.jupiter.api.Test;

class BlastRadiusRulesTest {
  private static final BlastRadiusRules RULES = BlastRadiusRules.defaults();
  private static final CodeOwners OWNERS =
      CodeOwners.parse("* @core\n/db/ @dba\n/web/ @org/frontend\n");

  @Test
  void oneComponentAndNothingSensitiveIsLow() {
    BlastRadius radius =
        RULES.blastRadius(ChangeSet.of(FileChange.modified("web/src/App.tsx", 3, 1)), OWNERS);
    assertThat(radius.level()).isEqualTo(BlastLevel.LOW);
    assertThat(radius.components()).containsExactly("web");
    assertThat(radius.owners()).containsExactly("@org/frontend");
    assertThat(radius.sensitiveKinds()).isEmpty();
  }

  @Test
  void sensitivePathsRaiseTheLevel() {
    assertThat(RULES.sensitiveKinds(RepoPath.of("db/migrations/V3__add.sql")))
        .containsExactly(SensitiveKind.SCHEMA_MIGRATION);
    assertThat(RULES.sensitiveKinds(RepoPath.of("service/pom.xml")))
        .containsExactly(SensitiveKind.DEPENDENCIES);
    assertThat(RULES.sensitiveKinds(RepoPath.of(".github/CODEOWNERS")))
        .containsExactly(SensitiveKind.SECURITY);
    assertThat(RULES.sensitiveKinds(RepoPath.of("src/main/java/module-info.java")))
        .containsExactly(SensitiveKind.PUBLIC_API);
    assertThat(RULES.sensitiveKinds(RepoPath.of("deploy/k8s/app.yaml")))
        .containsExactly(SensitiveKind.CONFIG);

    BlastRadius dependency =
        RULES.blastRadius(ChangeSet.of(FileChange.modified("service/pom.xml", 1, 1)), OWNERS);
    assertThat(dependency.level()).isEqualTo(BlastLevel.MEDIUM);

    BlastRadius migrationAndConfig =
        RULES.blastRadius(
            ChangeSet.of(
                FileChange.added("db/migrations/V3__add.sql", 10),
                FileChange.modified("db/config/app.properties", 1, 1)),
            OWNERS);
    assertThat(migrationAndConfig.level()).isEqualTo(BlastLevel.CRITICAL);
    assertThat(migrationAndConfig.sensitiveKinds())
        .containsExactlyInAnyOrder(SensitiveKind.SCHEMA_MIGRATION, SensitiveKind.CONFIG);
    assertThat(migrationAndConfig.owners()).containsExactly("@dba");
  }

  @Test
  void manyComponentsAreHighAndRootFilesHaveAComponent() {
    BlastRadius radius =
        RULES.blastRadius(
            ChangeSet.of(
                FileChange.modified("a/x", 1, 0),
                FileChange.modified("b/x", 1, 0),
                FileChange.modified("c/x", 1, 0),
                FileChange.modified("README.md", 1, 0)),
            CodeOwners.none());
    assertThat(radius.components()).containsExactlyInAnyOrder("a", "b", "c", "(root)");
    assertThat(radius.level()).isEqualTo(BlastLevel.HIGH);
    assertThat(radius.owners()).isEmpty();
  }

  @Test
  void renamesCountTheirOldPathAndRulesCanBeAdded() {
    BlastRadiusRules rules =
        BlastRadiusRules.none().withSensitive(PathGlob.of("billing/**"), SensitiveKind.SECURITY);
    BlastRadius radius =
        rules.blastRadius(
            ChangeSet.of(FileChange.renamed("billing/Pay.java", "core/Pay.java", 0, 0)), OWNERS);
    assertThat(radius.sensitiveKinds()).containsExactly(SensitiveKind.SECURITY);
    assertThat(radius.components()).containsExactlyInAnyOrder("billing", "core");
    assertThat(radius.level()).isEqualTo(BlastLevel.MEDIUM);
    assertThat(BlastRadiusRules.none().blastRadius(ChangeSet.empty(), OWNERS).level())
        .isEqualTo(BlastLevel.LOW);
  }
}
