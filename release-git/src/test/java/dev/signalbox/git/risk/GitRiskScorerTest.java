package dev.signalbox.git.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.risk.ModelCard;
import dev.signalbox.core.risk.PercentileTable;
import dev.signalbox.core.risk.RiskModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change base..head of a real repository is scored with only the history known at its base, as
 * one squashed change; the history command scores every landed commit with what was known when it
 * landed, in one pass.
 */
class GitRiskScorerTest {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
  private static final long DAY = 86_400;

  @TempDir Path dir;

  private @Nullable Git git;

  private Git git() {
    return Objects.requireNonNull(git, "git");
  }

  @BeforeEach
  void init() throws Exception {
    git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
  }

  @AfterEach
  void close() {
    git().close();
  }

  private RevCommit commit(String author, int day, String message, String... files)
      throws Exception {
    for (int i = 0; i < files.length; i += 2) {
      Path file = dir.resolve(files[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files[i + 1], StandardCharsets.UTF_8);
    }
    git().add().addFilepattern(".").call();
    PersonIdent ident =
        new PersonIdent(author, author + "@example.com", T0.plusSeconds(day * DAY), ZoneOffset.UTC);
    return git().commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
  }

  private static Revision revision(RevCommit commit) {
    return Revision.of(commit.name());
  }

  /** main: c1, c2, c3 (touching A.java after the branch point); change: b1, b2 from c2. */
  @Test
  void scoresTheChangeWithOnlyTheHistoryKnownAtItsBase() throws Exception {
    commit("alice", 0, "Add A", "src/A.java", "a\n", "src/B.java", "b\n");
    RevCommit base = commit("bob", 1, "Change A", "src/A.java", "a\na2\n");
    git().branchCreate().setName("change").call();
    commit("carol", 2, "Change A again", "src/A.java", "a\na2\na3\n");
    git().checkout().setName("change").call();
    commit("dave", 3, "Start the feature", "src/A.java", "a\na2\nx\n");
    RevCommit head =
        commit("dave", 4, "Fix the feature", "src/C.java", "c\nc\n", "src/test/CTest.java", "t\n");

    GitRiskScorer scorer = GitRiskScorer.create(dir);
    ChangeRisk score = scorer.score(revision(base), revision(head));

    // the features of base..head as one change, from the history at base (c1, c2 only)
    List<LandedCommit> history = RiskHistory.read(dir, base.name());
    assertThat(history).hasSize(2);
    RiskModel model = ModelCard.defaults().model();
    double[] expected = new double[ChangeFeature.values().length];
    expected[ChangeFeature.FILES_CHANGED.index()] = 3;
    expected[ChangeFeature.LINES_ADDED.index()] = 4;
    expected[ChangeFeature.DIRS_TOUCHED.index()] = 2;
    expected[ChangeFeature.SUBSYSTEMS.index()] = 1;
    expected[ChangeFeature.ENTROPY.index()] = 1.5;
    expected[ChangeFeature.TOUCHES_TESTS.index()] = 1;
    expected[ChangeFeature.NEW_FILES.index()] = 2;
    expected[ChangeFeature.FILE_PRIOR_CHANGES.index()] = 2; // c1 and c2 touched A; c3 is not known
    expected[ChangeFeature.FILE_PRIOR_DEVS.index()] = 2;
    expected[ChangeFeature.FILE_AGE_DAYS_MEAN.index()] = 3; // A last changed by c2, 3 days earlier
    expected[ChangeFeature.HOUR_LOCAL.index()] = 8;
    expected[ChangeFeature.WEEKDAY.index()] = 4; // Friday
    expected[ChangeFeature.IS_FIX.index()] = 1;
    expected[ChangeFeature.MSG_LEN.index()] = "Fix the feature".length();
    FeatureVector features = FeatureVector.of(expected);
    List<FeatureVector> landed = history.stream().map(LandedCommit::features).toList();
    assertThat(score.logit()).isCloseTo(model.logit(features), within(1e-9));
    assertThat(score.probability()).isCloseTo(model.probability(features), within(1e-12));
    assertThat(score.percentile())
        .isEqualTo(PercentileTable.of(model, landed).percentile(score.logit()));
    // ranked among the repository's 2 landed changes at base, not the training history's quantiles
    double below = 0;
    for (FeatureVector change : landed) {
      double logit = model.logit(change);
      below += logit < score.logit() ? 1 : logit == score.logit() ? 0.5 : 0;
    }
    assertThat(score.percentile()).isEqualTo(100 * below / 2).isIn(0.0, 25.0, 50.0, 75.0, 100.0);
    assertThat(score.modelId()).isEqualTo(ModelCard.DEFAULT_ID);
    assertThat(score.contributions()).hasSize(model.terms().size());
  }

  /** Scoring is a read: it writes no object into the repository (no dangling squashed commit). */
  @Test
  void scoringWritesNothingIntoTheRepository() throws Exception {
    commit("alice", 0, "Add A", "src/A.java", "a\n");
    RevCommit base = commit("bob", 1, "Change A", "src/A.java", "a\na2\n");
    RevCommit head = commit("carol", 2, "Add B", "src/B.java", "b\n");
    List<String> before = objectFiles();

    GitRiskScorer.create(dir).score(revision(base), revision(head));

    assertThat(objectFiles()).containsExactlyElementsOf(before);
  }

  private List<String> objectFiles() throws Exception {
    Path objects = dir.resolve(".git/objects");
    try (var files = Files.walk(objects)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> objects.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /**
   * A change forked before the target's tip is scored by its own diff (from the merge base), with
   * the history known at the target's tip: as if it had been rebased onto it.
   */
  @Test
  void aChangeForkedBeforeTheBaseIsScoredByItsOwnDiff() throws Exception {
    RevCommit fork = commit("alice", 0, "Add A", "src/A.java", "a\n", "src/B.java", "b\n");
    git().branchCreate().setName("change").call();
    RevCommit tip = commit("bob", 1, "Grow B", "src/B.java", "b\nb2\nb3\nb4\n");
    git().branchCreate().setName("rebased").call();
    git().checkout().setName("change").call();
    RevCommit forked = commit("carol", 2, "Fix A", "src/A.java", "a\nfixed\n");
    git().checkout().setName("rebased").call();
    RevCommit rebased = commit("carol", 2, "Fix A", "src/A.java", "a\nfixed\n");
    assertThat(forked.getParent(0)).isEqualTo(fork);

    GitRiskScorer scorer = GitRiskScorer.create(dir);
    ChangeRisk fromFork = scorer.score(revision(tip), revision(forked));
    ChangeRisk onTip = scorer.score(revision(tip), revision(rebased));

    assertThat(fromFork).isEqualTo(onTip);
  }

  @Test
  void refusesARevisionThatIsNotACommitHere() throws Exception {
    RevCommit only = commit("alice", 0, "Add A", "src/A.java", "a\n");
    GitRiskScorer scorer = GitRiskScorer.create(dir);
    Revision unknown = Revision.of("0123456789".repeat(4));

    assertThatThrownBy(() -> scorer.score(unknown, revision(only)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("base"));
    assertThatThrownBy(() -> scorer.score(revision(only), unknown))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("head"));
  }

  @Test
  void theHistoryCommandScoresEveryLandedCommitAsItLanded() throws Exception {
    commit("alice", 0, "Add A", "src/A.java", "a\n");
    RevCommit bad = commit("bob", 1, "Break A", "src/A.java", "a\nbroken\n");
    git().branchCreate().setName("side").call();
    commit(
        "bob",
        2,
        "Revert \"Break A\"\n\nThis reverts commit " + bad.name() + ".\n",
        "src/A.java",
        "a\n");
    git().checkout().setName("side").call();
    commit("carol", 3, "Side work", "docs/readme.md", "hi\n");
    git().checkout().setName("main").call();
    git()
        .merge()
        .include(Objects.requireNonNull(git().getRepository().resolve("side")))
        .setMessage("Merge side")
        .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
        .call();
    commit("alice", 5, "Grow A", "src/A.java", "a\nb\nc\n");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RiskCommand.score(dir, "HEAD", new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));

    List<LandedCommit> landed = RiskHistory.read(dir, "HEAD");
    RiskModel model = ModelCard.defaults().model();
    List<String> expected = new ArrayList<>();
    expected.add("sha,probability");
    for (LandedCommit commit : landed) {
      expected.add(
          commit.sha()
              + ","
              + String.format(java.util.Locale.ROOT, "%.6f", model.probability(commit.features())));
    }
    assertThat(lines).containsExactlyElementsOf(expected);
    assertThat(lines).hasSize(5); // four landed non-merge commits on the first-parent line
    assertThat(GitRiskScorer.create(dir).history("HEAD"))
        .extracting(GitRiskScorer.ScoredCommit::sha)
        .containsExactlyElementsOf(landed.stream().map(LandedCommit::sha).toList());
  }
}
