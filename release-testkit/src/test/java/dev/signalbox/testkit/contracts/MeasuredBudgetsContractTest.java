package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.policy.ErrorBudgetSource;
import dev.signalbox.testkit.generators.PolicyScenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error budget kit against {@link ErrorBudgetSource#of}, and against broken sources. */
class MeasuredBudgetsContractTest extends ErrorBudgetSourceContract {
  private static final Instant NOW = PolicyScenarios.NOW;
  private static final ErrorBudget CHECKOUT_YESTERDAY =
      budget("checkout-availability", 0.4, NOW.minus(Duration.ofDays(1)));
  private static final ErrorBudget CHECKOUT_NOW = budget("checkout-availability", -0.1, NOW);
  private static final ErrorBudget SEARCH =
      budget("search-latency", 0.8, NOW.minus(Duration.ofHours(2)));

  @Override
  protected ErrorBudgetSource source() {
    return ErrorBudgetSource.of(List.of(CHECKOUT_NOW, SEARCH, CHECKOUT_YESTERDAY));
  }

  @Test
  void answersWithTheLatestMeasurementOfEachObjective() {
    ErrorBudgetSource source = source();
    assertThat(source.budgets(NOW.minus(Duration.ofDays(2)))).isEmpty();
    assertThat(source.budgets(NOW.minus(Duration.ofHours(3)))).containsExactly(CHECKOUT_YESTERDAY);
    assertThat(source.budgets(NOW.minus(Duration.ofHours(1))))
        .containsExactly(CHECKOUT_YESTERDAY, SEARCH);
    assertThat(source.budgets(NOW)).containsExactly(CHECKOUT_NOW, SEARCH);
  }

  @Test
  void refusesTwoMeasurementsOfOneObjectiveAtOneInstant() {
    assertThatThrownBy(
            () ->
                ErrorBudgetSource.of(
                    List.of(CHECKOUT_NOW, budget("checkout-availability", 0.1, NOW))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("measurements must not measure one objective twice")
        .hasMessageContaining("checkout-availability at " + NOW);
  }

  @Test
  void theKitCatchesASourceReportingTheFuture() {
    ErrorBudgetSourceContract kit =
        new ErrorBudgetSourceContract() {
          @Override
          protected ErrorBudgetSource source() {
            return at -> List.of(CHECKOUT_NOW);
          }
        };
    assertThatThrownBy(kit::neverReportsAMeasurementAfterTheInstantAsked)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void theKitCatchesASourceReportingAnObjectiveTwice() {
    ErrorBudgetSourceContract kit =
        new ErrorBudgetSourceContract() {
          @Override
          protected ErrorBudgetSource source() {
            return at -> List.of(CHECKOUT_YESTERDAY, CHECKOUT_YESTERDAY);
          }
        };
    assertThatThrownBy(kit::reportsAtMostOneBudgetPerObjective).isInstanceOf(AssertionError.class);
  }

  private static ErrorBudget budget(String slo, double remaining, Instant measuredAt) {
    return new ErrorBudget(slo, Scope.everything(), remaining, measuredAt);
  }
}
