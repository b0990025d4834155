package dev.signalbox.git.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.spi.VersionControlException;
import java.io.IOException;
import java.nio.file.Path;
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
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A repository's first-parent history as risk data: every non-merge commit, oldest first, with the
 * features known when it landed and whether a later commit reverted it.
 *
 * <p>One pass over the history with incremental state — per-path, per-author and revert indexes —
 * so the cost grows with the history's diffs, not with its length squared. Works on partial clones:
 * a blob missing from the object store counts as a binary file. Thread-safe: each call opens its
 * own reader.
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
    FileRepositoryBuilder builder = new FileRepositoryBuilder();
    builder.findGitDir(gitDir.toFile());
    if (builder.getGitDir() == null) {
      builder.setGitDir(gitDir.toFile());
    }
    try (Repository repository = builder.setMustExist(true).build()) {
      return of(repository).landed(revision);
    } catch (IOException e) {
      throw new VersionControlException("cannot open the repository at " + gitDir, e);
    }
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
      List<RevCommit> chain = new ArrayList<>();
      for (RevCommit commit : walk) {
        if (commit.getParentCount() <= 1) {
          chain.add(commit);
        }
      }
      Collections.reverse(chain);
      List<RevCommit> merged = mergedCommits(reader, tip, chain);
      int next = 0;
      Numstat numstat = new Numstat(reader);
      HistoryState state = new HistoryState();
      List<HistoryState.Commit> commits = new ArrayList<>(chain.size());
      List<FeatureVector> features = new ArrayList<>(chain.size());
      List<Integer> indexes = new ArrayList<>(chain.size());
      for (RevCommit revCommit : chain) {
        if (revCommit.getParentCount() == 1) {
          walk.parseHeaders(revCommit.getParent(0));
        }
        while (next < merged.size()
            && merged.get(next).getCommitTime() <= revCommit.getCommitTime()) {
          state.addMerged(commit(merged.get(next++), null));
        }
        HistoryState.Commit commit = commit(revCommit, numstat);
        List<HistoryState.Revert> reverts = state.resolve(commit);
        boolean isRevert = !reverts.isEmpty() || CommitMessages.hasRevertSubject(commit.subject());
        features.add(state.features(commit, isRevert));
        indexes.add(state.add(commit, isRevert, reverts));
        commits.add(commit);
        chainDone(revCommit);
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
   * The non-merge commits reachable from {@code tip} off its first-parent line, oldest commit time
   * first: a revert may land on a branch that is merged later.
   */
  private static List<RevCommit> mergedCommits(
      ObjectReader reader, RevCommit tip, List<RevCommit> chain) throws IOException {
    Set<ObjectId> firstParent = new HashSet<>(chain);
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
