package dev.signalbox.git.risk;

import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.FeatureVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a first-parent history has taught so far, updated one landed commit at a time: per path, per
 * author, and the indexes a revert resolves its target through. Features of a commit are read from
 * the state before the commit is added, so each sees only what was known when it landed.
 *
 * <p>Not thread-safe.
 */
final class HistoryState {
  static final long WINDOW_SECONDS = 90L * 24 * 60 * 60;
  private static final int MAX_DEV_PATHS = 500;
  private static final double DAY = 86_400.0;

  /** What the history knows of one path. */
  private static final class PathRecord {
    int changes;
    long lastTime;
    final Set<String> authors = new HashSet<>(4);
    int reverts;
  }

  /** What the history knows of one author. */
  private static final class AuthorRecord {
    int commits;

    /** When the reverts of the author's commits landed, one per revert. */
    final List<Long> reverts = new ArrayList<>(2);

    /**
     * The reverts of the author's commits that landed strictly before {@code time}; commit times
     * need not grow along the history, so each is compared.
     */
    int revertedBefore(long time) {
      int count = 0;
      for (long at : reverts) {
        if (at < time) {
          count++;
        }
      }
      return count;
    }
  }

  /** A commit as the state remembers it. */
  private record Seen(
      String sha,
      String email,
      long commitTime,
      String subject,
      String normalSubject,
      boolean landed) {}

  private final Map<String, PathRecord> paths = new HashMap<>();
  private final Map<String, AuthorRecord> authors = new HashMap<>();
  private final List<Seen> seen = new ArrayList<>();
  private final TreeMap<String, Integer> bySha = new TreeMap<>();
  private final Map<String, Integer> bySubject = new HashMap<>();
  private final Map<String, Integer> byDiff = new HashMap<>();
  private final Map<String, Integer> byPullRequest = new HashMap<>();
  private final Map<String, Integer> byIssue = new HashMap<>();
  private final Map<String, Integer> byChangelist = new HashMap<>();
  private final List<@Nullable RevertEvent> firstRevert = new ArrayList<>();

  /** What a revert resolved to: the index of the commit it reverts, and how it named it. */
  record Revert(int index, RevertKind kind) {}

  /** The first revert of a commit: its id, commit time and how it named the commit. */
  private record RevertEvent(String sha, long commitTime, RevertKind kind) {}

  /** One commit's facts, as read from git. */
  record Commit(
      String sha,
      String name,
      String email,
      Instant authorTime,
      ZoneOffset authorOffset,
      long commitTime,
      String subject,
      String body,
      String message,
      List<FileChange> files) {}

