package dev.signalbox.git.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.risk.ModelCard;
import dev.signalbox.core.risk.ModelRiskScorer;
import dev.signalbox.core.risk.PercentileTable;
import dev.signalbox.core.risk.RiskModel;
import dev.signalbox.core.spi.VersionControlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Scores changes in a git repository with a {@link RiskModel}: the features of a change come from
 * the repository's history as {@link RiskHistory} computes them, with only what was known at the
 * change's base, and the change's {@link ChangeRisk#percentile() percentile} ranks it among the
 * repository's own history — every non-merge commit on the base's first-parent history, each scored
 * with what was known when it landed.
 *
 * <p>{@link #score} reads the base's whole first-parent history (one pass, kept for the few most
 * recently used bases), so its first call on a base costs about what {@link RiskHistory#read}
 * costs; {@link #history} scores every commit of a history in that one pass. Reads only: nothing is
 * written into the repository. Thread-safe: each call opens the repository anew.
 */
public final class GitRiskScorer {
  private final Path gitDir;
  private final RiskModel model;

  /** The number of bases whose history {@link #score} keeps. */
  static final int CACHED_BASES = 4;

  private final Map<String, Known> cache =
      new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
          return size() > CACHED_BASES;
        }
      };

  private GitRiskScorer(Path gitDir, RiskModel model) {
    this.gitDir = gitDir;
    this.model = model;
  }

  /**
   * A scorer of the changes in the repository at {@code gitDir} (a bare repository, a {@code .git}
   * folder, or a work tree containing one) with {@code model}.
   *
   * @throws InvalidValueException if an argument is null
   */
  public static GitRiskScorer create(Path gitDir, RiskModel model) {
    present("gitDir", gitDir);
    present("model", model);
    return new GitRiskScorer(gitDir, model);
  }

  /** A scorer of the changes in the repository at {@code gitDir} with the default model. */
  public static GitRiskScorer create(Path gitDir) {
    return create(gitDir, ModelCard.defaults().model());
  }

  /**
   * The risk of the change {@code base..head} as if it landed on {@code base} as one commit, with
   * {@code head}'s author and message, landing at the later of both commit times: its features from
   * {@code base}'s first-parent history and the change's own diff, from the merge base of {@code
   * base} and {@code head} to {@code head} (a change forked before {@code base} is scored as if
   * rebased onto it); its percentile among that history's landed changes.
   *
   * <p>A read: nothing is written into the repository. The history known at a base is kept for the
   * {@value #CACHED_BASES} most recently used bases, so scoring several changes against one base
   * reads its history once.
   *
   * @throws InvalidValueException if an argument is null, a revision is not a commit here, or
   *     {@code head} shares no history with {@code base}
   * @throws VersionControlException if the repository cannot be read
   */
  public ChangeRisk score(Revision base, Revision head) {
    present("base", base);
    present("head", head);
    try (Repository repository = open();
        RevWalk walk = new RevWalk(repository)) {
      RevCommit from = commit(repository, walk, base, "base");
      RevCommit to = commit(repository, walk, head, "head");
      RevCommit fork = mergeBase(walk, from, to, head);
      Known known = known(repository, from);
      List<FileChange> files;
      try (ObjectReader reader = repository.newObjectReader()) {
        walk.parseBody(to);
        files = new Numstat(reader).files(fork.getTree(), to.getTree());
      }
      HistoryState.Commit change =
          RiskHistory.squashed(to, Math.max(from.getCommitTime(), to.getCommitTime()), files);
      HistoryState state = known.pass().state();
      boolean isRevert =
          !state.resolve(change).isEmpty() || CommitMessages.hasRevertSubject(change.subject());
      return known.scorer().score(state.features(change, isRevert));
    } catch (IOException e) {
      throw new VersionControlException("cannot read the repository at " + gitDir, e);
    }
  }

  /** The history known at {@code base}, read once per base among the recently used ones. */
  private Known known(Repository repository, RevCommit base) {
    String sha = base.name();
    synchronized (cache) {
      Known known = cache.get(sha);
      if (known != null) {
        return known;
      }
    }
    RiskHistory.Pass pass = RiskHistory.of(repository).pass(sha);
    List<FeatureVector> landed = new ArrayList<>(pass.landed().size());
    for (LandedCommit commit : pass.landed()) {
      landed.add(commit.features());
    }
    Known known =
        new Known(
            pass,
            ModelRiskScorer.create(
                model,
                PercentileTable.of(model, landed),
                "the "
                    + landed.size()
                    + " landed changes of the repository at "
                    + gitDir
                    + " up to "
                    + sha));
    synchronized (cache) {
      cache.put(sha, known);
    }
    return known;
  }

  /** A base's history pass and the scorer ranking against its landed changes. */
  private record Known(RiskHistory.Pass pass, ModelRiskScorer scorer) {}

  private static RevCommit mergeBase(RevWalk walk, RevCommit base, RevCommit head, Revision field)
      throws IOException {
    walk.reset();
    walk.setRevFilter(RevFilter.MERGE_BASE);
    walk.markStart(base);
    walk.markStart(head);
    RevCommit fork = walk.next();
    walk.reset();
    walk.setRevFilter(RevFilter.ALL);
    if (fork == null) {
      throw new InvalidValueException(
          GitRiskScorer.class,
          "head",
          "shares no history with base " + base.name(),
          field.commit());
    }
    walk.parseHeaders(fork);
    return fork;
  }

  private Repository open() throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder();
    builder.findGitDir(gitDir.toFile());
    if (builder.getGitDir() == null) {
      builder.setGitDir(gitDir.toFile());
    }
    return builder.setMustExist(true).build();
  }

  /**
   * The calibrated probability of every non-merge commit on {@code revision}'s first-parent
   * history, oldest first, each scored with only what was known when it landed: one pass over the
   * history.
   *
   * @throws InvalidValueException if the revision does not resolve to a commit
   * @throws VersionControlException if the repository cannot be read
   */
  public List<ScoredCommit> history(String revision) {
    present("revision", revision);
    List<LandedCommit> history = RiskHistory.read(gitDir, revision);
    List<ScoredCommit> scored = new ArrayList<>(history.size());
    for (LandedCommit commit : history) {
      scored.add(new ScoredCommit(commit.sha(), model.probability(commit.features())));
    }
    return List.copyOf(scored);
  }

  /**
   * A landed commit and its calibrated probability of being reverted within 90 days.
   *
   * @param sha the commit id
   * @param probability the calibrated probability, within [0, 1]
   */
  public record ScoredCommit(String sha, double probability) {
    /** Checks the fields. */
    public ScoredCommit {
      if (sha == null || sha.isBlank()) {
        throw new InvalidValueException(ScoredCommit.class, "sha", "must not be blank", sha);
      }
      if (!(probability >= 0 && probability <= 1)) {
        throw new InvalidValueException(
            ScoredCommit.class, "probability", "must be within [0, 1]", probability);
      }
    }
  }

  private static void present(String field, @Nullable Object value) {
    if (value == null) {
      throw new InvalidValueException(GitRiskScorer.class, field, "must not be null", null);
    }
  }

  private static RevCommit commit(
      Repository repository, RevWalk walk, Revision revision, String field) throws IOException {
    ObjectId id = repository.resolve(revision.commit());
    try {
      if (id != null) {
        return walk.parseCommit(id);
      }
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      throw notACommit(field, revision, e);
    }
    throw notACommit(field, revision, null);
  }

  private static InvalidValueException notACommit(
      String field, Revision revision, @Nullable Exception cause) {
    InvalidValueException e =
        new InvalidValueException(
            GitRiskScorer.class, field, "is not a commit of the repository", revision.commit());
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }
}
