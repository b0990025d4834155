package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class RollbackPlanTest {

  @Test
  void revertNeedsNoSteps() {
    assertThat(RollbackPlan.revert()).isEqualTo(new RollbackPlan(RollbackKind.REVERT, List.of()));
    assertThat(RollbackPlan.of(RollbackKind.REVERT, "git revert abc").steps())
        .containsExactly("git revert abc");
  }

  @Test
  void ofKeepsTheStepsInOrder() {
    RollbackPlan plan =
        RollbackPlan.of(
            RollbackKind.MIGRATION_DOWN, "stop writers", "run V7__down.sql", "start writers");
    assertThat(plan.kind()).isEqualTo(RollbackKind.MIGRATION_DOWN);
    assertThat(plan.steps()).containsExactly("stop writers", "run V7__down.sql", "start writers");
  }

  @ParameterizedTest
  @EnumSource(value = RollbackKind.class, names = "REVERT", mode = EnumSource.Mode.EXCLUDE)
  void everyOtherKindMustSayWhatToDo(RollbackKind kind) {
    assertRejected(
        () -> RollbackPlan.of(kind),
        RollbackPlan.class,
        "steps",
        "steps must not be empty for a " + kind + " plan, was []");
  }

  @Test
  void rejectsBlankSteps() {
    assertRejected(
        () -> RollbackPlan.of(RollbackKind.MANUAL, "page the DBA", " "),
        RollbackPlan.class,
        "steps[1]",
        "steps[1] must not be blank, was \" \"");
    assertRejected(
        () -> RollbackPlan.of(RollbackKind.MANUAL, "a\0"),
        RollbackPlan.class,
        "steps[0]",
        "steps[0] must not contain NUL, was \"a\\u0000\"");
  }

  @Test
  void copiesAndProtectsTheSteps() {
    List<String> steps = new ArrayList<>(List.of("flip the flag"));
    RollbackPlan plan = new RollbackPlan(RollbackKind.FEATURE_FLAG, steps);
    steps.add("and pray");
    assertThat(plan.steps()).containsExactly("flip the flag");
    String[] array = {"flip the flag"};
    RollbackPlan fromArray = RollbackPlan.of(RollbackKind.FEATURE_FLAG, array);
    array[0] = "changed";
    assertThat(fromArray.steps()).containsExactly("flip the flag");
    assertThatThrownBy(() -> plan.steps().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(() -> new RollbackPlan(null, List.of()), RollbackPlan.class, "kind");
    assertNullRejected(
        () -> new RollbackPlan(RollbackKind.REVERT, null), RollbackPlan.class, "steps");
    assertNullRejected(() -> RollbackPlan.of(null, "x"), RollbackPlan.class, "kind");
    assertNullRejected(
        () -> RollbackPlan.of(RollbackKind.MANUAL, (String[]) null), RollbackPlan.class, "steps");
    assertNullRejected(
        () -> RollbackPlan.of(RollbackKind.MANUAL, "a", null), RollbackPlan.class, "steps[1]");
    assertNullRejected(
        () -> new RollbackPlan(RollbackKind.MANUAL, Arrays.asList((String) null)),
        RollbackPlan.class,
        "steps[0]");
  }
}
