package dev.signalbox.reviewers.builtin;

import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.Blob;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.reviewers.testing.Diffs;
import dev.signalbox.reviewers.testing.Fixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New and changed dependencies, and how they are pinned, in four ecosystems. */
class DependencyReviewerTest {
  private final DependencyReviewer reviewer =
      DependencyReviewer.create(REVIEWER, Clock.fixed(NOW, ZoneOffset.UTC));

  private Verdict review(String diff, Map<RepoPath, Blob> heads) throws Exception {
    return reviewer.review(
        new ReviewRequest(
            Fixtures.change(diff),
            RiskSurface.DEPENDENCIES,
            Fixtures.DIGEST,
            new ChangeSnapshot(diff, heads, false),
            NOW.plusSeconds(60)));
  }

  @Test
  void mavenDependenciesAreNamedAndJudgedFromTheFileAtHead() throws Exception {
    String[] pom = {
      "<project>",
      "  <dependencies>",
      "    <dependency>",
      "      <groupId>com.acme</groupId>",
      "      <artifactId>pay</artifactId>",
      "      <version>1.4-SNAPSHOT</version>",
      "    </dependency>",
      "    <dependency>",
      "      <groupId>org.slf4j</groupId>",
      "      <artifactId>slf4j-api</artifactId>",
      "      <version>[2.0,3.0)</version>",
      "    </dependency>",
      "    <dependency>",
      "      <groupId>com.google.guava</groupId>",
      "      <artifactId>guava</artifactId>",
      "      <version>33.0.0-jre</version>",
      "    </dependency>",
      "    <dependency>",
      "      <groupId>org.junit.jupiter</groupId>",
      "      <artifactId>junit-jupiter</artifactId>",
      "    </dependency>",
      "  </dependencies>",
      "</project>"
    };
    String diff = Diffs.newFile("pom.xml", pom);

    Verdict verdict =
        review(diff, Map.of(RepoPath.of("pom.xml"), Blob.ofUtf8(String.join("\n", pom) + "\n")));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.REJECT);
    assertThat(verdict.findings())
        .extracting(f -> f.lines().orElseThrow().start(), Finding::rule, Finding::advice)
        .containsExactly(
            tuple(6, "dependency-snapshot", Advice.FIX_NOW),
            tuple(11, "dependency-range", Advice.FIX_NOW),
            tuple(16, "dependency-changed", Advice.FYI),
            tuple(18, "dependency-changed", Advice.FYI));
    assertThat(verdict.findings().get(0).message())
        .contains("com.acme:pay")
        .contains("1.4-SNAPSHOT");
    assertThat(verdict.findings().get(3).message()).contains("managed elsewhere");
  }

  @Test
  void aChangedMavenVersionIsReportedAtItsLine() throws Exception {
    String head =
        """
        <project>
          <dependencies>
            <dependency>
              <groupId>g</groupId>
              <artifactId>a</artifactId>
              <version>2.0-SNAPSHOT</version>
            </dependency>
          </dependencies>
        </project>
        """;
    String diff =
        """
        diff --git a/pom.xml b/pom.xml
        --- a/pom.xml
        +++ b/pom.xml
        @@ -5,3 +5,3 @@
               <artifactId>a</artifactId>
        -      <version>1.0</version>
        +      <version>2.0-SNAPSHOT</version>
             </dependency>
        """;

    Verdict verdict = review(diff, Map.of(RepoPath.of("pom.xml"), Blob.ofUtf8(head)));

    assertThat(verdict.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("dependency-snapshot");
              assertThat(f.lines().orElseThrow().start()).isEqualTo(6);
              assertThat(f.message()).contains("g:a");
            });
  }

  @Test
  void gradleDeclarationsAreJudged() throws Exception {
    String diff =
        Diffs.newFile(
            "app/build.gradle.kts",
            "dependencies {",
            "    implementation(\"com.squareup.okhttp3:okhttp:4.12.0\")",
            "    implementation(\"io.acme:client:1.+\")",
            "    testImplementation(\"org.acme:fixtures:0.3-SNAPSHOT\")",
            "    implementation(platform(\"org.acme:bom:1.0\"))",
            "    implementation(\"org.acme:managed\")",
            "}");

    Verdict verdict = review(diff, Map.of());

    assertThat(verdict.findings())
        .extracting(f -> f.lines().orElseThrow().start(), Finding::rule)
        .containsExactly(
            tuple(2, "dependency-changed"),
            tuple(3, "dependency-unpinned"),
            tuple(4, "dependency-snapshot"),
            tuple(5, "dependency-changed"),
            tuple(6, "dependency-changed"));
    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.REJECT);
  }

  @Test
  void npmDependenciesAreTakenFromTheirBlocksOnly() throws Exception {
    String[] json = {
      "{",
      "  \"name\": \"shop\",",
      "  \"version\": \"1.0.0\",",
      "  \"dependencies\": {",
      "    \"left-pad\": \"1.3.0\",",
      "    \"lodash\": \"^4.17.21\",",
      "    \"anything\": \"*\",",
      "    \"forked\": \"github:acme/forked#main\"",
      "  },",
      "  \"devDependencies\": {",
      "    \"jest\": \">=29\"",
      "  }",
      "}"
    };

    Verdict verdict =
        review(
            Diffs.newFile("web/package.json", json),
            Map.of(RepoPath.of("web/package.json"), Blob.ofUtf8(String.join("\n", json))));

    assertThat(verdict.findings())
        .extracting(f -> f.lines().orElseThrow().start(), Finding::rule, Finding::advice)
        .containsExactly(
            tuple(5, "dependency-changed", Advice.FYI),
            tuple(6, "dependency-range", Advice.MAY_DEFER),
            tuple(7, "dependency-unpinned", Advice.FIX_NOW),
            tuple(8, "dependency-source", Advice.MAY_DEFER),
            tuple(11, "dependency-unpinned", Advice.FIX_NOW));
  }

  @Test
  void requirementsFilesAreJudged() throws Exception {
    Verdict verdict =
        review(
            Diffs.newFile(
                "requirements-dev.txt",
                "# tools",
                "requests==2.32.3",
                "flask",
                "django>=4.2",
                "numpy>=1.26,<2",
                "-r base.txt",
                "git+https://github.com/acme/lib.git@v1#egg=lib",
                "pydantic[email]==2.7.1 ; python_version >= \"3.9\""),
            Map.of());

    assertThat(verdict.findings())
        .extracting(f -> f.lines().orElseThrow().start(), Finding::rule)
        .containsExactly(
            tuple(2, "dependency-changed"),
            tuple(3, "dependency-unpinned"),
            tuple(4, "dependency-unpinned"),
            tuple(5, "dependency-range"),
            tuple(7, "dependency-source"),
            tuple(8, "dependency-changed"));
    assertThat(verdict.findings().get(1).message()).contains("flask");
  }

  @Test
  void filesThatDeclareNoDependenciesAreIgnored() throws Exception {
    Verdict verdict = review(Fixtures.DIFF, Map.of());

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(verdict.findings()).isEmpty();
  }
}
