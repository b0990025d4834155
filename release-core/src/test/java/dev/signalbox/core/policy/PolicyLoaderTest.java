package dev.signalbox.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.DocumentProblem;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading policy files: every problem at once, custom rules by name, the digest. */
class PolicyLoaderTest {
  @Test
  void reportsEveryProblemOfAFileAtOnceWithItsPath() {
    String broken =
        DefaultPolicy.TEXT
            .replace(
                "quorum: {LOW: 1, MEDIUM: 1, HIGH: 2, CRITICAL: 2}",
                "quorum: {LOW: 1, MEDIUM: 1, HIGH: 2, CRITICAL: two}")
            .replace("riskyAbove: 0.2", "riskyAbove: 2")
            .replace("postReview: P2D", "postReview: soon");
    PolicyConfigException refused =
        catchThrowableOfType(
            PolicyConfigException.class, () -> ReleasePolicy.loader().load(broken));
    assertThat(refused.problems())
        .extracting(DocumentProblem::path)
        .contains("$.review.quorum.CRITICAL", "$.emergency.postReview");
    assertThat(refused.getMessage()).startsWith("policy text has ");
  }

  @Test
  void reportsUnknownRulesAndRolesTogether() {
    String broken =
        DefaultPolicy.TEXT
            .replace("disabled: []", "disabled: [review-quorum, no-such-rule]")
            .replace("overrideRoles: [release-manager]", "overrideRoles: [release-manager, cto]")
            .replace("custom: []", "custom: [{name: needs-ticket, settings: {}}]");
    PolicyConfigException refused =
        catchThrowableOfType(
            PolicyConfigException.class, () -> ReleasePolicy.loader().load(broken));
    assertThat(refused.problems())
        .extracting(DocumentProblem::toString)
        .containsExactly(
            "$.disabled: \"no-such-rule\" is not a built-in rule; they are "
                + String.join(", ", Rules.IDS),
            "$.review.overrideRoles: role \"cto\" is not defined under roles; defined: engineering-lead, incident-commander, release-manager",
            "$.custom[0].name: \"needs-ticket\" is not a registered rule; registered: none");
  }

  @Test
  void aCustomRuleIsRegisteredByNameAndConfiguredFromTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(
        file,
        DefaultPolicy.TEXT.replace(
            "custom: []", "custom: [{name: needs-label, settings: {label: ticket}}]"));
    ReleasePolicy policy =
        ReleasePolicy.loader()
            .rule(
                "needs-label",
                settings ->
                    new Rule() {
                      @Override
                      public String id() {
                        return "needs-label";
                      }

                      @Override
                      public RuleResult evaluate(
                          dev.signalbox.core.model.ChangeRequest change, ReleaseContext context) {
                        return change.labels().containsKey(settings.get("label"))
                            ? RuleResult.pass()
                            : RuleResult.notYet(
                                dev.signalbox.core.model.Reason.of(
                                    "needs-label", "no " + settings.get("label") + " label"));
                      }
                    })
            .load(file);
    assertThat(policy.definition().custom()).hasSize(1);
    assertThat(policy.digest()).isNotEqualTo(ReleasePolicy.defaults().digest());
    assertThat(policy.requiredSurfaces(Examples.change())).containsKey(RiskSurface.CODE_QUALITY);
  }

  @Test
  void theDigestDependsOnTheDefinitionNotItsSpelling() {
    ReleasePolicy yaml = ReleasePolicy.defaults();
    String json = DocumentCodec.json().write(yaml.definition());
    ReleasePolicy fromJson = ReleasePolicy.loader().load(json);
    assertThat(fromJson.digest()).isEqualTo(yaml.digest());
    ReleasePolicy tighter =
        ReleasePolicy.loader()
            .load(DefaultPolicy.TEXT.replace("riskyAbove: 0.2", "riskyAbove: 0.1"));
    assertThat(tighter.digest()).isNotEqualTo(yaml.digest());
  }

  @Test
  void riskyAboveOneTurnsTheExtraApprovalOff() {
    ReleasePolicy off =
        ReleasePolicy.loader().load(DefaultPolicy.TEXT.replace("riskyAbove: 0.2", "riskyAbove: 1"));
    dev.signalbox.core.model.ChangeRequest certain =
        Examples.change().toBuilder()
            .risk(
                new dev.signalbox.core.model.ChangeRisk(
                    1.0, 99, 9.0, 9.0, java.util.List.of(), "m", "1"))
            .build();
    assertThat(off.requiredSurfaces(certain).get(RiskSurface.CODE_QUALITY))
        .isEqualTo(new Requirement(1, 1));
    assertThat(ReleasePolicy.defaults().requiredSurfaces(certain).get(RiskSurface.CODE_QUALITY))
        .isEqualTo(new Requirement(2, 1));
  }

  @Test
  void trustedValuesHaveNoJsonReader() {
    DocumentCodec json = DocumentCodec.json();
    String verdict = json.write(Examples.verdict());
    for (Class<?> trusted :
        new Class<?>[] {
          TrustedVerdict.class,
          VerifiedAcceptance.class,
          VerifiedOverride.class,
          BoardResult.class,
          Evidence.class,
          ReleaseContext.class
        }) {
      assertThat(catchThrowableOfType(RuntimeException.class, () -> json.read(verdict, trusted)))
          .as(trusted.getSimpleName())
          .isNotNull();
    }
    assertThat(json.read(verdict, Verdict.class)).isEqualTo(Examples.verdict());
  }
}
