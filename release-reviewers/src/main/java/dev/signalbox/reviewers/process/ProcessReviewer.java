package dev.signalbox.reviewers.process;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.internal.Answer;
import dev.signalbox.reviewers.internal.MalformedAnswerException;
import dev.signalbox.reviewers.internal.SnapshotCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reviewer run as a child process: any command — a CLI coding agent, a script — that reads one
 * review request as JSON on stdin and writes one verdict as JSON on stdout.
 *
 * <p>For each review the change's {@link dev.signalbox.core.spi.ChangeSnapshot snapshot} is written
 * to a new temporary directory ({@code change.diff} and, under {@code files/}, the touched files at
 * head), made read-only, and the command runs with {@code files/} as its working directory — never
 * in the live repository. The directory is deleted afterwards. The environment is scrubbed: the
 * child sees only the variables given to {@link Builder#environment} and those named in {@link
 * Builder#inheritEnvironment}, so API keys in this process's environment do not leak into it.
 *
 * <p>The request and answer are described by the JSON Schemas {@code review-request.schema.json}
 * and {@code review-response.schema.json} shipped in this package ({@link #requestSchema()}, {@link
 * #responseSchema()}). The answer must echo the request's protocol and content digest.
 *
 * <p>Failures are classified for the review board: a non-zero exit, output that is not a verdict
 * (or too long), an answer for another content digest, and a missed deadline are {@linkplain
 * ReviewFailure#permanent permanent}, with the tail of stderr in the message for diagnosis; a
 * command that cannot be started is permanent too. When the deadline passes or the calling thread
 * is interrupted, the whole process tree is killed ({@link ProcessHandle#descendants()}, {@link
 * ProcessHandle#destroyForcibly()}); interruption then surfaces as {@link InterruptedException}.
 *
 * <p>Before anything runs, a request for a surface the reviewer does not cover, or whose snapshot
 * holds no unified diff although the change changes files, is refused as a permanent failure; an
 * approval of a snapshot that was cut short becomes an abstention DECLINED (a rejection stands).
 *
 * <p>Instances are immutable and safe to use from several threads at once; each review runs its own
 * process.
 */
public final class ProcessReviewer implements Reviewer {
  /** The protocol identifier that requests carry and answers must echo. */
  public static final String PROTOCOL = "signalbox-review/1";

  private static final long POLL_MILLIS = 20;
  private static final Set<String> RESPONSE_EXTRA_FIELDS = Set.of("protocol", "contentDigest");

  private final Agent identity;
  private final Set<RiskSurface> surfaces;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path workRoot;
  private final Clock clock;
  private final int stdoutLimit;
  private final int stderrLimit;

  private ProcessReviewer(Builder builder, Agent identity, List<String> command) {
    this.identity = identity;
    this.surfaces = Set.copyOf(builder.surfaces);
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(builder.environment);
    this.workRoot = builder.workRoot;
    this.clock = builder.clock;
    this.stdoutLimit = builder.stdoutLimit;
    this.stderrLimit = builder.stderrLimit;
  }

  /** A builder for a reviewer that runs {@code command} (the program followed by its arguments). */
  public static Builder builder(List<String> command) {
    return new Builder(command);
  }

  /** The JSON Schema (draft 2020-12) of the request written to the command's stdin. */
  public static String requestSchema() {
    return resource("review-request.schema.json");
  }

  /** The JSON Schema (draft 2020-12) of the answer the command writes to stdout. */
  public static String responseSchema() {
    return resource("review-response.schema.json");
  }

  private static String resource(String name) {
    try (var in = ProcessReviewer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the module");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read resource " + name, e);
    }
  }

  @Override
  public Agent identity() {
    return identity;
  }

  @Override
  public Set<RiskSurface> surfaces() {
    return surfaces;
  }

  /** The command run, program first. */
  public List<String> command() {
    return command;
  }

  @Override
  public Verdict review(ReviewRequest request) throws InterruptedException {
    SnapshotCheck.admit(request, surfaces, identity);
    Duration left = Duration.between(clock.instant(), request.deadline());
    if (left.isNegative() || left.isZero()) {
      throw ReviewFailure.permanent(
          "the deadline " + request.deadline() + " passed before the reviewer was started", null);
    }
    long deadlineNanos = System.nanoTime() + left.toNanos();
    SnapshotDirectory snapshot;
    try {
      snapshot = SnapshotDirectory.write(workRoot, request.snapshot());
    } catch (IOException e) {
      throw ReviewFailure.permanent("cannot write the review snapshot: " + e.getMessage(), e);
    }
    try (snapshot) {
      return run(request, snapshot, deadlineNanos);
    }
  }

  private Verdict run(ReviewRequest request, SnapshotDirectory snapshot, long deadlineNanos)
      throws InterruptedException {
    byte[] input = requestJson(request, snapshot).getBytes(StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder(command).directory(snapshot.files().toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw ReviewFailure.permanent(
          "cannot start " + command.get(0) + ": " + redact(String.valueOf(e.getMessage())), e);
    }
    Set<ProcessHandle> seen = new LinkedHashSet<>();
    String name = "signalbox-reviewer-" + identity.id() + "-" + process.pid();
    StreamPump stdout = StreamPump.head(process.getInputStream(), stdoutLimit + 1, name + "-out");
    StreamPump stderr = StreamPump.tail(process.getErrorStream(), stderrLimit, name + "-err");
    Thread feeder = new Thread(() -> feed(process.getOutputStream(), input), name + "-in");
    feeder.setDaemon(true);
    feeder.start();
    try {
      int exit = awaitExit(process, seen, deadlineNanos);
      // a grandchild left running would hold stdout open; it is part of the tree, so it goes too.
      // Not the process itself: destroying a Process closes its streams, and the pumps may not
      // have read all it wrote yet.
      killDescendants(process, seen);
      long millis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
      if (!stdout.await(millis) || !stderr.await(Math.max(1, millis))) {
        throw ReviewFailure.permanent(
            "the reviewer's output did not end by the deadline" + stderrTail(stderr), null);
      }
      if (exit != 0) {
        throw ReviewFailure.permanent(
            command.get(0) + " exited with status " + exit + stderrTail(stderr), null);
      }
      if (stdout.overflowed()) {
        throw ReviewFailure.permanent(
            "the answer is longer than " + stdoutLimit + " bytes" + stderrTail(stderr), null);
      }
      return verdict(request, stdout.bytes(), stderr);
    } catch (InterruptedException e) {
      kill(process, seen);
      throw e;
    } finally {
      kill(process, seen);
      feeder.interrupt();
    }
  }

  private int awaitExit(Process process, Set<ProcessHandle> seen, long deadlineNanos)
      throws InterruptedException {
    while (true) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        kill(process, seen);
        throw ReviewFailure.permanent(
            "the reviewer did not answer by the deadline; its process tree was killed", null);
      }
      process.descendants().forEach(seen::add);
      if (process.waitFor(
          Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS)) {
        return process.exitValue();
      }
    }
  }

  /** Kills {@code process} and every descendant seen or still attached, forcibly. */
  private static void kill(Process process, Set<ProcessHandle> seen) {
    List<ProcessHandle> tree = descendants(process, seen);
    process.destroyForcibly();
    killAll(tree);
  }

  /**
   * Kills every descendant of {@code process} seen or still attached, forcibly, leaving the process
   * and its streams alone.
   */
  private static void killDescendants(Process process, Set<ProcessHandle> seen) {
    killAll(descendants(process, seen));
  }

  private static List<ProcessHandle> descendants(Process process, Set<ProcessHandle> seen) {
    List<ProcessHandle> tree = new ArrayList<>(seen);
    process.descendants().forEach(tree::add);
    return tree;
  }

  private static void killAll(List<ProcessHandle> tree) {
    for (ProcessHandle handle : List.copyOf(tree)) {
      handle.descendants().forEach(tree::add);
    }
    tree.forEach(ProcessHandle::destroyForcibly);
  }

  private static void feed(OutputStream stdin, byte[] input) {
    try (stdin) {
      stdin.write(input);
    } catch (IOException e) {
      // the child closed stdin without reading it all; its answer decides
    }
  }

  private Verdict verdict(ReviewRequest request, byte[] out, StreamPump stderr) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(out))
              .toString();
    } catch (CharacterCodingException e) {
      throw ReviewFailure.permanent("the answer is not UTF-8" + stderrTail(stderr), e);
    }
    try {
      JsonNode node = Answer.tree(text);
      List<String> problems = new ArrayList<>();
      JsonNode protocol = node.get("protocol");
      if (protocol == null || !protocol.isString() || !PROTOCOL.equals(protocol.asString())) {
        problems.add("$.protocol: must be \"" + PROTOCOL + "\", was " + protocol);
      }
      JsonNode digest = node.get("contentDigest");
      if (digest == null || !digest.isString()) {
        problems.add("$.contentDigest: must be a string, was " + digest);
      }
      Answer answer;
      try {
        answer = Answer.read(node, RESPONSE_EXTRA_FIELDS);
      } catch (MalformedAnswerException e) {
        problems.addAll(e.problems());
        throw new MalformedAnswerException(problems);
      }
      if (!problems.isEmpty()) {
        throw new MalformedAnswerException(problems);
      }
      String answered = digest == null ? "" : digest.asString();
      if (!answered.equalsIgnoreCase(request.contentDigest().value())) {
        throw ReviewFailure.permanent(
            "the answer is for content digest "
                + InvalidValueException.render(answered)
                + ", not "
                + request.contentDigest()
                + " under review",
            null);
      }
      return SnapshotCheck.settle(request, answer.toVerdict(request, identity, clock.instant()));
    } catch (MalformedAnswerException e) {
      throw ReviewFailure.permanent(e.getMessage() + stderrTail(stderr), e);
    }
  }

  private String requestJson(ReviewRequest request, SnapshotDirectory snapshot) {
    ObjectNode root = Answer.JSON.createObjectNode();
    root.put("protocol", PROTOCOL);
    root.set("reviewer", DocumentCodec.json().toTree(identity));
    root.put("surface", request.surface().name());
    root.put("contentDigest", request.contentDigest().value());
    root.put("deadline", request.deadline().toString());
    ObjectNode files = root.putObject("snapshot");
    files.put("directory", snapshot.root().toAbsolutePath().toString());
    files.put("diffFile", SnapshotDirectory.DIFF);
    files.put("filesDirectory", SnapshotDirectory.FILES);
    var paths = files.putArray("paths");
    for (RepoPath path : request.snapshot().touchedFilesAtHead().keySet()) {
      paths.add(path.value());
    }
    files.put("truncated", request.snapshot().truncated());
    root.put("diff", request.snapshot().diff());
    root.set("change", DocumentCodec.json().toTree(request.change()));
    return Answer.JSON.writeValueAsString(root);
  }

  private String stderrTail(StreamPump stderr) {
    byte[] tail = stderr.bytes();
    if (tail.length == 0) {
      return "; stderr was empty";
    }
    String text = new String(tail, StandardCharsets.UTF_8).strip();
    return "; stderr"
        + (stderr.overflowed() ? " (last " + stderrLimit + " bytes)" : "")
        + ": "
        + redact(text);
  }

  /** Hides the values of the configured environment, which may hold API keys. */
  private String redact(String text) {
    String out = text;
    for (String value : environment.values()) {
      if (value.length() >= 8) {
        out = out.replace(value, "[redacted]");
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "ProcessReviewer[" + identity.id() + ", " + command.get(0) + "]";
  }

  /**
   * Configures a {@link ProcessReviewer}. Each setting may be given once (surfaces add up, and each
   * environment variable may be given once); not thread-safe; {@link #build()} copies the state, so
   * the reviewer is unaffected by later changes.
   */
  public static final class Builder {
    private final List<String> command;
    private final Set<RiskSurface> surfaces = EnumSet.noneOf(RiskSurface.class);
    private final Map<String, String> environment = new LinkedHashMap<>();
    private @Nullable Agent identity;
    private Path workRoot = Path.of(System.getProperty("java.io.tmpdir"));
    private boolean workRootSet;
    private Clock clock = Clock.systemUTC();
    private boolean clockSet;
    private int stdoutLimit = 1 << 20;
    private boolean stdoutLimitSet;
    private int stderrLimit = 16 << 10;
    private boolean stderrLimitSet;

    private Builder(@Nullable List<String> command) {
      if (command == null || command.isEmpty()) {
        throw new InvalidValueException(Builder.class, "command", "must name a program", command);
      }
      for (int i = 0; i < command.size(); i++) {
        String part = command.get(i);
        if (part == null || part.indexOf('\0') >= 0 || (i == 0 && part.isBlank())) {
          throw new InvalidValueException(
              Builder.class, "command[" + i + "]", "must be a non-blank string without NUL", part);
        }
      }
      this.command = List.copyOf(command);
    }

    /** The agent this reviewer is; required. */
    public Builder identity(Agent identity) {
      present("identity", identity);
      if (this.identity != null) {
        throw new IllegalStateException("identity was already set to " + this.identity);
      }
      this.identity = identity;
      return this;
    }

    /** Adds risk surfaces this reviewer reviews; at least one is required. */
    public Builder surfaces(RiskSurface... surfaces) {
      present("surfaces", surfaces);
      for (RiskSurface surface : surfaces) {
        present("surfaces[]", surface);
        this.surfaces.add(surface);
      }
      return this;
    }

    /** Sets environment variable {@code name} to {@code value} for the child. */
    public Builder environment(String name, String value) {
      checkName(name);
      present("environment." + name, value);
      if (value.indexOf('\0') >= 0) {
        throw new InvalidValueException(
            Builder.class, "environment." + name, "must not contain NUL", null);
      }
      if (environment.containsKey(name)) {
        throw new IllegalStateException("environment variable " + name + " was already set");
      }
      environment.put(name, value);
      return this;
    }

    /**
     * Passes this process's variable {@code name} on to the child, as it is when {@link #build()}
     * is called; a variable that is not set is left out.
     */
    public Builder inheritEnvironment(String name) {
      checkName(name);
      String value = System.getenv(name);
      return value == null ? this : environment(name, value);
    }

    /**
     * The directory under which snapshots are written; the system's temporary directory if unset.
     */
    public Builder workRoot(Path workRoot) {
      present("workRoot", workRoot);
      if (workRootSet) {
        throw new IllegalStateException("workRoot was already set to " + this.workRoot);
      }
      this.workRoot = workRoot;
      this.workRootSet = true;
      return this;
    }

    /**
     * The clock that measures the deadline and stamps verdicts; the system's UTC clock if unset.
     */
    public Builder clock(Clock clock) {
      present("clock", clock);
      if (clockSet) {
        throw new IllegalStateException("clock was already set to " + this.clock);
      }
      this.clock = clock;
      this.clockSet = true;
      return this;
    }

    /** The most bytes of stdout read as the answer (1 MiB if unset); more is malformed. */
    public Builder stdoutLimit(int bytes) {
      if (stdoutLimitSet) {
        throw new IllegalStateException("stdoutLimit was already set to " + stdoutLimit);
      }
      if (bytes < 1) {
        throw new InvalidValueException(Builder.class, "stdoutLimit", "must be >= 1", bytes);
      }
      this.stdoutLimit = bytes;
      this.stdoutLimitSet = true;
      return this;
    }

    /** The most bytes of stderr kept, from its end, for diagnosis (16 KiB if unset). */
    public Builder stderrLimit(int bytes) {
      if (stderrLimitSet) {
        throw new IllegalStateException("stderrLimit was already set to " + stderrLimit);
      }
      if (bytes < 1) {
        throw new InvalidValueException(Builder.class, "stderrLimit", "must be >= 1", bytes);
      }
      this.stderrLimit = bytes;
      this.stderrLimitSet = true;
      return this;
    }

    /**
     * Builds the reviewer.
     *
     * @throws InvalidValueException if the identity or the surfaces are missing
     */
    public ProcessReviewer build() {
      if (identity == null) {
        throw new InvalidValueException(Builder.class, "identity", "must be set", null);
      }
      if (surfaces.isEmpty()) {
        throw new InvalidValueException(Builder.class, "surfaces", "must name at least one", null);
      }
      return new ProcessReviewer(this, identity, command);
    }

    private static void checkName(@Nullable String raw) {
      String name = present("environment", raw);
      if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw new InvalidValueException(
            Builder.class, "environment", "must be a variable name without = or NUL", name);
      }
    }

    private static <T> T present(String field, @Nullable T value) {
      if (value == null) {
        throw new InvalidValueException(Builder.class, field, "must not be null", null);
      }
      return value;
    }
  }
}
