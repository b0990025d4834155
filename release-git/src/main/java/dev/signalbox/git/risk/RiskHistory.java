package dev.signalbox.git.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.spi.VersionControlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A repository's first-parent history as risk data: every non-merge commit, oldest first, with the
 * features known when it landed and whether a later commit reverted it.
 *
 * <p>One pass over the history with incremental state — per-path, per-author and revert indexes —
 * so the cost grows with the history's diffs, not with its length squared. A commit of a merged
 * branch is no row, but it may revert a landed commit: it becomes known when its merge lands on the
 * first-parent line, whatever its own commit time, so that no feature sees it earlier. Works on
 * partial clones: a blob missing from the object store counts as a binary file. Thread-safe: each
 * call opens its own reader.
 */
public final class RiskHistory {
  private final Repository repository;

  private RiskHistory(Repository repository) {
    this.repository = repository;
  }

  /** The history of an open repository; closing the repository stays the caller's job. */
  static RiskHistory of(Repository repository) {
    if (repository == null) {
      throw new InvalidValueException(RiskHistory.class, "repository", "must not be null", null);
    }
    return new RiskHistory(repository);
  }

  /**
   * Reads {@code revision}'s history in the repository at {@code gitDir} (a bare repository or a
   * {@code .git} folder, or a work tree containing one).
   *
   * @throws VersionControlException if the repository cannot be opened or read
   * @throws InvalidValueException if the revision does not resolve to a commit
   */
  public static List<LandedCommit> read(Path gitDir, String revision) {
    return read(gitDir, revision, MergedCommits.KNOWN_WHEN_MERGED);
  }

  /**
   * Reads {@code revision}'s history as the risk data's CSVs compute it, for parity with them: as
   * {@link #read}, except that a commit of a merged branch is known from its own commit time rather
   * than from its merge, which lets a feature see a branch commit before it landed. Only the parity
   * and features commands use it; everything that scores reads with {@link #read}.
   *
   * @throws VersionControlException if the repository cannot be opened or read
   * @throws InvalidValueException if the revision does not resolve to a commit
   */
  static List<LandedCommit> readAsTheRiskData(Path gitDir, String revision) {
    return read(gitDir, revision, MergedCommits.KNOWN_FROM_COMMIT_TIME);
  }

