package dev.signalbox.testkit.contracts;

import static org.quicktheories.QuickTheory.qt;

import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.testkit.generators.PolicyScenarios;
import dev.signalbox.testkit.generators.PolicyScenarios.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Fixed samples of the test kit's generators, for examples that must not vary between runs. */
final class Samples {
  private static final long SEED = 20261126L;

  private Samples() {}

  /**
   * {@code count} scenarios that the default policy ships, the same on every run. ({@link
   * PolicyScenarios#complete} also makes a few without an adequate rollback plan, which it sends
   * back; they are left out.)
   */
  static List<Scenario> complete(int count) {
    List<Scenario> scenarios = new ArrayList<>();
    qt().withFixedSeed(SEED)
        .withExamples(20 * count)
        .forAll(PolicyScenarios.complete(ReleasePolicy.defaults()))
        .checkAssert(
            scenario -> {
              if (ReleasePolicy.defaults().decide(scenario.change(), scenario.context()).ships()) {
                scenarios.add(scenario);
              }
            });
    if (scenarios.size() < count) {
      throw new IllegalStateException("found only " + scenarios.size() + " scenarios that ship");
    }
    return List.copyOf(scenarios.subList(0, count));
  }
}
