package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class ErrorBudgetTest {
  private static final Scope CHECKOUT = Scope.ofComponents("checkout");

  private static ErrorBudget budget(double remaining) {
    return new ErrorBudget("checkout-availability", CHECKOUT, remaining, T0);
  }

  @ParameterizedTest
  @CsvSource({
    "1, false",
    "0.25, false",
    "1e-9, false",
    "0, true",
    "-0.0, true",
    "-3.5, true",
    "-1000, true"
  })
  void isExhaustedAtZeroOrBelow(double remaining, boolean exhausted) {
    assertThat(budget(remaining).exhausted()).isEqualTo(exhausted);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.01, -1000.5, Double.NaN, Double.NEGATIVE_INFINITY})
  void rejectsRemainingOutsideItsRange(double remaining) {
    assertRejected(
        () -> budget(remaining),
        ErrorBudget.class,
        "remaining",
        "remaining must be within [-1000, 1], was " + remaining);
  }

  @Test
  void rejectsAnSloThatIsNotAToken() {
    assertRejected(
        () -> new ErrorBudget("checkout availability", CHECKOUT, 1, T0),
        ErrorBudget.class,
        "slo",
        "slo must not contain whitespace or control characters, was \"checkout availability\"");
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(() -> new ErrorBudget(null, CHECKOUT, 1, T0), ErrorBudget.class, "slo");
    assertNullRejected(() -> new ErrorBudget("slo", null, 1, T0), ErrorBudget.class, "scope");
    assertNullRejected(
        () -> new ErrorBudget("slo", CHECKOUT, 1, null), ErrorBudget.class, "measuredAt");
  }
}
