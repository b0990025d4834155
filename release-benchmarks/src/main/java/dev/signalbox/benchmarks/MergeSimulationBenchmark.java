package dev.signalbox.benchmarks;

import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.MergeConflictException;
import dev.signalbox.core.spi.MergeSimulation;
import dev.signalbox.git.GitVersionControl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.Merger;
import org.eclipse.jgit.merge.ThreeWayMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PackParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one clean step of a train merge costs: Signalbox's in-memory simulation against git's own
 * merge in batch mode and JGit's {@code ResolveMerger}, on the same merges of the same repository;
 * and what listing a change's files costs.
 *
 * <p>The repository is built once per trial: {@value #FILES} files in 20 modules (40 "hot" files of
 * 400 lines that many topics touch, the rest of 40 lines), one base commit and {@value #TOPICS}
 * topic commits off it, each editing its own lines of three hot files (so topics overlap on files
 * but merge cleanly) and now and then a cold file or a new one; then packed with {@code git
 * repack}, as real repositories are. The train's merge commits are written once (their trees are
 * the ones git writes), so that git and JGit merge the same pairs of commits that the simulation
 * merges step by step. Every result is checked in the set-up.
 *
 * <ul>
 *   <li>{@code signalbox}: {@code GitVersionControl.simulate(base, topics)}, per step (merge bases
 *       of each topic with the train, the tree merge, tree ids);
 *   <li>{@code gitMergeTreeStdin}: {@code git merge-tree --write-tree --stdin}, one process per
 *       batch fed one line per merge (the train's previous commit and the topic), per merge;
 *   <li>{@code jgitResolveMerger}: JGit's {@code ResolveMerger} in core on the same pairs, with an
 *       inserter that hashes and discards, per merge;
 *   <li>{@code changeListing}: {@code GitVersionControl.changes(base, topic)} (renames, binary
 *       flags, line counts), per topic;
 *   <li>{@code pathListing}: {@code GitVersionControl.touchedPaths(base, topic)} (the paths only,
 *       as ownership and the blast radius need them: the trees that differ are walked, no file is
 *       read), per topic;
 *   <li>{@code jgitTreeWalk}: JGit's own listing, the reference for both: a {@code TreeWalk} over
 *       the two commits' trees with {@code DiffEntry.scan} (paths, modes and ids; no file read, no
 *       rename detection), with one reader kept across calls as {@code GitVersionControl} keeps
 *       its, per topic.
 * </ul>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MergeSimulationBenchmark {
  static final int FILES = 3_200;
  static final int TOPICS = 60;
  static final String SYNTHETIC = "synthetic";

  /** How many first-parent commits of a real repository's {@code HEAD} its topics come from. */
  static final int HISTORY = 400;

  private static final int HOT_FILES = 40;
  private static final PersonIdent AUTHOR =
      new PersonIdent(
          "Bench", "bench@example.com", java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);

  private final int files;
  private final int topicCount;

  /**
   * How the repository is packed: {@code deltas} as {@code git repack -a -d} does by default (blobs
   * stored as chains of deltas, up to 50 deep, as in real repositories), or {@code plain}, without
   * deltas ({@code --window=0}), to see what reading deltified blobs costs.
   */
  @Param({"deltas"})
  public String packing = "deltas";

  /**
   * Where the repository comes from: {@code synthetic}, built in the set-up as described above, or
   * the path of a real git repository (bare, or a work tree with {@code .git}), e.g. {@code -p
   * source=/work/.mirror/apache+commons-lang/repo}. A real repository is only read: the set-up
   * makes a new bare repository in a temporary folder that borrows its objects (git's {@code
   * objects/info/alternates}) and writes its topics and train there. The topics are the real recent
   * changes: going from the oldest to the newest of the last {@value #HISTORY} commits on the
   * first-parent line of {@code HEAD} (merges left out), each is cherry-picked (by JGit, over its
   * own parent) onto the commit before them all, which is the base, and kept as a topic when that
   * applies cleanly and the simulation, git and JGit then merge it cleanly into the train so far
   * with the same tree; until there are {@value #TOPICS}. {@code packing} has no effect on a real
   * repository: its packs are used as they are.
   */
  @Param({"synthetic"})
  public String source = SYNTHETIC;

  private Path directory = Path.of(".");

  @SuppressWarnings("NullAway.Init") // set by setUp(), which JMH calls first
  private Repository repository;

  @SuppressWarnings("NullAway.Init") // set by setUp(), which JMH calls first
  private GitVersionControl vcs;

  @SuppressWarnings("NullAway.Init") // set by setUp(), which JMH calls first
  private ObjectReader listingReader;

  private Revision base = Revision.of("0".repeat(40));
  private final List<Revision> topics = new ArrayList<>();
  private final List<ObjectId> train = new ArrayList<>();

  private Path gitDir = Path.of(".");

  private byte[] mergeTreeInput = new byte[0];

  /** Where a real repository's topics came from and what was left out; empty if synthetic. */
  String topicReport = "";

  private int nextTopic;

  /** The benchmark at full size; JMH calls it. */
  public MergeSimulationBenchmark() {
    this(FILES, TOPICS);
  }

  /** A benchmark of {@code files} files and {@code topics} topics (smaller ones for tests). */
  MergeSimulationBenchmark(int files, int topics) {
    this.files = files;
    this.topicCount = topics;
  }

  /** Builds, packs and checks the repository, or makes topics from a real one. */
  @Setup
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("signalbox-merge-bench");
    gitDir = directory.resolve("repo.git");
    repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
    repository.create(true);
    if (source.equals(SYNTHETIC)) {
      buildSynthetic();
    } else {
      borrowRealHistory(Path.of(source));
    }
    repository.close();
    repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
    vcs = GitVersionControl.open(gitDir);
    listingReader = repository.newObjectReader();

    StringBuilder input = new StringBuilder();
    for (int t = 0; t < topicCount; t++) {
      input.append(train.get(t).name()).append(' ').append(topics.get(t).commit()).append('\n');
    }
    mergeTreeInput = input.toString().getBytes(StandardCharsets.US_ASCII);
    check();
  }

  private void buildSynthetic() throws IOException {
    TreeMap<String, byte[]> tree = new TreeMap<>();
    for (int i = 0; i < files; i++) {
      tree.put(path(i), content(i, i < HOT_FILES ? 400 : 40, -1, ""));
    }
    base = commit(tree, List.of());
    for (int t = 0; t < topicCount; t++) {
      TreeMap<String, byte[]> edited = new TreeMap<>(tree);
      for (int j = 0; j < 3; j++) {
        int hot = (t * 3 + j) % HOT_FILES;
        edited.put(path(hot), content(hot, 400, 3 + t * 6, "topic " + t));
      }
      if (t % 3 == 0) {
        int cold = HOT_FILES + (t * 37) % (files - HOT_FILES);
        edited.put(path(cold), content(cold, 40, 20, "topic " + t));
      }
      if (t % 5 == 0) {
        edited.put(
            "module" + (t % 20) + "/src/main/java/added/Topic" + t + ".java",
            content(files + t, 30, -1, ""));
      }
      topics.add(commit(edited, List.of(base)));
    }
    try (GitVersionControl writer = GitVersionControl.open(gitDir)) {
      Revision head = base;
      train.add(ObjectId.fromString(base.commit()));
      for (Revision topic : topics) {
        head = writer.writeMerge(head, topic, "train");
        train.add(ObjectId.fromString(head.commit()));
      }
    }
    // git packs what a ref reaches: without one, every object would stay loose
    run(gitDir, "update-ref", "refs/heads/train", train.get(train.size() - 1).name());
    if (packing.equals("plain")) {
      run(gitDir, "repack", "-a", "-d", "-q", "-f", "--window=0");
    } else {
      run(gitDir, "repack", "-a", "-d", "-q");
    }
    run(gitDir, "prune-packed");
  }

  /**
   * Makes {@link #topicCount} topics and their train from the recent history of the repository at
   * {@code path}, in the new repository, which borrows that one's objects.
   */
  private void borrowRealHistory(Path path) throws IOException {
    Path sourceGitDir = Files.isDirectory(path.resolve(".git")) ? path.resolve(".git") : path;
    Path objects = sourceGitDir.resolve("objects").toAbsolutePath();
    if (!Files.isDirectory(objects)) {
      throw new IllegalArgumentException("source: no git repository at " + path);
    }
    Files.writeString(gitDir.resolve("objects/info/alternates"), objects + "\n");
    ObjectId head;
    try (Repository real =
        new FileRepositoryBuilder().setGitDir(sourceGitDir.toFile()).setMustExist(true).build()) {
      head = real.resolve(Constants.HEAD);
    }
    if (head == null) {
      throw new IllegalArgumentException("source: " + path + " has no HEAD commit");
    }
    repository.close();
    repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();

    List<RevCommit> line = new ArrayList<>(); // newest first
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(head);
      while (line.size() < HISTORY && commit.getParentCount() > 0) {
        line.add(commit);
        commit = walk.parseCommit(commit.getParent(0));
      }
      line.add(commit);
    }
    RevCommit baseCommit = line.get(line.size() - 1);
    base = Revision.of(baseCommit.name());
    train.add(baseCommit.copy());
    int skippedPick = 0;
    int skippedTrain = 0;
    int skippedJGit = 0;
    try (GitVersionControl writer = GitVersionControl.open(gitDir)) {
      Revision trainHead = base;
      for (int i = line.size() - 2; i >= 0 && topics.size() < topicCount; i--) {
        RevCommit change = line.get(i);
        if (change.getParentCount() != 1) {
          continue; // merges are not topics
        }
        ObjectId picked = cherryPick(baseCommit, change);
        if (picked == null) {
          skippedPick++;
          continue;
        }
        Revision merged;
        try {
          merged = writer.writeMerge(trainHead, Revision.of(picked.name()), "train");
        } catch (MergeConflictException e) {
          skippedTrain++; // conflicts with the train so far, or a rename the simulation leaves
          continue;
        }
        ObjectId mergedTree = ObjectId.fromString(writer.tree(merged).id());
        String gitTree = mergeTree(ObjectId.fromString(trainHead.commit()), picked);
        if (!mergedTree.name().equals(gitTree)) {
          throw new IllegalStateException(
              "on "
                  + change.name()
                  + " the simulation's tree "
                  + mergedTree.name()
                  + " is not git's: "
                  + gitTree);
        }
        ObjectId jgit = resolve(ObjectId.fromString(trainHead.commit()), picked);
        if (!mergedTree.equals(jgit)) {
          skippedJGit++; // JGit's resolve conflicts, or (no rename detection) differs from git
          continue;
        }
        topics.add(Revision.of(picked.name()));
        train.add(ObjectId.fromString(merged.commit()));
        trainHead = merged;
      }
    }
    topicReport =
        path
            + ": base "
            + base.commit()
            + ", "
            + topics.size()
            + " topics; left out: "
            + skippedPick
            + " that do not cherry-pick onto the base, "
            + skippedTrain
            + " that conflict with the train (or rename), "
            + skippedJGit
            + " that JGit cannot merge as git does";
    System.err.println("# " + topicReport);
    if (topics.size() != topicCount) {
      throw new IllegalStateException(
          "source: only "
              + topics.size()
              + " of the last "
              + HISTORY
              + " commits of "
              + path
              + " make clean topics, "
              + topicCount
              + " are needed");
    }
    packLooseObjects();
    run(gitDir, "prune-packed");
  }

  /**
   * Packs the objects written here, named one by one to {@code git pack-objects}: a repack would
   * walk the borrowed history too, which a snapshot may not hold entirely.
   */
  private void packLooseObjects() throws IOException {
    StringBuilder ids = new StringBuilder();
    Path objects = gitDir.resolve("objects");
    try (Stream<Path> files = Files.walk(objects, 2)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = objects.relativize(file);
        if (relative.getNameCount() != 2) {
          continue;
        }
        String folder = relative.getName(0).toString();
        String name = relative.getName(1).toString();
        if (folder.matches("[0-9a-f]{2}") && name.matches("[0-9a-f]{38}")) {
          ids.append(folder).append(name).append('\n');
        }
      }
    }
    Process git =
        new ProcessBuilder(
                "git",
                "--git-dir=" + gitDir,
                "pack-objects",
                "-q",
                gitDir.resolve("objects/pack/pack").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (OutputStream in = git.getOutputStream()) {
      in.write(ids.toString().getBytes(StandardCharsets.US_ASCII));
    }
    try {
      if (git.waitFor() != 0) {
        throw new IOException("git pack-objects failed on " + gitDir);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }

  /**
   * {@code change} applied to {@code onto} (JGit's resolve merge over the change's parent), as a
   * new commit whose only parent is {@code onto}; null if it conflicts or changes nothing.
   */
  private @Nullable ObjectId cherryPick(RevCommit onto, RevCommit change) throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      ThreeWayMerger merger =
          (ThreeWayMerger) MergeStrategy.RESOLVE.newMerger(inserter, repository.getConfig());
      merger.setBase(change.getParent(0));
      if (!merger.merge(onto, change)) {
        return null;
      }
      ObjectId tree = merger.getResultTreeId();
      if (tree.equals(onto.getTree())) {
        return null;
      }
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree);
      commit.setParentId(onto);
      commit.setAuthor(change.getAuthorIdent());
      commit.setCommitter(change.getCommitterIdent());
      commit.setMessage(change.getFullMessage());
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  /** The tree {@code git merge-tree --write-tree} writes for one merge; "conflict" if none. */
  private String mergeTree(ObjectId ours, ObjectId theirs) throws IOException {
    Process git =
        new ProcessBuilder(
                "git",
                "--git-dir=" + gitDir,
                "merge-tree",
                "--write-tree",
                ours.name(),
                theirs.name())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    try {
      return git.waitFor() == 0 ? output.strip() : "conflict";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }

  /** The benchmark's repository (a bare one). */
  Path gitDir() {
    return gitDir;
  }

  /** Deletes the repository. */
  @TearDown
  public void tearDown() throws IOException {
    vcs.close();
    listingReader.close();
    repository.close();
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Signalbox: the whole train simulated in memory; the time is per step. */
  @Benchmark
  @OperationsPerInvocation(TOPICS)
  public MergeSimulation signalbox() {
    return vcs.simulate(base, topics);
  }

  /** git merge-tree --stdin: the same merges, one line each, to one git; per merge. */
  @Benchmark
  @OperationsPerInvocation(TOPICS)
  public List<String> gitMergeTreeStdin() throws IOException {
    return mergeTreeBatch();
  }

  /** JGit's ResolveMerger in core on the same pairs of commits; per merge. */
  @Benchmark
  @OperationsPerInvocation(TOPICS)
  public Object[] jgitResolveMerger() throws IOException {
    Object[] trees = new Object[topicCount];
    for (int t = 0; t < topicCount; t++) {
      trees[t] = resolve(t);
    }
    return trees;
  }

  /** Listing one topic's changed files, with renames, binary flags and line counts. */
  @Benchmark
  public Object changeListing() {
    Revision topic = topics.get(nextTopic);
    nextTopic = (nextTopic + 1) % topicCount;
    return vcs.changes(base, topic);
  }

  /** Listing the paths one topic touches, without reading a file. */
  @Benchmark
  public Object pathListing() {
    Revision topic = topics.get(nextTopic);
    nextTopic = (nextTopic + 1) % topicCount;
    return vcs.touchedPaths(base, topic);
  }

  /** JGit's TreeWalk listing of one topic's changed paths, as the issue measures it. */
  @Benchmark
  public Object jgitTreeWalk() throws IOException {
    Revision topic = topics.get(nextTopic);
    nextTopic = (nextTopic + 1) % topicCount;
    try (RevWalk walk = new RevWalk(listingReader);
        TreeWalk tree = new TreeWalk(listingReader)) {
      tree.setRecursive(true);
      tree.setFilter(TreeFilter.ANY_DIFF);
      tree.addTree(walk.parseCommit(ObjectId.fromString(base.commit())).getTree());
      tree.addTree(walk.parseCommit(ObjectId.fromString(topic.commit())).getTree());
      return DiffEntry.scan(tree);
    }
  }

  // ---- the work, shared with the check ---------------------------------------------------------

  /**
   * Runs one {@code git merge-tree --write-tree --stdin} over the whole batch and reads one result
   * per merge, each of which must be clean. (git buffers its output until its input ends, so one
   * process per batch; its start-up is spread over the batch's merges.)
   */
  List<String> mergeTreeBatch() throws IOException {
    Process git =
        new ProcessBuilder("git", "--git-dir=" + gitDir, "merge-tree", "--write-tree", "--stdin")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream in = git.getOutputStream()) {
      in.write(mergeTreeInput);
    }
    byte[] output;
    try (InputStream out = git.getInputStream()) {
      output = out.readAllBytes();
    }
    List<String> trees = new ArrayList<>(topicCount);
    // a clean merge is "1\0" + 40 hexadecimal digits + "\0\0"
    for (int at = 0; at < output.length; at += 44) {
      if (output[at] != '1') {
        throw new IllegalStateException("git found a conflict in merge " + trees.size());
      }
      trees.add(new String(output, at + 2, 40, StandardCharsets.US_ASCII));
    }
    if (trees.size() != topicCount) {
      throw new IllegalStateException("git merged " + trees.size() + " of " + topicCount);
    }
    return trees;
  }

  ObjectId resolve(int t) throws IOException {
    ObjectId tree = resolve(train.get(t), ObjectId.fromString(topics.get(t).commit()));
    if (tree == null) {
      throw new IllegalStateException("JGit found a conflict in merge " + t);
    }
    return tree;
  }

  /** JGit's resolve merge of two commits in core: the tree, or null if it conflicts. */
  private @Nullable ObjectId resolve(ObjectId ours, ObjectId theirs) throws IOException {
    try (ObjectInserter hashing = new HashingInserter(repository)) {
      Merger merger = MergeStrategy.RESOLVE.newMerger(hashing, repository.getConfig());
      return merger.merge(ours, theirs) ? merger.getResultTreeId() : null;
    }
  }

  /** Every way of merging agrees, on every step, with the trees of the train's merge commits. */
  void check() throws IOException {
    MergeSimulation simulation = signalbox();
    List<String> gitTrees = mergeTreeBatch();
    for (int t = 0; t < topicCount; t++) {
      String expected = vcs.tree(Revision.of(train.get(t + 1).name())).id();
      String simulated =
          ((dev.signalbox.core.spi.MergeStep.Clean) simulation.steps().get(t)).tree().id();
      String jgit = resolve(t).name();
      if (!expected.equals(simulated)
          || !expected.equals(gitTrees.get(t))
          || !expected.equals(jgit)) {
        throw new IllegalStateException(
            "merge "
                + t
                + " disagrees: train "
                + expected
                + ", signalbox "
                + simulated
                + ", git "
                + gitTrees.get(t)
                + ", jgit "
                + jgit);
      }
    }
    for (int t = 0; t < topicCount; t++) {
      Revision topic = topics.get(t);
      if (!vcs.touchedPaths(base, topic).equals(vcs.changes(base, topic).touchedPaths())) {
        throw new IllegalStateException(
            "topic " + t + ": the path listing is not the change set's");
      }
    }
  }

  // ---- building the repository -----------------------------------------------------------------

  private static String path(int i) {
    return "module" + (i % 20) + "/src/main/java/pkg" + (i / 20 % 8) + "/File" + i + ".java";
  }

  /** A Java-like file of {@code lines} lines, with line {@code edited} (if any) rewritten. */
  private static byte[] content(int file, int lines, int edited, String edit) {
    StringBuilder text = new StringBuilder("package pkg;\n\nclass File" + file + " {\n");
    for (int line = 0; line < lines; line++) {
      if (line == edited) {
        text.append("  int edited = 1; // ").append(edit).append('\n');
      } else {
        text.append("  int field")
            .append(line)
            .append(" = ")
            .append(file * 31 + line)
            .append(";\n");
      }
    }
    return text.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private Revision commit(Map<String, byte[]> tree, List<Revision> parents) throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (var file : tree.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
        builder.add(entry);
      }
      builder.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      for (Revision parent : parents) {
        commit.addParentId(ObjectId.fromString(parent.commit()));
      }
      commit.setAuthor(AUTHOR);
      commit.setCommitter(AUTHOR);
      commit.setMessage("commit\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return Revision.of(id.name());
    }
  }

  private static void run(Path gitDir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    process.getInputStream().transferTo(output);
    try {
      if (process.waitFor() != 0) {
        throw new IOException(command + " failed: " + output.toString(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }

  /**
   * An inserter that computes ids and keeps nothing: JGit's merge runs in core, writing nothing.
   */
  private static final class HashingInserter extends ObjectInserter {
    private final Repository repository;

    HashingInserter(Repository repository) {
      this.repository = repository;
    }

    @Override
    public ObjectId insert(int type, long length, InputStream in) throws IOException {
      return idFor(type, in.readAllBytes());
    }

    @Override
    public PackParser newPackParser(InputStream in) {
      throw new UnsupportedOperationException("no packs here");
    }

    @Override
    public ObjectReader newReader() {
      return repository.newObjectReader();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
