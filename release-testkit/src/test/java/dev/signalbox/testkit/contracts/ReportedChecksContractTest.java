package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.ChecksSource;
import dev.signalbox.testkit.generators.PolicyScenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks kit against {@link ChecksSource#of}, and against broken sources. */
class ReportedChecksContractTest extends ChecksSourceContract {
  private static final ChangeId CHANGE = ChangeId.of("42");
  private static final ChangeId OTHER = ChangeId.of("43");
  private static final Revision FIRST = Revision.of("a".repeat(40));
  private static final Revision SECOND = Revision.of("b".repeat(40));

  private static final CheckRun BUILD_FIRST = run("build", CheckConclusion.FAILURE, FIRST, 3);
  private static final CheckRun BUILD_SECOND = run("build", CheckConclusion.SUCCESS, SECOND, 2);
  private static final CheckRun BUILD_SECOND_RERUN =
      run("build", CheckConclusion.SUCCESS, SECOND, 1);
  private static final CheckRun LINT_OTHER = run("lint", CheckConclusion.NEUTRAL, FIRST, 1);

  @Override
  protected ChecksSource source() {
    return ChecksSource.of(
        Map.of(
            CHANGE,
            List.of(BUILD_FIRST, BUILD_SECOND, BUILD_SECOND_RERUN),
            OTHER,
            List.of(LINT_OTHER)));
  }

  @Override
  protected List<Question> asked() {
    return List.of(
        new Question(CHANGE, FIRST), new Question(CHANGE, SECOND), new Question(OTHER, FIRST));
  }

  @Test
  void answersWithTheRunsOfTheChangeOnTheCommitAsked() {
    ChecksSource source = source();
    assertThat(source.checks(CHANGE, FIRST)).containsExactly(BUILD_FIRST);
    assertThat(source.checks(CHANGE, SECOND)).containsExactly(BUILD_SECOND, BUILD_SECOND_RERUN);
    assertThat(source.checks(OTHER, FIRST)).containsExactly(LINT_OTHER);
    assertThat(source.checks(OTHER, SECOND)).isEmpty();
  }

  @Test
  @SuppressWarnings("NullAway") // nulls where the types forbid them are the point
  void refusesNullsNamingTheField() {
    Map<ChangeId, List<CheckRun>> withNull = new java.util.HashMap<>();
    List<CheckRun> runs = new ArrayList<>();
    runs.add(null);
    withNull.put(CHANGE, runs);
    assertThatThrownBy(() -> ChecksSource.of(withNull))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("runs['42']");
    assertThatThrownBy(() -> source().checks(CHANGE, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("revision");
  }

  @Test
  void theKitCatchesASourceThatPassesOffAStaleRunAsFresh() {
    ChecksSourceContract kit = kit((change, revision) -> List.of(BUILD_FIRST));
    assertThatThrownBy(kit::reportsOnlyRunsOnTheCommitAsked)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the commit build ran on");
  }

  @Test
  void theKitCatchesASourceThatMixesUpChanges() {
    ChecksSourceContract kit =
        kit((change, revision) -> revision.equals(FIRST) ? List.of(BUILD_FIRST) : List.of());
    assertThatThrownBy(kit::knowsNothingOfAnUnknownChangeOrCommit)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("runs of an unknown change");
  }

  @Test
  void theKitCatchesASourceThatThrowsForAnUnknownChange() {
    ChecksSourceContract kit =
        kit(
            (change, revision) -> {
              if (!change.equals(CHANGE)) {
                throw new IllegalStateException("no such change " + change);
              }
              return source().checks(change, revision);
            });
    assertThatThrownBy(kit::knowsNothingOfAnUnknownChangeOrCommit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no such change");
  }

  @Test
  void theKitCatchesASourceThatAnswersOtherwiseTheSecondTime() {
    int[] calls = {0};
    ChecksSourceContract kit =
        kit(
            (change, revision) ->
                calls[0]++ % 2 == 0 ? source().checks(change, revision) : List.of());
    assertThatThrownBy(kit::isDeterministicForTheSameQuestion)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("asked again");
  }

  @Test
  void theKitCatchesASourceThatKnowsNothing() {
    ChecksSourceContract kit = kit((change, revision) -> List.of());
    assertThatThrownBy(kit::reportsRunsForSomeQuestion)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("or the kit checks nothing");
  }

  private ChecksSourceContract kit(ChecksSource broken) {
    List<Question> questions = asked();
    return new ChecksSourceContract() {
      @Override
      protected ChecksSource source() {
        return broken;
      }

      @Override
      protected List<Question> asked() {
        return questions;
      }
    };
  }

  private static CheckRun run(
      String name, CheckConclusion conclusion, Revision commit, int hoursAgo) {
    return new CheckRun(
        name,
        conclusion,
        commit,
        PolicyScenarios.NOW.minus(Duration.ofHours(hoursAgo)),
        Optional.empty(),
        Optional.of(Set.of("ShopTest")));
  }
}
