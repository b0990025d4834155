package dev.signalbox.git.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.FeatureVector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every column of the risk data on a small real repository, against values computed by hand: new
 * files, binary files, renames, test/build/dependency/migration/config/doc paths, a revert by
 * commit id, a revert of that revert by subject, and a missing blob as on a partial clone.
 */
class RiskHistoryTest {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z"); // a Monday
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

  private RevCommit commit(String author, ZoneOffset offset, int day, String message)
      throws Exception {
    PersonIdent ident =
        new PersonIdent(author, author + "@Example.com", T0.plusSeconds(day * DAY), offset);
    return git().commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
  }

  private void write(String path, String text) throws IOException {
    write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private void write(String path, byte[] content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private void stage() throws Exception {
    git().add().addFilepattern(".").call();
    git().add().addFilepattern(".").setUpdate(true).call();
  }

  private static Map<ChangeFeature, Double> expected(Object... pairs) {
    Map<ChangeFeature, Double> map = new EnumMap<>(ChangeFeature.class);
    for (ChangeFeature feature : ChangeFeature.values()) {
      map.put(feature, 0.0);
    }
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((ChangeFeature) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return map;
  }

  private static void assertFeatures(FeatureVector actual, Map<ChangeFeature, Double> expected) {
    for (ChangeFeature feature : ChangeFeature.values()) {
      assertThat(actual.get(feature))
          .as(feature.column())
          .isCloseTo(expected.get(feature), within(1e-4));
    }
  }

  @Test
  void everyColumnMatchesHandComputedValues() throws Exception {
    ZoneOffset plus2 = ZoneOffset.ofHours(2);
    ZoneOffset minus5 = ZoneOffset.ofHours(-5);

    write("src/Main.java", "class Main {\n  int x;\n}\n");
    write("README.md", "hello\n");
    stage();
    RevCommit c1 = commit("alice", plus2, 0, "Initial commit");

    write("src/Main.java", "class Main {\n  int y;\n}\n");
    write("src/MainTest.java", "class MainTest {\n}\n");
    write("pom.xml", "<project/>\n");
    write("db/migrations/V1__init.sql", "create table t(x int);\n");
    write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    stage();
    RevCommit c2 = commit("bob", minus5, 1, "Fix crash in main\n\nDetails here.\n");

    write("src/Main.java", "class Main {\n  int x;\n}\n");
    git().rm().addFilepattern("src/MainTest.java").call();
    stage();
    String revertBody = "This reverts commit " + c2.name() + ".\n";
    RevCommit c3 = commit("alice", plus2, 2, "Revert \"Fix crash in main\"\n\n" + revertBody);

    git().rm().addFilepattern("src/Main.java").call();
    write("src/App.java", "class Main {\n  int x;\n}\n");
    write(".github/workflows/ci.yml", "on: push\n");
    write("app.properties", "a=b\n");
    write("docs/guide.md", "# Guide\n");
    stage();
    RevCommit c4 = commit("bob", minus5, 3, "Reland the fix");

    write("src/MainTest.java", "class MainTest {\n}\n");
    stage();
    RevCommit c5 = commit("alice", plus2, 4, "Revert \"Revert \"Fix crash in main\"\"");

    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("HEAD");

    assertThat(rows)
        .extracting(LandedCommit::sha)
        .containsExactly(c1.name(), c2.name(), c3.name(), c4.name(), c5.name());
    assertThat(rows.get(0).authorId()).isEqualTo(HistoryState.authorId("alice@example.com"));
    assertThat(rows.get(2).authorId()).isEqualTo(rows.get(0).authorId());
    assertThat(rows.get(1).authorTime()).isEqualTo(T0.getEpochSecond() + DAY);
    assertThat(rows).allMatch(LandedCommit::censored, "within 90 days of HEAD");

    // 10:00 local on Monday; churn 3 and 1 lines: H = 0.8113 bits.
    assertFeatures(
        rows.get(0).features(),
        expected(
            ChangeFeature.FILES_CHANGED,
            2,
            ChangeFeature.LINES_ADDED,
            4,
            ChangeFeature.DIRS_TOUCHED,
            2,
            ChangeFeature.SUBSYSTEMS,
            2,
            ChangeFeature.ENTROPY,
            0.8113,
            ChangeFeature.NEW_FILES,
            2,
            ChangeFeature.FILE_AGE_DAYS_MEAN,
            -1,
            ChangeFeature.HOUR_LOCAL,
            10,
            ChangeFeature.WEEKDAY,
            0,
            ChangeFeature.MSG_LEN,
            14));

    // 03:00 local on Tuesday at -05:00; churn 2, 2, 1, 1 and a binary: H = 1.9183 bits.
    assertFeatures(
        rows.get(1).features(),
        expected(
            ChangeFeature.FILES_CHANGED,
            5,
            ChangeFeature.LINES_ADDED,
            5,
            ChangeFeature.LINES_DELETED,
            1,
            ChangeFeature.BINARY_FILES,
            1,
            ChangeFeature.DIRS_TOUCHED,
            3,
            ChangeFeature.SUBSYSTEMS,
            3,
            ChangeFeature.ENTROPY,
            1.9183,
            ChangeFeature.TOUCHES_TESTS,
            1,
            ChangeFeature.TOUCHES_BUILD,
            1,
            ChangeFeature.TOUCHES_DEPS,
            1,
            ChangeFeature.TOUCHES_MIGRATIONS,
            1,
            ChangeFeature.NEW_FILES,
            4,
            ChangeFeature.FILE_PRIOR_CHANGES,
            1,
            ChangeFeature.FILE_PRIOR_DEVS,
            1,
            ChangeFeature.FILE_AGE_DAYS_MEAN,
            1,
            ChangeFeature.HOUR_LOCAL,
            3,
            ChangeFeature.WEEKDAY,
            1,
            ChangeFeature.IS_FIX,
            1,
            ChangeFeature.MSG_LEN,
            17 + "Details here.\n".length()));

    // The revert: MainTest.java deleted (2 lines), Main.java restored (1 and 1).
    assertFeatures(
        rows.get(2).features(),
        expected(
            ChangeFeature.FILES_CHANGED,
            2,
            ChangeFeature.LINES_ADDED,
            1,
            ChangeFeature.LINES_DELETED,
            3,
            ChangeFeature.DIRS_TOUCHED,
            1,
            ChangeFeature.SUBSYSTEMS,
            1,
            ChangeFeature.ENTROPY,
            1,
            ChangeFeature.TOUCHES_TESTS,
            1,
            ChangeFeature.FILE_PRIOR_CHANGES,
            3,
            ChangeFeature.FILE_PRIOR_DEVS,
            2,
            ChangeFeature.FILE_AGE_DAYS_MEAN,
            1,
            ChangeFeature.AUTHOR_PRIOR_COMMITS,
            1,
            ChangeFeature.HOUR_LOCAL,
            10,
            ChangeFeature.WEEKDAY,
            2,
            ChangeFeature.IS_FIX,
            1,
            ChangeFeature.MSG_LEN,
            26 + revertBody.length(),
            ChangeFeature.IS_REVERT,
            1));

    // A rename counts under its new, never-touched path with no lines; bob's fix was reverted.
    assertFeatures(
        rows.get(3).features(),
        expected(
            ChangeFeature.FILES_CHANGED,
            4,
            ChangeFeature.LINES_ADDED,
            3,
            ChangeFeature.DIRS_TOUCHED,
            4,
            ChangeFeature.SUBSYSTEMS,
            4,
            ChangeFeature.ENTROPY,
            1.585,
            ChangeFeature.TOUCHES_BUILD,
            1,
            ChangeFeature.TOUCHES_CONFIG,
            1,
            ChangeFeature.NEW_FILES,
            4,
            ChangeFeature.FILE_AGE_DAYS_MEAN,
            -1,
            ChangeFeature.AUTHOR_PRIOR_COMMITS,
            1,
            ChangeFeature.AUTHOR_PRIOR_REVERTED,
            1,
            ChangeFeature.HOUR_LOCAL,
            3,
            ChangeFeature.WEEKDAY,
            3,
            ChangeFeature.IS_FIX,
            1,
            ChangeFeature.IS_RELAND,
            1,
            ChangeFeature.MSG_LEN,
            14));

    // The revert of the revert, resolved by its quoted subject.
    assertFeatures(
        rows.get(4).features(),
        expected(
            ChangeFeature.FILES_CHANGED,
            1,
            ChangeFeature.LINES_ADDED,
            2,
            ChangeFeature.DIRS_TOUCHED,
            1,
            ChangeFeature.SUBSYSTEMS,
            1,
            ChangeFeature.TOUCHES_TESTS,
            1,
            ChangeFeature.TEST_ONLY,
            1,
            ChangeFeature.FILE_PRIOR_CHANGES,
            2,
            ChangeFeature.FILE_PRIOR_DEVS,
            2,
            ChangeFeature.FILE_AGE_DAYS_MEAN,
            2,
            ChangeFeature.FILE_PRIOR_REVERTS,
            1,
            ChangeFeature.AUTHOR_PRIOR_COMMITS,
            2,
            ChangeFeature.HOUR_LOCAL,
            10,
            ChangeFeature.WEEKDAY,
            4,
            ChangeFeature.IS_FIX,
            1,
            ChangeFeature.MSG_LEN,
            "Revert \"Revert \"Fix crash in main\"\"".length(),
            ChangeFeature.IS_REVERT,
            1));

    assertThat(rows.get(1).outcome())
        .isEqualTo(
            new RevertOutcome(
                true,
                true,
                java.util.OptionalDouble.of(1.0),
                java.util.Optional.of(c3.name()),
                java.util.Optional.of(RevertKind.SHA),
                false));
    assertThat(rows.get(2).outcome().kind()).contains(RevertKind.SUBJECT);
    assertThat(rows.get(2).outcome().revertSha()).contains(c5.name());
    assertThat(rows.get(2).outcome().lagDays()).hasValue(2.0);
    assertThat(rows.get(0).outcome()).isEqualTo(RevertOutcome.none());
    assertThat(rows.get(3).outcome()).isEqualTo(RevertOutcome.none());
  }

  @Test
  void aMissingBlobCountsAsBinaryLikeOnAPartialClone() throws Exception {
    write("a.txt", "one\ntwo\n");
    stage();
    commit("alice", ZoneOffset.UTC, 0, "Add a");
    write("a.txt", "one\nthree\n");
    write("b.txt", "new\n");
    stage();
    RevCommit second = commit("alice", ZoneOffset.UTC, 1, "Change a");
    ObjectId missing;
    try (var walk =
        org.eclipse.jgit.treewalk.TreeWalk.forPath(
            git().getRepository(), "a.txt", second.getTree())) {
      missing = walk.getObjectId(0);
    }
    String hex = missing.name();
    Files.delete(dir.resolve(".git/objects/" + hex.substring(0, 2) + "/" + hex.substring(2)));

    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("main");

    FeatureVector features = rows.get(1).features();
    assertThat(features.get(ChangeFeature.FILES_CHANGED)).isEqualTo(2);
    assertThat(features.get(ChangeFeature.BINARY_FILES)).isEqualTo(1);
    assertThat(features.get(ChangeFeature.LINES_ADDED)).isEqualTo(1);
    assertThat(features.get(ChangeFeature.LINES_DELETED)).isZero();
  }

  @Test
  void aCommitOnAMergedBranchCanRevertALandedOne() throws Exception {
    write("a.txt", "one\n");
    stage();
    commit("alice", ZoneOffset.UTC, 0, "Add a");
    write("a.txt", "two\n");
    stage();
    RevCommit change = commit("bob", ZoneOffset.UTC, 1, "Change a");
    git().checkout().setCreateBranch(true).setName("side").call();
    write("a.txt", "one\n");
    stage();
    RevCommit revert =
        commit("carol", ZoneOffset.UTC, 2, "Partial revert \"Change a\"\n\nIt broke b.\n");
    git().checkout().setName("main").call();
    write("c.txt", "c\n");
    stage();
    commit("alice", ZoneOffset.UTC, 3, "Add c");
    mergeSide("side", 4);
    write("d.txt", "d\n");
    stage();
    commit("dave", ZoneOffset.UTC, 5, "Add d");

    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("main");

    assertThat(rows).extracting(LandedCommit::sha).doesNotContain(revert.name()).hasSize(4);
    LandedCommit changed = rows.get(1);
    assertThat(changed.sha()).isEqualTo(change.name());
    assertThat(changed.outcome().revertSha()).contains(revert.name());
    assertThat(changed.outcome().kind()).contains(RevertKind.SUBJECT);
    // bob's change was reverted on day 2, before "Add c" on day 3 — but bob wrote nothing since.
    assertThat(rows.get(3).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isZero();
  }

  @Test
  void aDeletedFileIsTheSourceOfOneRenameAndItsOtherLookalikesAreNewFiles() throws Exception {
    StringBuilder ten = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      ten.append("line ").append(i).append('\n');
    }
    write("a.txt", ten.toString());
    stage();
    commit("alice", ZoneOffset.UTC, 0, "Add a");
    git().rm().addFilepattern("a.txt").call();
    write("b.txt", ten.toString().replace("line 5\n", "five\n"));
    write("c.txt", ten.toString().replace("line 5\n", "five\n").replace("line 8\n", "eight\n"));
    stage();
    commit("alice", ZoneOffset.UTC, 1, "Split a");

    // git log --numstat: "1 1 a.txt => b.txt" and "10 0 c.txt"; JGit alone would call c.txt a
    // copy of a.txt with 2 and 2 lines.
    FeatureVector split = RiskHistory.of(git().getRepository()).landed("main").get(1).features();
    assertThat(split.get(ChangeFeature.FILES_CHANGED)).isEqualTo(2);
    assertThat(split.get(ChangeFeature.LINES_ADDED)).isEqualTo(11);
    assertThat(split.get(ChangeFeature.LINES_DELETED)).isEqualTo(1);
    assertThat(split.get(ChangeFeature.NEW_FILES)).isEqualTo(2);
  }

  @Test
  void lineCountsAreGitsNotTheMinimalOnes() throws Exception {
    write("a.txt", "}\nb\nh\nb\nd\n}\na\nd\nh\n");
    stage();
    commit("alice", ZoneOffset.UTC, 0, "Add a");
    write("a.txt", "}\n}\n}\n}\n");
    stage();
    commit("alice", ZoneOffset.UTC, 1, "Change a");

    // git sets the lone old "}" amid unmatched lines aside: 3 added and 8 deleted, where a minimal
    // diff keeps it (2 and 7); see GitLineCountsTest.
    FeatureVector change = RiskHistory.of(git().getRepository()).landed("main").get(1).features();
    assertThat(change.get(ChangeFeature.LINES_ADDED)).isEqualTo(3);
    assertThat(change.get(ChangeFeature.LINES_DELETED)).isEqualTo(8);
  }

  @Test
  void aChangeThatAlsoRevertsAnEarlierOneCountsAgainstItsAuthor() throws Exception {
    write("a.txt", "one\n");
    stage();
    RevCommit change = commit("bob", ZoneOffset.UTC, 0, "Change a");
    write("a.txt", "two\n");
    stage();
    commit(
        "carol",
        ZoneOffset.UTC,
        3,
        "Rework a\n\nThis also reverts commit " + change.name() + ".\n");
    write("b.txt", "b\n");
    stage();
    commit("bob", ZoneOffset.UTC, 4, "Add b");

    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("main");

    assertThat(rows.get(0).outcome().revertSha()).contains(rows.get(1).sha());
    assertThat(rows.get(0).outcome().lagDays()).hasValue(3.0);
    assertThat(rows.get(1).features().get(ChangeFeature.IS_REVERT)).isEqualTo(1);
    assertThat(rows.get(2).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isEqualTo(1);
  }

  @Test
  void aCommitOnAMergedBranchIsNoRowSoNothingRevertsIt() throws Exception {
    write("a.txt", "one\n");
    stage();
    commit("alice", ZoneOffset.UTC, 0, "Add a");
    git().checkout().setCreateBranch(true).setName("side").call();
    write("a.txt", "two\n");
    stage();
    RevCommit tweak = commit("bob", ZoneOffset.UTC, 1, "Tweak a");
    git().checkout().setName("main").call();
    write("c.txt", "c\n");
    stage();
    commit("alice", ZoneOffset.UTC, 2, "Add c");
    mergeSide("side", 3);
    write("a.txt", "one\n");
    stage();
    commit(
        "carol",
        ZoneOffset.UTC,
        4,
        "Undo the tweak\n\nThis partially reverts commit " + tweak.name() + ".\n");

    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("main");

    // jgit f974c9c790 names a commit of a merged branch: not a revert in jgit.csv.
    assertThat(rows).extracting(LandedCommit::sha).doesNotContain(tweak.name()).hasSize(3);
    assertThat(rows.get(2).features().get(ChangeFeature.IS_REVERT)).isZero();
    assertThat(rows).allMatch(row -> !row.outcome().revertedEver());
  }

  @Test
  void everyRevertOfACommitCountsAgainstItsAuthorButTheFirstLabelsIt() throws Exception {
    write("a.txt", "one\n");
    stage();
    RevCommit change = commit("bob", ZoneOffset.UTC, 0, "Change a");
    write("a.txt", "two\n");
    stage();
    RevCommit first =
        commit("carol", ZoneOffset.UTC, 1, "Undo\n\nThis reverts commit " + change.name() + ".\n");
    write("a.txt", "three\n");
    stage();
    commit("dave", ZoneOffset.UTC, 2, "Undo again\n\nThis reverts commit " + change.name() + ".\n");
    write("b.txt", "b\n");
    stage();
    commit("bob", ZoneOffset.UTC, 3, "Add b");

    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("main");

    assertThat(rows.get(0).outcome().revertSha()).contains(first.name());
    assertThat(rows.get(3).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isEqualTo(2);
  }

  @Test
  void aRevertCountsAgainstItsAuthorOnlyForCommitsOfALaterSecond() throws Exception {
    write("a.txt", "one\n");
    stage();
    RevCommit change = commit("bob", ZoneOffset.UTC, 0, "Change a");
    write("a.txt", "two\n");
    stage();
    commit("carol", ZoneOffset.UTC, 1, "Undo\n\nThis reverts commit " + change.name() + ".\n");
    write("b.txt", "b\n");
    stage();
    commit("bob", ZoneOffset.UTC, 1, "Add b"); // the same second as the revert
    write("c.txt", "c\n");
    stage();
    commit("bob", ZoneOffset.UTC, 2, "Add c");

    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("main");

    // folly 7a18d18231 does not count the revert 436e7fd699 that landed in the same second.
    assertThat(rows.get(2).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isZero();
    assertThat(rows.get(3).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isEqualTo(1);
  }

  /**
   * main: alice "Add a" (day 0), bob "Change a" (day 1); a side branch from it where carol reverts
   * bob's change ({@code revertDay}); main: bob "Add c" (day 3); the side branch merged ({@code
   * mergeDay}); bob "Add d" (day 5). Returns the rows of main and the revert.
   */
  private List<LandedCommit> revertedOnABranchMergedLater(int revertDay, int mergeDay)
      throws Exception {
    write("a.txt", "one\n");
    stage();
    commit("alice", ZoneOffset.UTC, 0, "Add a");
    write("a.txt", "two\n");
    stage();
    RevCommit change = commit("bob", ZoneOffset.UTC, 1, "Change a");
    git().checkout().setCreateBranch(true).setName("side").call();
    write("a.txt", "one\n");
    stage();
    RevCommit revert =
        commit(
            "carol",
            ZoneOffset.UTC,
            revertDay,
            "Undo the change\n\nThis reverts commit " + change.name() + ".\n");
    git().checkout().setName("main").call();
    write("c.txt", "c\n");
    stage();
    commit("bob", ZoneOffset.UTC, 3, "Add c");
    mergeSide("side", mergeDay);
    write("d.txt", "d\n");
    stage();
    commit("bob", ZoneOffset.UTC, 5, "Add d");
    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("main");
    assertThat(rows).extracting(LandedCommit::sha).doesNotContain(revert.name()).hasSize(4);
    assertThat(rows.get(1).outcome().revertSha()).contains(revert.name());
    return rows;
  }

  /**
   * A revert committed on a branch (day 2) lands when its branch is merged (day 4): bob's commit of
   * day 3 could not know of it, though its commit time is earlier; his commit after the merge does.
   */
  @Test
  void aCommitOnAMergedBranchIsKnownOnlyFromItsMergeOn() throws Exception {
    List<LandedCommit> rows = revertedOnABranchMergedLater(2, 4);

    assertThat(rows.get(2).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED))
        .as("bob's commit of day 3, before the merge")
        .isZero();
    assertThat(rows.get(3).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED))
        .as("bob's commit of day 5, after the merge")
        .isEqualTo(1);
    assertThat(rows.get(1).outcome().lagDays())
        .as("the label's lag, from the revert")
        .hasValue(1.0);
  }

  /**
   * The risk data's CSVs know a branch commit from its own commit time (jgit.csv counts 510aed1493,
   * committed on 10 April 2015 and merged on 4 May, for 41c4f9cb2a of 16 April); {@code
   * readAsTheRiskData}, which the parity command uses, computes them so.
   */
  @Test
  void theRiskDataKnowsABranchCommitFromItsOwnCommitTime() throws Exception {
    revertedOnABranchMergedLater(2, 4);

    List<LandedCommit> rows =
        RiskHistory.of(git().getRepository())
            .pass("main", RiskHistory.MergedCommits.KNOWN_FROM_COMMIT_TIME)
            .landed();

    assertThat(rows.get(2).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isEqualTo(1);
    assertThat(rows.get(3).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isEqualTo(1);
    assertThat(RiskHistory.readAsTheRiskData(dir, "main")).isEqualTo(rows);
  }

  /**
   * A branch commit dated after its merge (a skewed clock: day 6, merged on day 4) is known from
   * the merge on too, and counts for bob's commit of day 5.
   */
  @Test
  void aCommitOnAMergedBranchDatedAfterItsMergeIsKnownFromTheMerge() throws Exception {
    List<LandedCommit> rows = revertedOnABranchMergedLater(6, 4);

    assertThat(rows.get(2).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isZero();
    assertThat(rows.get(3).features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED)).isEqualTo(1);
  }

  /**
   * A branch merged twice: its revert lands with the first merge and is not landed again by the
   * second, which lands only the branch's newer commit; an octopus merge lands every branch it
   * names. main: alice "Add a" (day 0), bob "Change a" (day 1), bob "Change b" (day 2); side: carol
   * reverts "Change a" (day 3), merged (day 4); side: carol "Side note" (day 5), merged again (day
   * 6); two branches, each reverting one of bob's other changes, merged in one octopus commit (day
   * 9); bob "Add d" (day 10).
   */
  @Test
  void aBranchMergedTwiceAndAnOctopusMergeLandEachCommitOnce() throws Exception {
    write("a.txt", "one\n");
    write("b.txt", "one\n");
    write("c.txt", "one\n");
    stage();
    commit("alice", ZoneOffset.UTC, 0, "Add a");
    write("a.txt", "two\n");
    stage();
    RevCommit changeA = commit("bob", ZoneOffset.UTC, 1, "Change a");
    write("b.txt", "two\n");
    write("c.txt", "two\n");
    stage();
    RevCommit changeBc = commit("bob", ZoneOffset.UTC, 2, "Change b and c");
    git().checkout().setCreateBranch(true).setName("side").call();
    write("a.txt", "one\n");
    stage();
    commit("carol", ZoneOffset.UTC, 3, "Undo a\n\nThis reverts commit " + changeA.name() + ".\n");
    git().checkout().setName("main").call();
    mergeSide("side", 4);
    git().checkout().setName("side").call();
    write("side.txt", "note\n");
    stage();
    commit("carol", ZoneOffset.UTC, 5, "Side note");
    git().checkout().setName("main").call();
    mergeSide("side", 6);
    RevCommit base = git().log().setMaxCount(1).call().iterator().next();

    git().checkout().setCreateBranch(true).setName("left").call();
    write("b.txt", "one\n");
    stage();
    RevCommit left =
        commit(
            "dave", ZoneOffset.UTC, 7, "Undo b\n\nThis reverts commit " + changeBc.name() + ".\n");
    git().checkout().setName("main").call();
    git().checkout().setCreateBranch(true).setName("right").call();
    write("right.txt", "r\n");
    stage();
    RevCommit right = commit("erin", ZoneOffset.UTC, 8, "Right side");
    git().checkout().setName("main").call();
    octopus(base, List.of(left, right), 9);
    write("d.txt", "d\n");
    stage();
    commit("bob", ZoneOffset.UTC, 10, "Add d");

    List<LandedCommit> rows = RiskHistory.of(git().getRepository()).landed("main");

    assertThat(rows)
        .extracting(LandedCommit::sha)
        .hasSize(4)
        .doesNotContain(left.name(), right.name());
    assertThat(rows.get(1).outcome().reverted()).as("Change a, reverted on side").isTrue();
    assertThat(rows.get(2).outcome().reverted())
        .as("Change b and c, reverted by the octopus")
        .isTrue();
    LandedCommit addD = rows.get(3);
    assertThat(addD.features().get(ChangeFeature.AUTHOR_PRIOR_REVERTED))
        .as("bob's two reverted changes, each counted once")
        .isEqualTo(2);
    assertThat(addD.features().get(ChangeFeature.AUTHOR_PRIOR_COMMITS)).isEqualTo(2);
  }

  /**
   * Merges {@code branch} into the checked-out branch as a merge commit of alice's on {@code day}.
   */
  private void mergeSide(String branch, int day) throws Exception {
    PersonIdent merger =
        new PersonIdent("alice", "alice@example.com", T0.plusSeconds(day * DAY), ZoneOffset.UTC);
    git()
        .merge()
        .include(git().getRepository().resolve(branch))
        .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
        .setCommit(false)
        .call();
    git().commit().setMessage("Merge " + branch).setAuthor(merger).setCommitter(merger).call();
  }

  /**
   * Writes an octopus merge of {@code base} (the checked-out branch's tip) and {@code others} on
   * the checked-out branch, with {@code base}'s tree (JGit's merge command takes one head only).
   */
  private void octopus(RevCommit base, List<RevCommit> others, int day) throws Exception {
    PersonIdent merger =
        new PersonIdent("alice", "alice@example.com", T0.plusSeconds(day * DAY), ZoneOffset.UTC);
    org.eclipse.jgit.lib.CommitBuilder builder = new org.eclipse.jgit.lib.CommitBuilder();
    builder.setTreeId(base.getTree());
    List<ObjectId> parents = new java.util.ArrayList<>();
    parents.add(base);
    parents.addAll(others);
    builder.setParentIds(parents);
    builder.setAuthor(merger);
    builder.setCommitter(merger);
    builder.setMessage("Merge left and right");
    ObjectId id;
    try (org.eclipse.jgit.lib.ObjectInserter inserter = git().getRepository().newObjectInserter()) {
      id = inserter.insert(builder);
      inserter.flush();
    }
    org.eclipse.jgit.lib.RefUpdate update = git().getRepository().updateRef("refs/heads/main");
    update.setNewObjectId(id);
    update.setExpectedOldObjectId(base);
    assertThat(update.update()).isEqualTo(org.eclipse.jgit.lib.RefUpdate.Result.FAST_FORWARD);
  }
}