  /** The features of {@code commit} from what is known now; does not change the state. */
  FeatureVector features(Commit commit, boolean isRevert) {
    double[] v = new double[ChangeFeature.values().length];
    List<FileChange> files = commit.files();
    long added = 0;
    long deleted = 0;
    int binary = 0;
    Set<String> dirs = new HashSet<>();
    Set<String> subsystems = new HashSet<>();
    boolean tests = false;
    boolean build = false;
    boolean deps = false;
    boolean migrations = false;
    boolean config = false;
    boolean testOnly = !files.isEmpty();
    boolean docsOnly = !files.isEmpty();
    int newFiles = 0;
    long priorChanges = 0;
    Set<String> devs = new HashSet<>();
    double ageSum = 0;
    int aged = 0;
    long reverts = 0;
    long time = commit.commitTime();
    int index = 0;
    for (FileChange file : files) {
      String path = file.path();
      added += file.added();
      deleted += file.deleted();
      if (file.binary()) {
        binary++;
      }
      dirs.add(PathKinds.directory(path));
      subsystems.add(PathKinds.subsystem(path));
      boolean test = PathKinds.isTest(path);
      tests |= test;
      testOnly &= test;
      build |= PathKinds.isBuild(path);
      deps |= PathKinds.isDependencies(path);
      migrations |= PathKinds.isMigration(path);
      config |= PathKinds.isConfig(path);
      docsOnly &= PathKinds.isDoc(path);
      PathRecord record = paths.get(path);
      if (record == null) {
        newFiles++;
      } else {
        priorChanges += record.changes;
        if (index < MAX_DEV_PATHS) {
          devs.addAll(record.authors);
        }
        ageSum += (time - record.lastTime) / DAY;
        aged++;
        reverts += record.reverts;
      }
      index++;
    }
    v[ChangeFeature.IS_BOT.index()] = flag(CommitMessages.isBot(commit.name(), commit.email()));
    v[ChangeFeature.FILES_CHANGED.index()] = files.size();
    v[ChangeFeature.LINES_ADDED.index()] = added;
    v[ChangeFeature.LINES_DELETED.index()] = deleted;
    v[ChangeFeature.BINARY_FILES.index()] = binary;
    v[ChangeFeature.DIRS_TOUCHED.index()] = dirs.size();
    v[ChangeFeature.SUBSYSTEMS.index()] = subsystems.size();
    v[ChangeFeature.ENTROPY.index()] = entropy(files);
    v[ChangeFeature.TOUCHES_TESTS.index()] = flag(tests);
    v[ChangeFeature.TOUCHES_BUILD.index()] = flag(build);
    v[ChangeFeature.TOUCHES_DEPS.index()] = flag(deps);
    v[ChangeFeature.TOUCHES_MIGRATIONS.index()] = flag(migrations);
    v[ChangeFeature.TOUCHES_CONFIG.index()] = flag(config);
    v[ChangeFeature.TEST_ONLY.index()] = flag(testOnly);
    v[ChangeFeature.DOCS_ONLY.index()] = flag(docsOnly);
    v[ChangeFeature.NEW_FILES.index()] = newFiles;
    v[ChangeFeature.FILE_PRIOR_CHANGES.index()] = priorChanges;
    v[ChangeFeature.FILE_PRIOR_DEVS.index()] = devs.size();
    v[ChangeFeature.FILE_AGE_DAYS_MEAN.index()] = aged == 0 ? -1 : round(ageSum / aged, 2);
    v[ChangeFeature.FILE_PRIOR_REVERTS.index()] = reverts;
    AuthorRecord author = authors.get(commit.email());
    v[ChangeFeature.AUTHOR_PRIOR_COMMITS.index()] = author == null ? 0 : author.commits;
    v[ChangeFeature.AUTHOR_PRIOR_REVERTED.index()] =
        author == null ? 0 : author.revertedBefore(commit.commitTime());
    OffsetDateTime local = commit.authorTime().atOffset(commit.authorOffset());
    v[ChangeFeature.HOUR_LOCAL.index()] = local.getHour();
    v[ChangeFeature.WEEKDAY.index()] = local.getDayOfWeek().getValue() - 1;
    v[ChangeFeature.IS_FIX.index()] = flag(CommitMessages.isFix(commit.subject()));
    v[ChangeFeature.IS_RELAND.index()] = flag(CommitMessages.isReland(commit.subject()));
    v[ChangeFeature.MSG_LEN.index()] = CommitMessages.length(commit.subject(), commit.body());
    v[ChangeFeature.IS_REVERT.index()] = flag(isRevert);
    return FeatureVector.of(v);
  }

  /**
   * The earlier commits {@code commit} reverts; empty if it resolves as no revert. Every commit id
   * the message names counts (a revert may undo several); otherwise the first form that resolves.
   */
  List<Revert> resolve(Commit commit) {
    List<Revert> reverts = new ArrayList<>(1);
    for (CommitMessages.Reference reference :
        CommitMessages.references(commit.subject(), commit.body())) {
      if (!reverts.isEmpty() && reference.kind() != RevertKind.SHA) {
        break;
      }
      Integer target = lookUp(reference);
      // A commit of a merged branch is no row of the risk data: naming it reverts nothing.
      if (target != null && seen.get(target).landed()) {
        reverts.add(new Revert(target, reference.kind()));
      }
    }
    return reverts;
  }

  private @Nullable Integer lookUp(CommitMessages.Reference reference) {
    String key = reference.key();
    return switch (reference.kind()) {
      case SHA -> bySha(key);
      case SUBJECT, DESCRIPTION -> bySubject(key);
      case META_DIFF -> byDiff.get(key);
      case PR -> byPullRequest.get(key);
      case ISSUE -> byIssue.get(key);
      case CHANGELIST -> byChangelist.get(key);
    };
  }

  private @Nullable Integer bySha(String hex) {
    if (hex.length() == 40) {
      return bySha.get(hex);
    }
    var entry = bySha.ceilingEntry(hex);
    if (entry == null || !entry.getKey().startsWith(hex)) {
      return null;
    }
    var next = bySha.higherEntry(entry.getKey());
    if (next != null && next.getKey().startsWith(hex)) {
      return null; // ambiguous abbreviation
    }
    return entry.getValue();
  }

  private @Nullable Integer bySubject(String quoted) {
    String subject = CommitMessages.normalSubject(quoted);
    Integer exact = bySubject.get(subject);
    if (exact != null) {
      return exact;
    }
    String prefix = null;
    if (subject.endsWith("…")) {
      prefix = subject.substring(0, subject.length() - 1);
    } else if (subject.endsWith("...")) {
      prefix = subject.substring(0, subject.length() - 3);
    }
    if (prefix == null || prefix.isBlank()) {
      return null;
    }
    for (int i = seen.size() - 1; i >= 0; i--) {
      if (seen.get(i).normalSubject().startsWith(prefix)) {
        return i;
      }
    }
    return null;
  }

