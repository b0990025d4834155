package dev.signalbox.git.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.risk.ModelCard;
import dev.signalbox.core.risk.ModelRiskScorer;
import dev.signalbox.core.risk.PercentileTable;
import dev.signalbox.core.risk.RiskModel;
import dev.signalbox.core.spi.RiskScore;
import dev.signalbox.core.spi.VersionControlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Scores changes in a git repository with a {@link RiskModel}: the features of a change come from
 * the repository's history as {@link RiskHistory} computes them, with only what was known at the
 * change's base, and the change is ranked among the landed changes of that history.
 *
 * <p>{@link #score} reads the base's whole first-parent history (one pass), so it costs about what
 * {@link RiskHistory#read} costs; {@link #history} scores every commit of a history in that one
 * pass. Thread-safe: each call opens the repository anew.
 */
public final class GitRiskScorer {
  private final Path gitDir;
  private final RiskModel model;

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
   * {@code head}'s author, date and message: its features from {@code base}'s first-parent history
   * and the change's diff, its percentile among that history's landed changes.
   *
   * <p>To reuse {@link RiskHistory}, it writes the squashed commit (no ref) into the repository's
   * object database, as {@code git commit-tree} would; a later {@code git gc} removes it.
   *
   * @throws InvalidValueException if an argument is null or a revision is not a commit here
   * @throws VersionControlException if the repository cannot be read or written
   */
  public RiskScore score(Revision base, Revision head) {
    present("base", base);
    present("head", head);
    ObjectId squashed = squash(base, head);
    List<LandedCommit> history = RiskHistory.read(gitDir, squashed.name());
    LandedCommit change = history.get(history.size() - 1);
    List<FeatureVector> landed = new ArrayList<>(history.size() - 1);
    for (LandedCommit commit : history.subList(0, history.size() - 1)) {
      landed.add(commit.features());
    }
    return ModelRiskScorer.create(model, PercentileTable.of(model, landed))
        .score(change.features());
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

  private ObjectId squash(Revision base, Revision head) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder();
    builder.findGitDir(gitDir.toFile());
    if (builder.getGitDir() == null) {
      builder.setGitDir(gitDir.toFile());
    }
    try (Repository repository = builder.setMustExist(true).build();
        RevWalk walk = new RevWalk(repository);
        ObjectInserter inserter = repository.newObjectInserter()) {
      RevCommit from = commit(repository, walk, base, "base");
      RevCommit to = commit(repository, walk, head, "head");
      CommitBuilder squashed = new CommitBuilder();
      squashed.setTreeId(to.getTree());
      squashed.setParentId(from);
      squashed.setAuthor(to.getAuthorIdent());
      squashed.setCommitter(to.getCommitterIdent());
      squashed.setMessage(to.getFullMessage());
      ObjectId id = inserter.insert(squashed);
      inserter.flush();
      return id;
    } catch (IOException e) {
      throw new VersionControlException("cannot write the squashed change into " + gitDir, e);
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
