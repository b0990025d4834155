package dev.signalbox.git;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeKind;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.Blob;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.spi.ConflictKind;
import dev.signalbox.core.spi.MergeConflict;
import dev.signalbox.core.spi.MergeConflictException;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.core.spi.MergeStep;
import dev.signalbox.core.spi.RefUpdate;
import dev.signalbox.core.spi.TreeRef;
import dev.signalbox.core.spi.UnknownRevisionException;
import dev.signalbox.core.spi.VersionControl;
import dev.signalbox.core.spi.VersionControlException;
import dev.signalbox.git.internal.GitLineCounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate.Result;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.jspecify.annotations.Nullable;

/**
 * The {@link VersionControl} of a git repository on disk, read and written with JGit.
 *
 * <p>Open a repository by its path, bare or not: {@code GitVersionControl.open(Path.of("repo"))},
 * or {@link #builder(Path)} to set who commits and the clock. Reading methods read objects and refs
 * only: the work tree, the index and the refs are never touched, and simulated merges stay in
 * memory (the trees they produce are kept, up to 64 MiB, so that {@link #checkRevert} can name
 * them). Only {@link #writeMerge}, {@link #compareAndSetRef} and {@link #tag} write.
 *
 * <p>Merges follow git's ort merge without its rename detection: a merge this class calls clean has
 * exactly the tree {@code git merge-tree --write-tree} writes, and every conflict git reports is
 * reported; where a rename could change git's result, or the histories have several merge bases, a
 * conservative conflict ({@link ConflictKind#RENAME}, {@link ConflictKind#CRISS_CROSS}) is reported
 * instead. Merge drivers and attributes in {@code .gitattributes} are not applied.
 *
 * <p>Instances are thread-safe. JGit's exceptions never leave this class: a missing object becomes
 * {@link UnknownRevisionException}, any other failure a {@link VersionControlException} with the
 * JGit exception as its cause. {@link #close()} releases the repository's files.
 */
public final class GitVersionControl implements VersionControl, AutoCloseable {
  private static final int SIMULATED_BYTES = 64 << 20;

  /**
   * git's defaults for diffs, never the repository's configuration: a content digest must not
   * depend on a {@code diff.noprefix} someone set, and re-reading the configuration on every call
   * costs more than the diff.
   */
  private static final Config DEFAULTS = new Config();

  /** git diff's default similarity for a rename (JGit's is 60). */
  private static final int GIT_RENAME_SCORE = 50;

  private final Repository repository;
  private final PersonIdent committer;
  private final Clock clock;
  private final SimulatedObjects simulated = new SimulatedObjects(SIMULATED_BYTES);
  private final ReaderPool readers;

  private GitVersionControl(Repository repository, PersonIdent committer, Clock clock) {
    this.repository = repository;
    this.readers = new ReaderPool(repository);
    this.committer = committer;
    this.clock = clock;
  }

  /**
   * Opens the git repository at {@code path}: a work tree with a {@code .git} directory, or a bare
   * repository. Commits and tags are made by {@code Signalbox <signalbox@localhost>} at the system
   * clock's time.
   *
   * @throws VersionControlException if there is no git repository at {@code path}
   * @throws IllegalArgumentException if {@code path} is null
   */
  public static GitVersionControl open(Path path) {
    return builder(path).open();
  }

  /**
   * A builder opening the repository at {@code path}.
   *
   * @throws IllegalArgumentException if {@code path} is null
   */
  public static Builder builder(Path path) {
    return new Builder(required("path", path));
  }

  /** Options for opening a repository; not thread-safe. Each setting may be given once. */
  public static final class Builder {
    private final Path path;
    private @Nullable String name;
    private @Nullable String email;
    private @Nullable Clock clock;

    private Builder(Path path) {
      this.path = path;
    }

    /**
     * Who writes merge commits and tags; {@code Signalbox <signalbox@localhost>} by default.
     *
     * @throws IllegalArgumentException if a value is null or blank, or contains {@code <}, {@code
     *     >} or a line break
     * @throws IllegalStateException if the committer was already set
     */
    public Builder committer(String name, String email) {
      if (this.name != null) {
        throw new IllegalStateException("committer was already set to " + this.name);
      }
      String checkedName = identity("name", name);
      this.email = identity("email", email);
      this.name = checkedName;
      return this;
    }