  /**
   * Adds {@code commit} (whose features were already read) to the state; {@code reverts} are what
   * it reverts, if anything.
   */
  int add(Commit commit, boolean isRevert, List<Revert> reverts) {
    int index = remember(commit, true);
    long time = commit.commitTime();
    for (FileChange file : commit.files()) {
      PathRecord record = paths.computeIfAbsent(file.path(), p -> new PathRecord());
      record.changes++;
      record.lastTime = time;
      record.authors.add(commit.email());
      if (isRevert) {
        record.reverts++;
      }
    }
    authors.computeIfAbsent(commit.email(), e -> new AuthorRecord()).commits++;
    for (Revert revert : reverts) {
      reverted(revert, commit, time);
    }
    return index;
  }

  private int remember(Commit commit, boolean landed) {
    int index = seen.size();
    String normal = CommitMessages.normalSubject(commit.subject());
    seen.add(
        new Seen(
            commit.sha(), commit.email(), commit.commitTime(), commit.subject(), normal, landed));
    firstRevert.add(null);
    bySha.put(commit.sha(), index);
    bySubject.put(normal, index);
    CommitMessages.differentialRevision(commit.message())
        .ifPresent(d -> byDiff.putIfAbsent(d, index));
    CommitMessages.pullRequest(commit.subject()).ifPresent(pr -> byPullRequest.put(pr, index));
    for (String key : CommitMessages.issueKeys(commit.subject())) {
      byIssue.put(key, index);
    }
    CommitMessages.piperRevision(commit.message()).ifPresent(cl -> byChangelist.put(cl, index));
    return index;
  }

  /**
   * Takes note of a commit off the first-parent line (on a merged branch) that may revert a landed
   * commit; it adds nothing else to the state. Such a commit can be named by a later revert (and so
   * shadow an older landed commit of the same subject), but it is no row of the risk data: a revert
   * that names it reverts nothing.
   */
  void addMerged(Commit commit, long landedAt) {
    List<Revert> reverts = resolve(commit);
    remember(commit, false);
    for (Revert revert : reverts) {
      reverted(revert, commit, landedAt);
    }
  }

  /**
   * Notes that {@code by} reverts the commit {@code revert} names; {@code by} landed at {@code
   * landedAt} (its own commit time on the first-parent line, its merge's off it), from which on it
   * counts against the reverted commit's author. The label keeps the revert's own commit time.
   */
  private void reverted(Revert revert, Commit by, long landedAt) {
    int target = revert.index();
    if (firstRevert.get(target) == null) {
      firstRevert.set(target, new RevertEvent(by.sha(), by.commitTime(), revert.kind()));
    }
    // Every revert counts against the author, a second one of the same commit too (as in the risk
    // data: folly 8bfe87c401 counts b09dfe2d9b twice, reverted and then named by a back-out).
    // Only a revert that landed strictly earlier counts for a later commit: one landing in the same
    // second does not (folly 7a18d18231 and 436e7fd699). A revert on a merged branch lands with
    // its merge.
    authors
        .computeIfAbsent(seen.get(target).email(), e -> new AuthorRecord())
        .reverts
        .add(landedAt);
  }

  /** The revert outcome of the commit at {@code index}, from every commit added so far. */
  RevertOutcome outcome(int index) {
    RevertEvent revert = firstRevert.get(index);
    if (revert == null) {
      return RevertOutcome.none();
    }
    Seen original = seen.get(index);
    long lag = revert.commitTime() - original.commitTime();
    if (lag > WINDOW_SECONDS) {
      // The risk data names only a revert within the window; a later one shows in revertedEver.
      return new RevertOutcome(
          false, true, OptionalDouble.empty(), Optional.empty(), Optional.empty(), false);
    }
    return new RevertOutcome(
        lag <= WINDOW_SECONDS,
        true,
        OptionalDouble.of(round(lag / DAY, 3)),
        Optional.of(revert.sha()),
        Optional.of(revert.kind()),
        lag < 0);
  }

  /** The first ten hex digits of the SHA-1 of {@code email}. */
  static String authorId(String email) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(email.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  private static double entropy(List<FileChange> files) {
    double total = 0;
    for (FileChange file : files) {
      total += (double) file.added() + file.deleted();
    }
    if (total == 0) {
      return 0;
    }
    double bits = 0;
    for (FileChange file : files) {
      double churn = (double) file.added() + file.deleted();
      if (churn > 0) {
        double p = churn / total;
        bits -= p * (StrictMath.log(p) / StrictMath.log(2));
      }
    }
    return round(bits, 4) + 0.0;
  }

  private static double flag(boolean value) {
    return value ? 1 : 0;
  }

  /**
   * {@code value} rounded to {@code digits} decimals as the risk data rounds (Python's {@code
   * round}): from the double's exact value, ties to even — so 9.625 days is 9.62.
   */
  static double round(double value, int digits) {
    return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
  }
}
