package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.ChecksSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract test kit of {@link ChecksSource}: what every source of CI check runs must do for the
 * {@code required-checks} rule and claims verification to rely on it. Extend it in a JUnit 5 test,
 * supply the source and the {@linkplain #asked() changes and commits} to ask it about (at least one
 * with runs, and ideally one change with runs on two commits); every check here runs against it:
 *
 * <ul>
 *   <li>it answers every question with a list (possibly empty) holding no null;
 *   <li>every run it reports ran on the commit asked, never on another one of the change (that
 *       would be a stale run passed off as fresh);
 *   <li>a change or a commit it knows nothing of has no runs: an empty list, not an exception;
 *   <li>it is deterministic: the same runs asked again, and from a second instance;
 *   <li>it gives the same answers asked from several threads at once;
 *   <li>it reports runs for one question at least, so that the checks above are not vacuous.
 * </ul>
 *
 * <pre>{@code
 * class GitHubChecksTest extends ChecksSourceContract {
 *   protected ChecksSource source() { return GitHubChecks.create(fakeServer.uri()); }
 *   protected List<Question> asked() { return List.of(new Question(ChangeId.of("42"), HEAD)); }
 * }
 * }</pre>
 *
 * <p>JUnit makes an instance per test; an instance is not shared between threads.
 */
public abstract class ChecksSourceContract {
  /** A commit no source knows, for the question about an unknown commit. */
  private static final Revision UNKNOWN_COMMIT = Revision.of("0123456789".repeat(4));

  /** A change no source knows. */
  private static final ChangeId UNKNOWN_CHANGE = ChangeId.of("signalbox-contract-unknown-change");

  /** Subclasses supply the source. */
  protected ChecksSourceContract() {}

  /**
   * One question to a source: the runs of one change on one commit.
   *
   * @param change the change
   * @param revision the commit
   */
  public record Question(ChangeId change, Revision revision) {}

  /** The source under test; a new one or the same one on every call. */
  protected abstract ChecksSource source();

  /** The questions the kit asks; at least one must have runs. */
  protected abstract List<Question> asked();

  @Test
  public void answersEveryQuestionWithRuns() {
    ChecksSource source = source();
    for (Question question : questions()) {
      assertThat(runs(source, question)).as("runs for %s", question).doesNotContainNull();
    }
  }

  @Test
  public void reportsOnlyRunsOnTheCommitAsked() {
    ChecksSource source = source();
    for (Question question : questions()) {
      for (CheckRun run : runs(source, question)) {
        assertThat(run.commit())
            .as("the commit %s ran on, asked for %s", run.name(), question)
            .isEqualTo(question.revision());
      }
    }
  }

  @Test
  public void knowsNothingOfAnUnknownChangeOrCommit() {
    ChecksSource source = source();
    for (Question question : asked()) {
      assertThat(runs(source, new Question(UNKNOWN_CHANGE, question.revision())))
          .as("runs of an unknown change on %s", question.revision())
          .isEmpty();
      if (!question.revision().equals(UNKNOWN_COMMIT)) {
        assertThat(runs(source, new Question(question.change(), UNKNOWN_COMMIT)))
            .as("runs of %s on an unknown commit", question.change())
            .isEmpty();
      }
    }
  }

  @Test
  public void isDeterministicForTheSameQuestion() {
    ChecksSource source = source();
    for (Question question : questions()) {
      List<CheckRun> first = runs(source, question);
      assertThat(runs(source, question))
          .as("runs for %s asked again", question)
          .containsExactlyInAnyOrderElementsOf(first);
      assertThat(runs(source(), question))
          .as("runs for %s from another instance", question)
          .containsExactlyInAnyOrderElementsOf(first);
    }
  }

  @Test
  public void givesTheSameAnswersFromManyThreads() {
    ChecksSource source = source();
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      questions.addAll(questions());
    }
    List<Set<CheckRun>> alone =
        questions.stream().map(q -> (Set<CheckRun>) new HashSet<>(runs(source, q))).toList();
    for (List<Set<CheckRun>> together :
        Concurrently.run(questions, q -> (Set<CheckRun>) new HashSet<>(runs(source, q)))) {
      assertThat(together).as("runs asked from several threads at once").isEqualTo(alone);
    }
  }

  @Test
  public void reportsRunsForSomeQuestion() {
    ChecksSource source = source();
    assertThat(asked())
        .as("the source must report runs for one of the questions, or the kit checks nothing")
        .anySatisfy(question -> assertThat(runs(source, question)).isNotEmpty());
  }

  /**
   * The questions asked, and for each change also every commit asked about for another change, so
   * that a source mixing up changes is caught.
   */
  private List<Question> questions() {
    List<Question> asked = asked();
    assertThat(asked).as("the questions the kit asks").isNotEmpty().doesNotContainNull();
    Set<Question> all = new java.util.LinkedHashSet<>(asked);
    for (Question one : asked) {
      for (Question other : asked) {
        all.add(new Question(one.change(), other.revision()));
      }
    }
    return List.copyOf(all);
  }

  private static List<CheckRun> runs(ChecksSource source, Question question) {
    List<CheckRun> runs = source.checks(question.change(), question.revision());
    assertThat(runs).as("runs for %s", question).isNotNull();
    return runs;
  }
}