  private static List<LandedCommit> read(Path gitDir, String revision, MergedCommits merged) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder();
    builder.findGitDir(gitDir.toFile());
    if (builder.getGitDir() == null) {
      builder.setGitDir(gitDir.toFile());
    }
    try (Repository repository = builder.setMustExist(true).build()) {
      return of(repository).pass(revision, merged).landed();
    } catch (IOException e) {
      throw new VersionControlException("cannot open the repository at " + gitDir, e);
    }
  }

  /** When a commit of a merged branch (no row itself, but maybe a revert) becomes known. */
  enum MergedCommits {
    /**
     * When its merge lands on the first-parent line, whatever its own commit time: the features of
     * a commit see only what had landed before it. The default.
     */
    KNOWN_WHEN_MERGED,

    /**
     * From its own commit time, as the risk data's CSVs compute it: a revert committed on a branch
     * counts against the reverted author's later commits before its merge lands (jgit.csv counts
     * 510aed1493, committed on 10 April 2015 and merged on 4 May, for 41c4f9cb2a of 16 April), and
     * a branch commit dated after every later commit of the line is never known. Only for parity
     * with that data.
     */
    KNOWN_FROM_COMMIT_TIME
  }

  /**
   * Every non-merge commit on {@code revision}'s first-parent history, oldest first, with its
   * features and revert outcome; commits within 90 days of {@code revision}'s commit time are
   * marked censored.
   *
   * @throws VersionControlException if the repository cannot be read
   * @throws InvalidValueException if the revision does not resolve to a commit
   */
  List<LandedCommit> landed(String revision) {
    return pass(revision).landed();
  }

  /**
   * {@link #landed} and the state the pass leaves: what is known after {@code revision} landed.
   *
   * @throws VersionControlException if the repository cannot be read
   * @throws InvalidValueException if the revision does not resolve to a commit
   */
  Pass pass(String revision) {
    return pass(revision, MergedCommits.KNOWN_WHEN_MERGED);
  }

  /**
   * {@link #pass(String)}, with the commits of merged branches known as {@code mergedCommits} says.
   */
  Pass pass(String revision, MergedCommits mergedCommits) {
    try (ObjectReader reader = repository.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      ObjectId head = repository.resolve(revision);
      if (head == null) {
        throw new InvalidValueException(
            RiskHistory.class, "revision", "does not resolve to a commit", revision);
      }
      RevCommit tip = walk.parseCommit(head);
      walk.setFirstParent(true);
      walk.markStart(tip);
      List<RevCommit> line = new ArrayList<>();
      for (RevCommit commit : walk) {
        line.add(commit);
      }
      Collections.reverse(line);
      Numstat numstat = new Numstat(reader);
      HistoryState state = new HistoryState();
      List<HistoryState.Commit> commits = new ArrayList<>(line.size());
      List<FeatureVector> features = new ArrayList<>(line.size());
      List<Integer> indexes = new ArrayList<>(line.size());
      boolean whenMerged = mergedCommits == MergedCommits.KNOWN_WHEN_MERGED;
      List<RevCommit> byCommitTime = whenMerged ? List.of() : mergedCommits(reader, tip, line);
      int next = 0;
      try (RevWalk branches = new RevWalk(reader)) {
        Landing landing = new Landing(branches);
        for (RevCommit revCommit : line) {
          // a merge lands its branch's commits: known from the merge on, not from their own dates
          for (RevCommit merged : whenMerged ? landing.land(revCommit) : List.<RevCommit>of()) {
            state.addMerged(commit(merged, null), revCommit.getCommitTime());
            merged.disposeBody();
          }
          if (revCommit.getParentCount() > 1) {
            chainDone(revCommit);
            continue;
          }
          while (next < byCommitTime.size()
              && byCommitTime.get(next).getCommitTime() <= revCommit.getCommitTime()) {
            RevCommit merged = byCommitTime.get(next++);
            state.addMerged(commit(merged, null), merged.getCommitTime());
          }
          if (revCommit.getParentCount() == 1) {
            walk.parseHeaders(revCommit.getParent(0));
          }
          HistoryState.Commit commit = commit(revCommit, numstat);
          List<HistoryState.Revert> reverts = state.resolve(commit);
          boolean isRevert =
              !reverts.isEmpty() || CommitMessages.hasRevertSubject(commit.subject());
          features.add(state.features(commit, isRevert));
          indexes.add(state.add(commit, isRevert, reverts));
          commits.add(commit);
          chainDone(revCommit);
        }
      }
      long horizon = tip.getCommitTime() - HistoryState.WINDOW_SECONDS;
      List<LandedCommit> landed = new ArrayList<>(commits.size());
      for (int i = 0; i < commits.size(); i++) {
        HistoryState.Commit commit = commits.get(i);
        landed.add(
            new LandedCommit(
                commit.sha(),
                commit.authorTime().getEpochSecond(),
                commit.commitTime(),
                HistoryState.authorId(commit.email()),
                features.get(i),
                state.outcome(indexes.get(i)),
                commit.commitTime() > horizon));
      }
      return new Pass(List.copyOf(landed), state);
    } catch (IOException e) {
      throw new VersionControlException("cannot read the history of " + revision, e);
    }
  }

  /**
   * A history pass: the landed commits and the state they leave, which later reads share (the state
   * is not changed after the pass).
   */
  record Pass(List<LandedCommit> landed, HistoryState state) {}

  /**
   * {@code head} as one commit changing {@code files}, landing at {@code commitTime}: its author
   * and message are {@code head}'s.
   */
  static HistoryState.Commit squashed(RevCommit head, long commitTime, List<FileChange> files) {
    HistoryState.Commit commit;
    try {
      commit = commit(head, null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new HistoryState.Commit(
        commit.sha(),
        commit.name(),
        commit.email(),
        commit.authorTime(),
        commit.authorOffset(),
        commitTime,
        commit.subject(),
        commit.body(),
        commit.message(),
        List.copyOf(files));
  }

  /**
   * Which commits each commit of a first-parent line lands, taken in line order (oldest first): a
   * merge lands the non-merge commits of its other parents' history that no earlier commit of the
   * line reached, oldest commit time first; a commit of the line lands nothing else. One pass:
   * every commit of the history is visited once, marked as known in its own walk.
   */
  private static final class Landing {
    private final RevWalk walk;
    private final RevFlag known;

    Landing(RevWalk walk) {
      this.walk = walk;
      this.known = walk.newFlag("known");
    }

    /**
     * The commits off the line that {@code lineCommit} lands; after the call, everything it reaches
     * is known.
     */
    List<RevCommit> land(RevCommit lineCommit) throws IOException {
      RevCommit own = walk.parseCommit(lineCommit);
      List<RevCommit> landed = List.of();
      if (own.getParentCount() > 1) {
        landed = new ArrayList<>();
        ArrayDeque<RevCommit> pending = new ArrayDeque<>();
        for (int p = 1; p < own.getParentCount(); p++) {
          pending.push(own.getParent(p));
        }
        while (!pending.isEmpty()) {
          RevCommit next = pending.pop();
          if (next.has(known)) {
            continue;
          }
          walk.parseHeaders(next);
          next.add(known);
          if (next.getParentCount() <= 1) {
            landed.add(next);
          }
          for (RevCommit parent : next.getParents()) {
            if (!parent.has(known)) {
              pending.push(parent);
            }
          }
        }
        landed.sort(Comparator.comparingInt(RevCommit::getCommitTime));
      }
      // the first parent was the previous commit of the line, so all it reaches is known already
      own.add(known);
      own.disposeBody(); // the line's own walk reads the message
      return landed;
    }
  }

  /**
   * The non-merge commits reachable from {@code tip} off its first-parent {@code line}, oldest
   * commit time first: {@link MergedCommits#KNOWN_FROM_COMMIT_TIME}'s order.
   */
  private static List<RevCommit> mergedCommits(
      ObjectReader reader, RevCommit tip, List<RevCommit> line) throws IOException {
    Set<ObjectId> firstParent = new HashSet<>(line);
    List<RevCommit> merged = new ArrayList<>();
    try (RevWalk all = new RevWalk(reader)) {
      all.markStart(all.parseCommit(tip));
      for (RevCommit commit : all) {
        if (commit.getParentCount() <= 1 && !firstParent.contains(commit)) {
          merged.add(commit);
        }
      }
    }
    merged.sort(Comparator.comparingInt(RevCommit::getCommitTime));
    return merged;
  }

  private static void chainDone(RevCommit commit) {
    // The message is kept in the Commit record; let the walk's copy go.
    commit.disposeBody();
  }

  private static HistoryState.Commit commit(RevCommit commit, @Nullable Numstat numstat)
      throws IOException {
    PersonIdent author = commit.getAuthorIdent();
    String message = commit.getFullMessage();
    String subject = CommitMessages.subject(message);
    return new HistoryState.Commit(
        commit.name(),
        author.getName(),
        author.getEmailAddress().toLowerCase(java.util.Locale.ROOT),
        author.getWhenAsInstant(),
        author.getZoneOffset(),
        commit.getCommitTime(),
        subject,
        CommitMessages.body(message),
        message,
        numstat == null ? List.of() : numstat.files(commit));
  }
}