    /**
     * The clock that dates merge commits and tags; the system clock in UTC by default.
     *
     * @throws IllegalArgumentException if {@code clock} is null
     * @throws IllegalStateException if the clock was already set
     */
    public Builder clock(Clock clock) {
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set to " + this.clock);
      }
      this.clock = required("clock", clock);
      return this;
    }

    /**
     * Opens the repository.
     *
     * @throws VersionControlException if there is no readable git repository at the path
     */
    public GitVersionControl open() {
      FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
      Path dotGit = path.resolve(Constants.DOT_GIT);
      if (Files.isDirectory(dotGit)) {
        builder.setGitDir(dotGit.toFile());
      } else {
        builder.setGitDir(path.toFile()); // bare, or a .git directory itself
      }
      try {
        Repository repository = builder.build();
        if (!repository.getObjectDatabase().exists()) {
          repository.close();
          throw new VersionControlException("no git repository at " + path);
        }
        return new GitVersionControl(
            repository,
            new PersonIdent(
                name == null ? "Signalbox" : name, email == null ? "signalbox@localhost" : email),
            clock == null ? Clock.systemUTC() : clock);
      } catch (RepositoryNotFoundException e) {
        throw new VersionControlException("no git repository at " + path, e);
      } catch (IOException | IllegalArgumentException e) {
        throw new VersionControlException(
            "cannot open the git repository at " + path + ": " + e, e);
      }
    }

