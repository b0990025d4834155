package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.PolicyDefinition;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.Rule;
import dev.signalbox.core.policy.RuleResult;
import dev.signalbox.testkit.generators.PolicyScenarios;
import dev.signalbox.testkit.generators.PolicyScenarios.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The contract test kit of {@link Rule}: what every custom rule must do for a policy to rely on it.
 * Extend it in a JUnit 5 test, supply the rule and a few hand-written scenarios, and every check
 * here runs against it:
 *
 * <ul>
 *   <li>its id is a token (what {@link Reason#rule()} accepts) and the same on every call and every
 *       instance;
 *   <li>it evaluates every generated scenario without throwing or returning null;
 *   <li>it is deterministic: equal results for equal arguments, also when the context's collections
 *       are handed in another order;
 *   <li>every reason and required action it gives names its own id; a NOT_YET's retry instant is
 *       not before the context's instant;
 *   <li>it gives the same results evaluated from several threads at once;
 *   <li>a policy that includes it, registered on a {@link ReleasePolicy#loader()}, never ships a
 *       change it holds or sends back, and reports its reasons.
 * </ul>
 *
 * <pre>{@code
 * class TicketRuleTest extends RuleContract {
 *   protected Rule rule() { return new TicketRule("ticket"); }
 *   protected List<Scenario> examples() { return List.of(withTicket(), withoutTicket()); }
 * }
 * }</pre>
 *
 * <p>Generated scenarios come from {@link #scenarios()}: by default the test kit's {@link
 * PolicyScenarios} for the default policy, replayable by QuickTheories' printed seed. JUnit makes
 * an instance per test; an instance is not shared between threads.
 */
public abstract class RuleContract {
  /** How many generated scenarios each property check evaluates. */
  protected static final int GENERATED = 200;

  /** Subclasses supply the rule. */
  protected RuleContract() {}

  /**
   * The rule under test: a new instance or the same one on every call, as the implementation
   * prefers.
   */
  protected abstract Rule rule();

  /**
   * Hand-written scenarios that matter to the rule; at least one the rule holds (NOT_YET) or sends
   * back, so that the kit checks what such results carry, and ideally one it passes.
   */
  protected abstract List<Scenario> examples();

  /** Generated scenarios; by default {@link PolicyScenarios#scenarios} of the default policy. */
  protected Gen<Scenario> scenarios() {
    return PolicyScenarios.scenarios(ReleasePolicy.defaults());
  }

  @Test
  public void idIsAToken() {
    String id = rule().id();
    assertThatCode(() -> Reason.of(id, "probe"))
        .as("rule id %s must be a token, as reasons name it", id)
        .doesNotThrowAnyException();
  }

  @Test
  public void idIsStable() {
    Rule rule = rule();
    String id = rule.id();
    assertThat(rule.id()).as("id() called again").isEqualTo(id);
    assertThat(rule().id()).as("id() of another instance").isEqualTo(id);
    for (Scenario scenario : examples()) {
      evaluate(rule, scenario);
      assertThat(rule.id()).as("id() after evaluating").isEqualTo(id);
    }
  }

  @Test
  public void examplesIncludeAHold() {
    Rule rule = rule();
    assertThat(examples())
        .as("examples() must include a scenario that %s holds or sends back", rule.id())
        .anySatisfy(
            scenario ->
                assertThat(evaluate(rule, scenario)).isNotInstanceOf(RuleResult.Pass.class));
  }

  @Test
  public void evaluatesGeneratedScenariosWithoutThrowing() {
    Rule rule = rule();
    qt().withExamples(GENERATED)
        .forAll(scenarios())
        .checkAssert(scenario -> evaluate(rule, scenario));
  }

  @Test
  public void isDeterministic() {
    Rule rule = rule();
    for (Scenario scenario : examples()) {
      assertDeterministic(rule, scenario);
    }
    qt().withExamples(GENERATED)
        .forAll(scenarios())
        .checkAssert(scenario -> assertDeterministic(rule, scenario));
  }

  @Test
  public void resultsNameTheRule() {
    Rule rule = rule();
    for (Scenario scenario : examples()) {
      assertNamesItself(rule, scenario);
    }
    qt().withExamples(GENERATED)
        .forAll(scenarios())
        .checkAssert(scenario -> assertNamesItself(rule, scenario));
  }

  @Test
  public void givesTheSameResultsFromManyThreads() {
    Rule rule = rule();
    List<Scenario> scenarios = new ArrayList<>(examples());
    qt().withExamples(GENERATED).forAll(scenarios()).checkAssert(scenarios::add);
    List<RuleResult> alone = scenarios.stream().map(s -> evaluate(rule, s)).toList();
    for (List<RuleResult> together : Concurrently.run(scenarios, s -> evaluate(rule, s))) {
      assertThat(together).as("results evaluated on several threads at once").isEqualTo(alone);
    }
  }

  @Test
  public void aPolicyWithTheRuleNeverShipsWhatItHolds() {
    Rule rule = rule();
    PolicyDefinition defaults = ReleasePolicy.defaults().definition();
    String name = "contract-" + rule.id();
    ReleasePolicy policy =
        ReleasePolicy.loader()
            .rule(name, settings -> rule())
            .load(
                new PolicyDefinition(
                    defaults.name(),
                    defaults.disabled(),
                    defaults.rollback(),
                    defaults.review(),
                    defaults.emergency(),
                    defaults.blastRadiusCaps(),
                    defaults.roles(),
                    List.of(new PolicyDefinition.CustomRule(name, Map.of()))));
    for (Scenario scenario : examples()) {
      RuleResult result = evaluate(rule, scenario);
      if (result instanceof RuleResult.Pass) {
        continue;
      }
      Decision decision = policy.decide(scenario.change(), scenario.context());
      assertThat(decision.outcome())
          .as("decision of a policy with %s, which holds the change", rule.id())
          .isNotEqualTo(Outcome.SHIP);
      assertThat(decision.reasons()).containsAll(result.reasons());
      if (result instanceof RuleResult.SendBack) {
        assertThat(decision.outcome()).isEqualTo(Outcome.SEND_BACK);
      }
    }
  }

  /** The rule's result, failing the test if it throws or returns null. */
  private static RuleResult evaluate(Rule rule, Scenario scenario) {
    RuleResult result;
    try {
      result = rule.evaluate(scenario.change(), scenario.context());
    } catch (RuntimeException e) {
      throw new AssertionError(
          "rule " + rule.id() + " threw on " + scenario.change().ref() + ": " + e, e);
    }
    if (result == null) {
      return fail("rule %s returned null for %s", rule.id(), scenario.change().ref());
    }
    return result;
  }

  private static void assertDeterministic(Rule rule, Scenario scenario) {
    RuleResult first = evaluate(rule, scenario);
    assertThat(evaluate(rule, scenario)).as("the result evaluated again").isEqualTo(first);
    Scenario reordered = new Scenario(scenario.change(), reordered(scenario.context()));
    assertThat(evaluate(rule, reordered))
        .as("the result with the context's collections in another order")
        .isEqualTo(first);
  }

  private static void assertNamesItself(Rule rule, Scenario scenario) {
    RuleResult result = evaluate(rule, scenario);
    String id = rule.id();
    assertThat(result.reasons())
        .extracting(Reason::rule)
        .as("rules of the reasons")
        .allSatisfy(named -> assertThat(named).isEqualTo(id));
    if (result instanceof RuleResult.NotYet wait) {
      assertThat(wait.required())
          .extracting(RequiredAction::rule)
          .as("rules of the required actions")
          .allSatisfy(named -> assertThat(named).isEqualTo(id));
      wait.retryAt()
          .ifPresent(
              at ->
                  assertThat(at)
                      .as("retry instant of a NOT_YET")
                      .isAfterOrEqualTo(scenario.context().now()));
    } else if (result instanceof RuleResult.SendBack back) {
      assertThat(back.required())
          .extracting(RequiredAction::rule)
          .as("rules of the required actions")
          .allSatisfy(named -> assertThat(named).isEqualTo(id));
    }
  }

  /** The context with every collection reversed: equal content, another order. */
  static ReleaseContext reordered(ReleaseContext context) {
    Evidence evidence = context.evidence();
    return new ReleaseContext(
        context.now(),
        context.calendar(),
        Evidence.of(
            reversed(evidence.verdicts()),
            reversed(evidence.acceptances()),
            reversed(evidence.overrides()),
            reversed(evidence.checks()),
            reversed(evidence.refused())),
        reversed(context.budgets()),
        new LinkedHashSet<>(reversed(List.copyOf(context.satisfied()))));
  }

  private static <T> List<T> reversed(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
