package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.policy.PolicyConfigException;
import dev.signalbox.core.policy.PolicyDefinition;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.Rule;
import dev.signalbox.core.policy.RuleResult;
import dev.signalbox.testkit.generators.PolicyScenarios;
import dev.signalbox.testkit.generators.PolicyScenarios.Scenario;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The rule kit against a custom rule, {@code requires-label}, and the rule's end-to-end path: a
 * factory registered on the loader, a YAML policy file naming it, decisions that cite it.
 */
class RequiresLabelRuleContractTest extends RuleContract {
  @Override
  protected Rule rule() {
    return new RequiresLabelRule("ticket");
  }

  @Override
  protected List<Scenario> examples() {
    List<Scenario> examples = new ArrayList<>();
    for (Scenario scenario : Samples.complete(4)) {
      examples.add(scenario);
      examples.add(labelled(scenario, "ticket", "SHOP-" + examples.size()));
    }
    return examples;
  }

  /** Generated scenarios, half of them labelled, so that the rule both passes and holds. */
  @Override
  protected Gen<Scenario> scenarios() {
    return PolicyScenarios.scenarios(ReleasePolicy.defaults())
        .zip(
            Generate.booleans(),
            (scenario, label) -> label ? labelled(scenario, "ticket", "SHOP-1") : scenario);
  }

  @Test
  void aYamlPolicyNamingTheRegisteredRuleHoldsUnlabelledChanges() throws URISyntaxException {
    ReleasePolicy policy =
        ReleasePolicy.loader().rule("requires-label", RequiresLabelRule.FACTORY).load(policyFile());
    // not an EMERGENCY change: its acceptance names the default policy's digest, not this policy's
    Scenario complete =
        Samples.complete(10).stream()
            .filter(scenario -> scenario.change().changeClass() != ChangeClass.EMERGENCY)
            .findFirst()
            .orElseThrow();
    assertThat(ReleasePolicy.defaults().decide(complete.change(), complete.context()).outcome())
        .as("the default policy ships it")
        .isEqualTo(Outcome.SHIP);

    Decision unlabelled = policy.decide(complete.change(), complete.context());
    assertThat(unlabelled.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(unlabelled.reasons())
        .contains(
            new Reason(
                "requires-label", "the change has no label ticket", Map.of("label", "ticket")));
    assertThat(unlabelled.required())
        .extracting(action -> action.rule() + ": " + action.action())
        .containsExactly("requires-label: label the change with ticket");

    Scenario labelled = labelled(complete, "ticket", "SHOP-7");
    assertThat(policy.decide(labelled.change(), labelled.context()).outcome())
        .isEqualTo(Outcome.SHIP);
  }

  @Test
  void theSettingsOfThePolicyReachTheFactory() {
    ReleasePolicy policy =
        ReleasePolicy.loader()
            .rule("requires-label", RequiresLabelRule.FACTORY)
            .load(withCustom(Map.of("label", "jira")));
    Scenario labelled = labelled(Samples.complete(1).get(0), "ticket", "SHOP-7");
    assertThat(policy.decide(labelled.change(), labelled.context()).outcome())
        .as("a change labelled ticket, under a policy asking for jira")
        .isEqualTo(Outcome.NOT_YET);
  }

  @Test
  void aPolicyNamingAnUnregisteredRuleOrBadSettingsIsRefused() {
    assertThatThrownBy(() -> ReleasePolicy.loader().load(withCustom(Map.of())))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageContaining("$.custom[0].name")
        .hasMessageContaining("is not a registered rule");
    assertThatThrownBy(
            () ->
                ReleasePolicy.loader()
                    .rule("requires-label", RequiresLabelRule.FACTORY)
                    .load(withCustom(Map.of("lable", "x"))))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageContaining("$.custom[0].settings")
        .hasMessageContaining("unknown setting lable");
  }

  @Test
  void theKitCatchesARuleThatNamesAnotherRule() {
    RuleContract kit =
        new RuleContract() {
          @Override
          protected Rule rule() {
            return new Rule() {
              @Override
              public String id() {
                return "requires-label";
              }

              @Override
              public RuleResult evaluate(ChangeRequest change, ReleaseContext context) {
                return RuleResult.notYet(Reason.of("freeze", "blames another rule"));
              }
            };
          }

          @Override
          protected List<Scenario> examples() {
            return Samples.complete(1);
          }
        };
    assertThatThrownBy(kit::resultsNameTheRule).isInstanceOf(AssertionError.class);
  }

  @Test
  void theKitCatchesANondeterministicRule() {
    RuleContract kit =
        new RuleContract() {
          private final java.util.concurrent.atomic.AtomicInteger calls =
              new java.util.concurrent.atomic.AtomicInteger();

          @Override
          protected Rule rule() {
            return new Rule() {
              @Override
              public String id() {
                return "flaky";
              }

              @Override
              public RuleResult evaluate(ChangeRequest change, ReleaseContext context) {
                return calls.incrementAndGet() % 2 == 0
                    ? RuleResult.pass()
                    : RuleResult.notYet(Reason.of("flaky", "odd call"));
              }
            };
          }

          @Override
          protected List<Scenario> examples() {
            return Samples.complete(1);
          }
        };
    assertThatThrownBy(kit::isDeterministic).isInstanceOf(AssertionError.class);
  }

  private static Scenario labelled(Scenario scenario, String key, String value) {
    ChangeRequest change = scenario.change();
    if (change.labels().containsKey(key)) {
      return scenario;
    }
    return new Scenario(change.toBuilder().label(key, value).build(), scenario.context());
  }

  private static Path policyFile() throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(
                RequiresLabelRuleContractTest.class.getResource("requires-label-policy.yaml"))
            .toURI());
  }

  /** The default policy with {@code requires-label} and the given settings. */
  private static PolicyDefinition withCustom(Map<String, String> settings) {
    PolicyDefinition d = ReleasePolicy.defaults().definition();
    return new PolicyDefinition(
        "with-label",
        d.disabled(),
        d.rollback(),
        d.review(),
        d.emergency(),
        d.blastRadiusCaps(),
        d.roles(),
        List.of(new PolicyDefinition.CustomRule("requires-label", settings)));
  }
}