    private static String identity(String field, @Nullable String value) {
      if (value == null || value.isBlank() || value.matches("(?s).*[<>\\n\\r\\x00].*")) {
        throw new IllegalArgumentException(
            "committer "
                + field
                + " must be non-blank text without <, > or line breaks, was "
                + InvalidValueException.render(value));
      }
      return value;
    }
  }

  /** Closes the repository's files; later calls fail with a {@link VersionControlException}. */
  @Override
  public void close() {
    readers.close();
    repository.close();
  }

  // ---- change sets, diffs, digests --------------------------------------------------------------

  @Override
  public ChangeSet changes(Revision base, Revision head) {
    required("base", base);
    required("head", head);
    return read(
        reader -> {
          try (RevWalk walk = new RevWalk(reader);
              TreeWalk tree = new TreeWalk(reader)) {
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            tree.addTree(commit(walk, base).getTree());
            tree.addTree(commit(walk, head).getTree());
            RenameDetector renames = new RenameDetector(reader, DEFAULTS.get(DiffConfig.KEY));
            renames.setRenameScore(GIT_RENAME_SCORE);
            renames.addAll(DiffEntry.scan(tree));
            Map<String, FileChange> files = new TreeMap<>();
            for (DiffEntry entry : renames.compute()) {
              FileChange change = fileChange(reader, entry);
              files.merge(change.path().value(), change, GitVersionControl::typeChange);
            }
            return new ChangeSet(List.copyOf(files.values()));
          }
        });
  }

  /**
   * Every path the change from {@code base} to {@code head} touches, at base or at head, in path
   * order: the same set as {@code changes(base, head).touchedPaths()} (a rename touches its old and
   * its new path either way), found by walking only the trees that differ, without reading a file.
   * What ownership and the {@link #blastRadius} need; {@link #changes} also reads and diffs both
   * versions of every file for its line counts.
   *
   * @throws UnknownRevisionException if a revision is not a commit of this repository
   */
  public Set<RepoPath> touchedPaths(Revision base, Revision head) {
    required("base", base);
    required("head", head);
    return read(
        reader -> {
          try (RevWalk walk = new RevWalk(reader)) {
            return touchedPaths(reader, commit(walk, base), commit(walk, head));
          }
        });
  }

  @Override
  public Optional<Revision> mergeBase(Revision a, Revision b) {
    required("a", a);
    required("b", b);
    return read(
        reader -> {
          try (RevWalk walk = new RevWalk(reader)) {
            List<RevCommit> bases = mergeBases(walk, commit(walk, a), commit(walk, b));
            return bases.isEmpty() ? Optional.empty() : Optional.of(revision(bases.get(0)));
          }
        });
  }

  @Override
  public String diff(Revision base, Revision head, int maxBytes) {
    required("base", base);
    required("head", head);
    sizeBound(maxBytes);
    return read(reader -> boundedDiff(reader, base, head, maxBytes).text());
  }

  @Override
  public ChangeSnapshot snapshot(Revision base, Revision head, int maxBytes) {
    required("base", base);
    required("head", head);
    sizeBound(maxBytes);
    return read(
        reader -> {
          BoundedDiff bounded = boundedDiff(reader, base, head, maxBytes);
          String diff = bounded.text();
          boolean truncated = bounded.truncated();
          long budget = maxBytes - (long) diff.getBytes(StandardCharsets.UTF_8).length;
          Map<RepoPath, Blob> files = new LinkedHashMap<>();
          try (RevWalk walk = new RevWalk(reader)) {
            RevCommit headCommit = commit(walk, head);
            for (RepoPath path : touchedPaths(reader, commit(walk, base), headCommit)) {
              Optional<byte[]> content = file(reader, headCommit, path);
              if (content.isEmpty()) {
                continue; // deleted, the old path of a rename, or a submodule: no file to show
              }
              if (content.get().length > budget) {
                truncated = true;
                continue;
              }
              budget -= content.get().length;
              files.put(path, Blob.of(content.get()));
            }
          }
          return new ChangeSnapshot(diff, files, truncated);
        });
  }

  @Override
  public ContentDigest contentDigest(Revision base, Revision head) {
    required("base", base);
    required("head", head);
    return read(
        reader -> {
          try (RevWalk walk = new RevWalk(reader);
              PatchId patchId = new PatchId()) {
            RevCommit from = commit(walk, base);
            RevCommit to = commit(walk, head);
            try (DiffFormatter formatter = formatter(reader, patchId, false)) {
              formatter.format(from.getTree(), to.getTree());
            }
            return ContentDigest.of(patchId.finish());
          }
        });
  }

  // ---- trees and merges
  // ---------------------------------------------------------------------------

  @Override
  public TreeRef tree(Revision commit) {
    required("commit", commit);
    return read(
        reader -> {
          try (RevWalk walk = new RevWalk(reader)) {
            return treeRef(commit(walk, commit).getTree());
          }
        });
  }

  @Override
  public MergeSimulation simulate(Revision base, List<Revision> changesInOrder) {
    required("base", base);
    required("changesInOrder", changesInOrder);
    for (int i = 0; i < changesInOrder.size(); i++) {
      required("changesInOrder[" + i + "]", changesInOrder.get(i));
    }
    return read(
        reader -> {
          try (RevWalk walk = new RevWalk(reader)) {
            ObjectOverlay objects = new ObjectOverlay(reader, simulated);
            RevCommit baseCommit = commit(walk, base);
            Train train = new Train(walk, baseCommit);
            ObjectId tree = baseCommit.getTree().copy();
            List<MergeStep> steps = new ArrayList<>(changesInOrder.size());
            for (Revision change : changesInOrder) {
              RevCommit changeCommit = commit(walk, change);
              MergeStep step =
                  mergeStep(objects, train.mergeBases(changeCommit), tree, changeCommit);
              if (step instanceof MergeStep.Clean clean) {
                tree = ObjectId.fromString(clean.tree().id());
                train.board(changeCommit);
              }
              steps.add(step);
            }
            objects.remember();
            return new MergeSimulation(base, treeRef(baseCommit.getTree()), steps);
          }
        });
  }

  @Override
  public RevertCheck checkRevert(Revision base, Revision head, TreeRef onto) {
    required("base", base);
    required("head", head);
    required("onto", onto);
    return read(
        reader -> {
          try (RevWalk walk = new RevWalk(reader)) {
            ObjectOverlay objects = new ObjectOverlay(reader, simulated);
            if (onto.id().length() != Constants.OBJECT_ID_STRING_LENGTH) {
              throw new UnknownRevisionException(
                  onto.id(), "is not a SHA-1 id, as this repository's are");
            }
            ObjectId ontoTree = ObjectId.fromString(onto.id());
            if (!objects.isTree(ontoTree)) {
              throw new UnknownRevisionException(
                  onto.id(),
                  "is not a tree of this repository or of a simulation on this instance");
            }
            // reverting base..head onto a tree: merge the tree with base, over head
            TreeMerge.Result result =
                TreeMerge.merge(
                    objects, commit(walk, head).getTree(), ontoTree, commit(walk, base).getTree());
            if (result.isClean()) {
              return RevertCheck.clean();
            }
            return new RevertCheck(
                RevertStatus.CONFLICTS,
                result.conflicts().stream().map(MergeConflict::path).distinct().sorted().toList());
          }
        });
  }

  @Override
  public Revision writeMerge(Revision onto, Revision change, String message) {
    required("onto", onto);
    required("change", change);
    required("message", message);
    return write(
        (reader, inserter) -> {
          try (RevWalk walk = new RevWalk(reader)) {
            ObjectOverlay objects = new ObjectOverlay(reader, simulated);
            RevCommit ontoCommit = commit(walk, onto);
            RevCommit changeCommit = commit(walk, change);
            MergeStep step =
                mergeStep(
                    objects,
                    mergeBases(walk, ontoCommit, changeCommit),
                    ontoCommit.getTree(),
                    changeCommit);
            if (step instanceof MergeStep.Conflicting conflicting) {
              throw new MergeConflictException(onto, conflicting);
            }
            objects.writeTo(inserter);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(ObjectId.fromString(((MergeStep.Clean) step).tree().id()));
            commit.setParentIds(ontoCommit, changeCommit);
            PersonIdent now = new PersonIdent(committer, clock.instant(), clock.getZone());
            commit.setAuthor(now);
            commit.setCommitter(now);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return revision(id);
          }
        });
  }

  /**
   * One step of a train: merges {@code change} onto {@code tree} over the merge bases, or reports
   * why it cannot.
   */
  private static MergeStep mergeStep(
      ObjectOverlay objects, List<RevCommit> bases, ObjectId tree, RevCommit change)
      throws IOException {
    Revision revision = revision(change);
    if (bases.size() > 1) {
      List<MergeConflict> conflicts = new ArrayList<>();
      for (RepoPath path :
          TreeMerge.changedPaths(objects, bases.get(0).getTree(), change.getTree())) {
        conflicts.add(new MergeConflict(path, ConflictKind.CRISS_CROSS));
      }
      if (!conflicts.isEmpty()) {
        return new MergeStep.Conflicting(revision, conflicts);
      }
      return new MergeStep.Clean(revision, treeRef(tree));
    }
    // unrelated histories merge over the empty tree, as git merge --allow-unrelated-histories does
    ObjectId baseTree =
        bases.isEmpty() ? objects.put(Constants.OBJ_TREE, new byte[0]) : bases.get(0).getTree();
    TreeMerge.Result result = TreeMerge.merge(objects, baseTree, tree, change.getTree());
    return result.isClean()
        ? new MergeStep.Clean(revision, treeRef(result.tree()))
        : new MergeStep.Conflicting(revision, result.conflicts());
  }

  /**
   * The commits merged so far in a simulated train, for merge bases: the merge bases of a change
   * with the train are those with the base or any boarded change, the best of them.
   */
  private static final class Train {
    private final RevWalk walk;
    private final RevCommit base;
    private final List<RevCommit> boarded = new ArrayList<>();
    private final Set<ObjectId> boardedOwnCommits = new HashSet<>();

    Train(RevWalk walk, RevCommit base) {
      this.walk = walk;
      this.base = base;
    }

    List<RevCommit> mergeBases(RevCommit change) throws IOException {
      List<RevCommit> own = ownCommits(change);
      if (own.stream().noneMatch(boardedOwnCommits::contains)) {
        // it shares no commit with the train beyond the base: the base decides alone
        return GitVersionControl.mergeBases(walk, base, change);
      }
      List<RevCommit> candidates =
          new ArrayList<>(GitVersionControl.mergeBases(walk, base, change));
      for (RevCommit car : boarded) {
        candidates.addAll(GitVersionControl.mergeBases(walk, car, change));
      }
      return best(walk, candidates);
    }

    void board(RevCommit change) throws IOException {
      boarded.add(change);
      for (RevCommit commit : ownCommits(change)) {
        boardedOwnCommits.add(commit.copy());
      }
    }

    /** The commits of {@code change} that the base does not have. */
    private List<RevCommit> ownCommits(RevCommit change) throws IOException {
      walk.reset();
      walk.setRevFilter(RevFilter.ALL);
      walk.markStart(change);
      walk.markUninteresting(base);
      List<RevCommit> own = new ArrayList<>();
      for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
        own.add(commit);
      }
      return own;
    }
  }

  private static List<RevCommit> mergeBases(RevWalk walk, RevCommit a, RevCommit b)
      throws IOException {
    walk.reset();
    walk.setRevFilter(RevFilter.MERGE_BASE);
    walk.markStart(a);
    walk.markStart(b);
    List<RevCommit> bases = new ArrayList<>();
    for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
      bases.add(commit);
    }
    walk.reset();
    walk.setRevFilter(RevFilter.ALL);
    return best(walk, bases);
  }

  /** The candidates that are no ancestor of another candidate, without repeats. */
  private static List<RevCommit> best(RevWalk walk, List<RevCommit> candidates) throws IOException {
    List<RevCommit> distinct = candidates.stream().distinct().toList();
    List<RevCommit> best = new ArrayList<>();
    for (RevCommit candidate : distinct) {
      boolean dominated = false;
      for (RevCommit other : distinct) {
        if (!other.equals(candidate) && walk.isMergedInto(candidate, other)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        best.add(candidate);
      }
    }
    return best;
  }

  // ---- refs
  // -----------------------------------------------------------------------------------------

  @Override
  public Optional<Revision> ref(String name) {
    required("name", name);
    return read(
        reader -> {
          Ref ref = repository.exactRef(name);
          if (ref == null || ref.getObjectId() == null) {
            return Optional.empty();
          }
          try (RevWalk walk = new RevWalk(reader)) {
            RevObject target = walk.peel(walk.parseAny(ref.getObjectId()));
            return target instanceof RevCommit commit
                ? Optional.of(revision(commit))
                : Optional.empty();
          }
        });
  }

  @Override
  public RefUpdate compareAndSetRef(String name, Optional<Revision> expected, Revision next) {
    required("name", name);
    required("expected", expected);
    required("next", next);
    if (!name.startsWith(Constants.R_REFS) || !Repository.isValidRefName(name)) {
      throw new IllegalArgumentException(
          "not a valid ref name under refs/: " + InvalidValueException.render(name));
    }
    return write(
        (reader, inserter) -> {
          try (RevWalk walk = new RevWalk(reader)) {
            RevCommit target = commit(walk, next);
            org.eclipse.jgit.lib.RefUpdate update = repository.updateRef(name);
            update.setExpectedOldObjectId(
                expected
                    .map(revision -> ObjectId.fromString(revision.commit()))
                    .orElse(ObjectId.zeroId()));
            update.setNewObjectId(target);
            update.setForceUpdate(true); // the expected value guards the update, not ancestry
            update.setRefLogMessage("signalbox: compare-and-set", false);
            return refUpdate(name, target, update.update(walk));
          }
        });
  }

  @Override
  public RefUpdate tag(String name, Revision target, String message) {
    required("name", name);
    required("target", target);
    required("message", message);
    String refName = Constants.R_TAGS + name;
    if (!Repository.isValidRefName(refName)) {
      throw new IllegalArgumentException(
          "not a valid tag name: " + InvalidValueException.render(name));
    }
    return write(
        (reader, inserter) -> {
          try (RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = commit(walk, target);
            if (ref(refName).isPresent()) {
              return refUpdate(refName, commit, Result.LOCK_FAILURE);
            }
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(commit);
            tag.setTag(name);
            tag.setTagger(new PersonIdent(committer, clock.instant(), clock.getZone()));
            tag.setMessage(message);
            ObjectId tagId = inserter.insert(tag);
            inserter.flush();
            org.eclipse.jgit.lib.RefUpdate update = repository.updateRef(refName);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setNewObjectId(tagId);
            update.setRefLogMessage("signalbox: tag", false);
            return refUpdate(refName, commit, update.update(walk));
          }
        });
  }

  /** What an update's result means, looking at the ref again when it did not move. */
  private RefUpdate refUpdate(String name, RevCommit target, Result result) throws IOException {
    return switch (result) {
      case NEW, FORCED, FAST_FORWARD -> RefUpdate.MOVED;
      case NO_CHANGE, LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH -> {
        Ref now = repository.exactRef(name);
        if (now != null && now.getObjectId() != null) {
          try (RevWalk walk = new RevWalk(repository)) {
            if (walk.peel(walk.parseAny(now.getObjectId())).equals(target)) {
              yield RefUpdate.ALREADY_AT_TARGET;
            }
          }
        }
        yield RefUpdate.LOST_RACE;
      }
      default -> throw new VersionControlException("cannot update " + name + ": " + result);
    };
  }

  // ---- files
  // ----------------------------------------------------------------------------------------

  @Override
  public Optional<Blob> read(Revision at, RepoPath path) {
    required("at", at);
    required("path", path);
    return read(
        reader -> {
          try (RevWalk walk = new RevWalk(reader)) {
            return file(reader, commit(walk, at), path).map(Blob::of);
          }
        });
  }

  // ---- ownership
  // ------------------------------------------------------------------------------------

  /**
   * The CODEOWNERS file at {@code at}, from the first of {@link CodeOwners#LOCATIONS} that exists
   * there, as GitHub looks it up; {@link CodeOwners#none()} if there is none.
   *
   * @throws UnknownRevisionException if {@code at} is not a commit of this repository
   */
  public CodeOwners codeOwners(Revision at) {
    required("at", at);
    for (String location : CodeOwners.LOCATIONS) {
      Optional<Blob> file = read(at, RepoPath.of(location));
      if (file.isPresent()) {
        return CodeOwners.parse(file.get().bytes());
      }
    }
    return CodeOwners.none();
  }

  /**
   * The blast radius of the change from {@code base} to {@code head}: its {@link #changes} under
   * {@code rules}, with owners from the CODEOWNERS file at {@code base} (the target's, as GitHub
   * uses for a pull request).
   *
   * @throws UnknownRevisionException if a revision is not a commit of this repository
   */
  public BlastRadius blastRadius(Revision base, Revision head, BlastRadiusRules rules) {
    required("rules", rules);
    return rules.blastRadius(touchedPaths(base, head), codeOwners(base));
  }

  /** The paths where the trees of {@code base} and {@code head} differ, files only, sorted. */
  private static Set<RepoPath> touchedPaths(ObjectReader reader, RevCommit base, RevCommit head)
      throws IOException {
    try (TreeWalk tree = new TreeWalk(reader)) {
      tree.setRecursive(true);
      tree.setFilter(TreeFilter.ANY_DIFF);
      tree.addTree(base.getTree());
      tree.addTree(head.getTree());
      Set<RepoPath> paths = new TreeSet<>();
      while (tree.next()) {
        paths.add(repoPath(tree.getPathString()));
      }
      return Collections.unmodifiableSet(paths);
    }
  }

  /** The content of the file (not directory or submodule) at {@code path} in {@code commit}. */
  private static Optional<byte[]> file(ObjectReader reader, RevCommit commit, RepoPath path)
      throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(reader, path.value(), commit.getTree())) {
      if (walk == null) {
        return Optional.empty();
      }
      int type = walk.getFileMode(0).getObjectType();
      if (type != Constants.OBJ_BLOB) {
        return Optional.empty();
      }
      return Optional.of(
          reader
              .open(walk.getObjectId(0), Constants.OBJ_BLOB)
              .getCachedBytes(ObjectOverlay.BIG_FILE_THRESHOLD));
    }
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------

  /** A diff and whether it was cut short. */
  private record BoundedDiff(String text, boolean truncated) {}

  /**
   * The diff, cut at a line end to fit {@code maxBytes} of UTF-8 with the marker saying so. Bytes
   * that are not UTF-8 are decoded as U+FFFD first, so that the bound holds for the text returned.
   */
  private BoundedDiff boundedDiff(ObjectReader reader, Revision base, Revision head, int maxBytes)
      throws IOException {
    try (RevWalk walk = new RevWalk(reader)) {
      RevCommit from = commit(walk, base);
      RevCommit to = commit(walk, head);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (DiffFormatter formatter = formatter(reader, out, true)) {
        formatter.format(from.getTree(), to.getTree());
      }
      String whole = out.toString(StandardCharsets.UTF_8);
      byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
      if (bytes.length <= maxBytes) {
        return new BoundedDiff(whole, false);
      }
      String marker =
          "[signalbox: diff truncated, " + bytes.length + " bytes in all; showing the first ";
      int cut = maxBytes - marker.length() - 20 - " bytes]\n".length();
      while (cut > 0 && bytes[cut - 1] != '\n') {
        cut--;
      }
      return new BoundedDiff(
          new String(bytes, 0, cut, StandardCharsets.UTF_8) + marker + cut + " bytes]\n", true);
    }
  }

  private DiffFormatter formatter(ObjectReader reader, OutputStream out, boolean renames) {
    DiffFormatter formatter = new DiffFormatter(out);
    formatter.setReader(reader, DEFAULTS);
    formatter.setDiffAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.MYERS));
    formatter.setDiffComparator(RawTextComparator.DEFAULT);
    formatter.setDetectRenames(renames);
    if (renames) {
      formatter.getRenameDetector().setRenameScore(GIT_RENAME_SCORE);
    }
    formatter.setAbbreviationLength(Constants.OBJECT_ID_STRING_LENGTH);
    return formatter;
  }

  private FileChange fileChange(ObjectReader reader, DiffEntry entry) throws IOException {
    ChangeKind kind =
        switch (entry.getChangeType()) {
          case ADD -> ChangeKind.ADDED;
          case MODIFY -> ChangeKind.MODIFIED;
          case DELETE -> ChangeKind.DELETED;
          case RENAME -> ChangeKind.RENAMED;
          case COPY -> ChangeKind.COPIED;
        };
    String path = kind == ChangeKind.DELETED ? entry.getOldPath() : entry.getNewPath();
    Optional<RepoPath> oldPath =
        kind == ChangeKind.RENAMED || kind == ChangeKind.COPIED
            ? Optional.of(repoPath(entry.getOldPath()))
            : Optional.empty();
    boolean sameContent = entry.getOldId().equals(entry.getNewId()); // a mode change only
    byte[] before = content(reader, entry.getOldMode(), entry.getOldId().toObjectId());
    byte[] after =
        sameContent && entry.getOldMode().getObjectType() == entry.getNewMode().getObjectType()
            ? before
            : content(reader, entry.getNewMode(), entry.getNewId().toObjectId());
    if (before == null
        || after == null
        || TextMerge.isBinary(before)
        || TextMerge.isBinary(after)) {
      boolean submodule =
          entry.getOldMode() == FileMode.GITLINK || entry.getNewMode() == FileMode.GITLINK;
      return new FileChange(repoPath(path), oldPath, kind, 0, 0, !submodule);
    }
    GitLineCounts.Counts counts =
        sameContent ? GitLineCounts.Counts.NONE : GitLineCounts.count(before, after);
    return new FileChange(repoPath(path), oldPath, kind, counts.added(), counts.deleted(), false);
  }

  /** The content of a side of a diff entry: empty if absent, null if a submodule or too big. */
  private static byte @Nullable [] content(ObjectReader reader, FileMode mode, ObjectId id)
      throws IOException {
    if (mode == FileMode.MISSING) {
      return new byte[0];
    }
    if (mode.getObjectType() != Constants.OBJ_BLOB) {
      return null;
    }
    try {
      return reader.open(id, Constants.OBJ_BLOB).getCachedBytes(ObjectOverlay.BIG_FILE_THRESHOLD);
    } catch (LargeObjectException e) {
      return null;
    }
  }

  /**
   * A path whose type changed (file to symlink) is listed by JGit as a deletion and an addition.
   */
  private static FileChange typeChange(FileChange first, FileChange second) {
    FileChange deleted = first.kind() == ChangeKind.DELETED ? first : second;
    FileChange added = first.kind() == ChangeKind.DELETED ? second : first;
    boolean binary = deleted.binary() || added.binary();
    return new FileChange(
        added.path(),
        Optional.empty(),
        ChangeKind.MODIFIED,
        binary ? 0 : added.linesAdded(),
        binary ? 0 : deleted.linesRemoved(),
        binary);
  }

  private static RepoPath repoPath(String path) {
    return TreeMerge.named(path);
  }

  private static RevCommit commit(RevWalk walk, Revision revision) throws IOException {
    if (revision.commit().length() != Constants.OBJECT_ID_STRING_LENGTH) {
      throw new UnknownRevisionException(
          revision.commit(), "is not a SHA-1 id, as this repository's are");
    }
    try {
      return walk.parseCommit(ObjectId.fromString(revision.commit()));
    } catch (MissingObjectException e) {
      throw new UnknownRevisionException(revision.commit(), "is not in the repository");
    } catch (IncorrectObjectTypeException e) {
      throw new UnknownRevisionException(revision.commit(), "is not a commit");
    }
  }

  private static Revision revision(ObjectId id) {
    return Revision.of(id.name());
  }

  private static TreeRef treeRef(@Nullable ObjectId id) {
    return TreeRef.of(java.util.Objects.requireNonNull(id).name());
  }

  private static void sizeBound(int maxBytes) {
    if (maxBytes < MIN_SIZE_BOUND) {
      throw new IllegalArgumentException(
          "maxBytes must be >= " + MIN_SIZE_BOUND + ", was " + maxBytes);
    }
  }

  private static <T> T required(String name, @Nullable T argument) {
    if (argument == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return argument;
  }

  @FunctionalInterface
  private interface Reading<T> {
    T apply(ObjectReader reader) throws IOException;
  }

  @FunctionalInterface
  private interface Writing<T> {
    T apply(ObjectReader reader, ObjectInserter inserter) throws IOException;
  }

  private <T> T read(Reading<T> body) {
    ObjectReader reader = readers.borrow();
    boolean reusable = false;
    try {
      T result = body.apply(reader);
      reusable = true;
      return result;
    } catch (MissingObjectException e) {
      reusable = true;
      throw new UnknownRevisionException(e.getObjectId().name(), "is missing from the repository");
    } catch (dev.signalbox.core.SignalboxException e) {
      reusable = true; // an unknown revision or a refused value: the reader is fine
      throw e;
    } catch (IOException | RuntimeException e) {
      throw translate(e);
    } finally {
      if (reusable) {
        readers.release(reader);
      } else {
        reader.close(); // whatever state a failure left it in, no later call sees it
      }
    }
  }

  private <T> T write(Writing<T> body) {
    readers.checkOpen();
    try (ObjectInserter inserter = repository.newObjectInserter();
        ObjectReader reader = inserter.newReader()) {
      return body.apply(reader, inserter);
    } catch (MissingObjectException e) {
      throw new UnknownRevisionException(e.getObjectId().name(), "is missing from the repository");
    } catch (IOException | RuntimeException e) {
      throw translate(e);
    }
  }

  /** Passes Signalbox's own exceptions on; wraps JGit's and the platform's. */
  private RuntimeException translate(Exception e) {
    if (e instanceof dev.signalbox.core.SignalboxException signalbox) {
      return signalbox;
    }
    return new VersionControlException("git repository " + repository.getDirectory() + ": " + e, e);
  }

  @Override
  public String toString() {
    return "GitVersionControl[" + repository.getDirectory() + "]";
  }
}
