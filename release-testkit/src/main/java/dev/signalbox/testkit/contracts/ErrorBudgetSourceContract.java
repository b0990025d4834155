package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.policy.ErrorBudgetSource;
import dev.signalbox.testkit.generators.PolicyScenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract test kit of {@link ErrorBudgetSource}: what every source of error budgets must do
 * for decisions to rely on it. Extend it in a JUnit 5 test and supply the source, with budgets
 * measured at some of the {@linkplain #instants() instants} the kit asks about; every check here
 * runs against it:
 *
 * <ul>
 *   <li>it answers every instant with a list (possibly empty) holding no null;
 *   <li>it reports at most one budget per objective;
 *   <li>it is deterministic: the same budgets for the same instant, whatever the order, also from a
 *       second instance;
 *   <li>no budget was measured after the instant asked;
 *   <li>it gives the same answers asked from several threads at once;
 *   <li>it reports something at one instant at least, so that the checks above are not vacuous.
 * </ul>
 *
 * <pre>{@code
 * class PrometheusBudgetsTest extends ErrorBudgetSourceContract {
 *   protected ErrorBudgetSource source() { return PrometheusBudgets.create(fakeServer.uri()); }
 * }
 * }</pre>
 *
 * <p>JUnit makes an instance per test; an instance is not shared between threads.
 */
public abstract class ErrorBudgetSourceContract {
  /** Subclasses supply the source. */
  protected ErrorBudgetSourceContract() {}

  /** The source under test; a new one or the same one on every call. */
  protected abstract ErrorBudgetSource source();

  /**
   * The instants the kit asks about: by default a year, a day and an hour before {@link
   * PolicyScenarios#NOW}, {@code NOW} itself, and an hour and a day after it.
   */
  protected List<Instant> instants() {
    Instant now = PolicyScenarios.NOW;
    return List.of(
        now.minus(Duration.ofDays(365)),
        now.minus(Duration.ofDays(1)),
        now.minus(Duration.ofHours(1)),
        now,
        now.plus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(1)));
  }

  @Test
  public void answersEveryInstantWithBudgets() {
    ErrorBudgetSource source = source();
    for (Instant at : instants()) {
      assertThat(budgets(source, at)).as("budgets at %s", at).doesNotContainNull();
    }
  }

  @Test
  public void reportsAtMostOneBudgetPerObjective() {
    ErrorBudgetSource source = source();
    for (Instant at : instants()) {
      List<ErrorBudget> budgets = budgets(source, at);
      Set<String> slos = new HashSet<>();
      for (ErrorBudget budget : budgets) {
        assertThat(slos.add(budget.slo()))
            .as("objective %s reported once at %s, in %s", budget.slo(), at, budgets)
            .isTrue();
      }
    }
  }

  @Test
  public void isDeterministicForTheSameInstant() {
    ErrorBudgetSource source = source();
    for (Instant at : instants()) {
      List<ErrorBudget> first = budgets(source, at);
      assertThat(budgets(source, at)).as("budgets at %s asked again", at).hasSameElementsAs(first);
      assertThat(budgets(source(), at))
          .as("budgets at %s from another instance", at)
          .hasSameElementsAs(first);
    }
  }

  @Test
  public void neverReportsAMeasurementAfterTheInstantAsked() {
    ErrorBudgetSource source = source();
    for (Instant at : instants()) {
      for (ErrorBudget budget : budgets(source, at)) {
        assertThat(budget.measuredAt())
            .as("when %s was measured, asked at %s", budget.slo(), at)
            .isBeforeOrEqualTo(at);
      }
    }
  }

  @Test
  public void givesTheSameAnswersFromManyThreads() {
    ErrorBudgetSource source = source();
    List<Instant> instants = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      instants.addAll(instants());
    }
    List<Set<ErrorBudget>> alone =
        instants.stream().map(at -> Set.copyOf(budgets(source, at))).toList();
    for (List<Set<ErrorBudget>> together :
        Concurrently.run(instants, at -> Set.copyOf(budgets(source, at)))) {
      assertThat(together).as("budgets asked from several threads at once").isEqualTo(alone);
    }
  }

  @Test
  public void reportsBudgetsAtSomeInstant() {
    ErrorBudgetSource source = source();
    assertThat(instants())
        .as(
            "the source must report budgets at one of the instants asked, or the kit checks nothing")
        .anySatisfy(at -> assertThat(budgets(source, at)).isNotEmpty());
  }

  private static List<ErrorBudget> budgets(ErrorBudgetSource source, Instant at) {
    List<ErrorBudget> budgets = source.budgets(at);
    assertThat(budgets).as("budgets at %s", at).isNotNull();
    return budgets;
  }
}
