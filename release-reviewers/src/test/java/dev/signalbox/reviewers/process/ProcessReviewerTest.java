package dev.signalbox.reviewers.process;

import static dev.signalbox.reviewers.testing.Fixtures.DIFF;
import static dev.signalbox.reviewers.testing.Fixtures.DIGEST;
import static dev.signalbox.reviewers.testing.Fixtures.NOW;
import static dev.signalbox.reviewers.testing.Fixtures.REVIEWER;
import static dev.signalbox.reviewers.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ProcessReviewer against real child processes: small shell scripts written to a temp folder. */
class ProcessReviewerTest {
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String PATH = "/usr/bin:/bin";

  @TempDir Path dir;

  private String answer(String outcome, String findings) {
    return "{\"protocol\":\"signalbox-review/1\",\"contentDigest\":\""
        + DIGEST.value()
        + "\",\"outcome\":\""
        + outcome
        + "\",\"findings\":["
        + findings
        + "]}";
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private ProcessReviewer.Builder reviewer(Path script) {
    return ProcessReviewer.builder(List.of("/bin/sh", script.toString()))
        .identity(REVIEWER)
        .surfaces(RiskSurface.SECURITY, RiskSurface.CODE_QUALITY)
        .environment("PATH", PATH)
        .workRoot(dir.resolve("snapshots"))
        .clock(CLOCK);
  }

  @Test
  void aGoodReviewerAnswersWithAVerdictBoundToTheRequest() throws Exception {
    String finding =
        "{\"path\":\"src/main/java/shop/Totals.java\",\"startLine\":3,\"endLine\":3,"
            + "\"severity\":\"LOW\",\"advice\":\"MAY_DEFER\",\"rule\":\"naming\","
            + "\"message\":\"sum could be called add\",\"suggestion\":null,\"confidence\":0.5}";
    Path good =
        script("good.sh", "cat > /dev/null\nprintf '%s' '" + answer("APPROVE", finding) + "'");

    Verdict verdict = reviewer(good).build().review(request(DIFF));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.APPROVE);
    assertThat(verdict.reviewer()).isEqualTo(REVIEWER);
    assertThat(verdict.contentDigest()).isEqualTo(DIGEST);
    assertThat(verdict.surface()).isEqualTo(RiskSurface.SECURITY);
    assertThat(verdict.change()).isEqualTo(request(DIFF).change().ref());
    assertThat(verdict.issuedAt()).isEqualTo(NOW);
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).contains(RepoPath.of("src/main/java/shop/Totals.java"));
              assertThat(f.lines()).contains(LineRange.line(3));
              assertThat(f.severity()).isEqualTo(Severity.LOW);
              assertThat(f.advice()).isEqualTo(Advice.MAY_DEFER);
              assertThat(f.suggestion()).isEmpty();
            });
  }

  @Test
  void theRequestGoesOnStdinAndTheSnapshotIsAReadOnlyCopyDeletedAfterwards() throws Exception {
    Path seen = Files.createDirectory(dir.resolve("seen"));
    Path spy =
        script(
            "spy.sh",
            String.join(
                "\n",
                "cat > \"$SEEN/request.json\"",
                "pwd > \"$SEEN/pwd\"",
                "stat -c '%a %n' ../change.diff .. . src/main/java/shop/Totals.java > \"$SEEN/modes\"",
                "cat src/main/java/shop/Totals.java > \"$SEEN/file\"",
                "cat ../change.diff > \"$SEEN/diff\"",
                "printf '%s' '" + answer("REJECT", "") + "'"));

    Verdict verdict =
        reviewer(spy).environment("SEEN", seen.toString()).build().review(request(DIFF));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.REJECT);
    JsonNode sent = JsonMapper.builder().build().readTree(seen.resolve("request.json").toFile());
    assertThat(sent.get("protocol").asString()).isEqualTo("signalbox-review/1");
    assertThat(sent.get("surface").asString()).isEqualTo("SECURITY");
    assertThat(sent.get("contentDigest").asString()).isEqualTo(DIGEST.value());
    assertThat(sent.get("diff").asString()).isEqualTo(DIFF);
    assertThat(sent.get("change").get("id").asString()).isEqualTo("42");
    assertThat(sent.get("reviewer").get("id").asString()).isEqualTo(REVIEWER.id());
    Path snapshot = Path.of(sent.get("snapshot").get("directory").asString());
    assertThat(snapshot.startsWith(dir.resolve("snapshots"))).isTrue();
    assertThat(Files.readString(seen.resolve("pwd")).strip())
        .isEqualTo(snapshot.resolve("files").toString());
    assertThat(Files.readString(seen.resolve("diff"))).isEqualTo(DIFF);
    assertThat(Files.readString(seen.resolve("file"))).contains("int sum(int a, int b)");
    // modes, not a failed write: the tests may run as root, which ignores permissions
    assertThat(Files.readAllLines(seen.resolve("modes")))
        .containsExactly(
            "444 ../change.diff", "555 ..", "555 .", "444 src/main/java/shop/Totals.java");
    assertThat(snapshot).doesNotExist();
  }

  @Test
  void theEnvironmentIsScrubbedToWhatIsConfigured() throws Exception {
    Path env =
        script(
            "env.sh",
            "cat > /dev/null\n"
                + "names=$(env | cut -d= -f1 | sort | tr '\\n' ' ')\n"
                + "printf '{\"protocol\":\"signalbox-review/1\",\"contentDigest\":\""
                + DIGEST.value()
                + "\",\"outcome\":\"APPROVE\",\"findings\":[{\"severity\":\"INFO\",\"advice\":\"FYI\","
                + "\"rule\":\"env\",\"message\":\"%s token=%s\",\"confidence\":1}]}' \"$names\" \"$REVIEW_TOKEN\"");
    assertThat(System.getenv()).as("the test JVM has an environment to leak").isNotEmpty();

    Verdict verdict =
        reviewer(env).environment("REVIEW_TOKEN", "t0ken").build().review(request(DIFF));

    String message = verdict.findings().get(0).message();
    Set<String> names =
        new TreeSet<>(Arrays.asList(message.substring(0, message.indexOf(" token=")).split(" ")));
    // the shell itself may add PWD, SHLVL, OLDPWD and _; nothing else is allowed through
    assertThat(names).contains("PATH", "REVIEW_TOKEN");
    assertThat(names).isSubsetOf("PATH", "REVIEW_TOKEN", "PWD", "SHLVL", "OLDPWD", "_");
    Set<String> leaked =
        System.getenv().keySet().stream()
            .filter(names::contains)
            .filter(name -> !Set.of("PATH", "PWD", "SHLVL", "OLDPWD", "_").contains(name))
            .collect(Collectors.toSet());
    assertThat(leaked).isEmpty();
    assertThat(message).endsWith("token=t0ken");
  }

  @Test
  void aReviewerPastTheDeadlineIsKilledWithItsGrandchildren() throws Exception {
    Path pids = dir.resolve("pids");
    Path slow =
        script(
            "slow.sh",
            "cat > /dev/null\n(sleep 600; echo late) &\necho $! > \"$PIDS\"\nsleep 600\n"
                + "printf '%s' '"
                + answer("APPROVE", "")
                + "'");
    ReviewRequest request = request(RiskSurface.SECURITY, DIFF, NOW.plusMillis(700));

    ReviewFailure failure =
        catchThrowableOfType(
            ReviewFailure.class,
            () -> reviewer(slow).environment("PIDS", pids.toString()).build().review(request));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure).hasMessageContaining("deadline");
    long grandchild = Long.parseLong(Files.readString(pids).strip());
    assertDead(grandchild);
  }

  @Test
  void interruptionKillsTheProcessTreeAndSurfacesAsInterruptedException() throws Exception {
    Path fifo = dir.resolve("started");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Path slow =
        script("slow.sh", "cat > /dev/null\nsleep 600 &\necho \"$$ $!\" > \"$STARTED\"\nwait\n");
    ProcessReviewer reviewer = reviewer(slow).environment("STARTED", fifo.toString()).build();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread board =
        new Thread(
            () -> {
              try {
                reviewer.review(request(DIFF));
                thrown.complete(new AssertionError("the review returned"));
              } catch (Throwable t) {
                thrown.complete(t);
              }
            });
    board.start();

    String[] started;
    try (BufferedReader in = Files.newBufferedReader(fifo)) { // blocks until the script writes
      started = in.readLine().split(" ");
    }
    board.interrupt();

    assertThat(thrown.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertDead(Long.parseLong(started[0]));
    assertDead(Long.parseLong(started[1]));
  }

  @Test
  void garbageOnStdoutIsAPermanentFailureWithTheStderrTail() throws Exception {
    Path garbage =
        script(
            "garbage.sh",
            "cat > /dev/null\necho 'model overloaded, try later' >&2\necho 'LGTM, ship it!'");

    ReviewFailure failure =
        catchThrowableOfType(
            ReviewFailure.class, () -> reviewer(garbage).build().review(request(DIFF)));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure).hasMessageContaining("not JSON").hasMessageContaining("model overloaded");
  }

  @Test
  void aNonZeroExitIsAPermanentFailureWithTheStderrTail() throws Exception {
    Path crash =
        script(
            "crash.sh",
            "cat > /dev/null\necho 'Traceback: KeyError agent' >&2\nprintf '%s' '"
                + answer("APPROVE", "")
                + "'\nexit 1");

    ReviewFailure failure =
        catchThrowableOfType(
            ReviewFailure.class, () -> reviewer(crash).build().review(request(DIFF)));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure)
        .hasMessageContaining("exited with status 1")
        .hasMessageContaining("KeyError agent");
  }

  @Test
  void anAnswerForAnotherContentDigestIsRefused() throws Exception {
    Path stale =
        script(
            "stale.sh",
            "cat > /dev/null\nprintf '%s' '"
                + answer("APPROVE", "").replace(DIGEST.value(), "d".repeat(64))
                + "'");

    assertThatThrownBy(() -> reviewer(stale).build().review(request(DIFF)))
        .isInstanceOfSatisfying(ReviewFailure.class, f -> assertThat(f.isTransient()).isFalse())
        .hasMessageContaining("content digest")
        .hasMessageContaining("d".repeat(64));
  }

  @Test
  void aWellFormedButInvalidAnswerNamesEveryProblemByPath() throws Exception {
    Path wrong =
        script(
            "wrong.sh",
            "cat > /dev/null\nprintf '%s' '{\"protocol\":\"signalbox-review/1\",\"contentDigest\":\""
                + DIGEST.value()
                + "\",\"outcome\":\"LGTM\",\"extra\":1,\"findings\":[{\"severity\":\"BAD\","
                + "\"advice\":\"FYI\",\"rule\":\"r\",\"message\":\"m\",\"confidence\":2}]}'");

    assertThatThrownBy(() -> reviewer(wrong).build().review(request(DIFF)))
        .isInstanceOf(ReviewFailure.class)
        .hasMessageContaining("$.outcome")
        .hasMessageContaining("$.extra")
        .hasMessageContaining("$.findings[0].severity");
  }

  @Test
  void twoAnswersOrDuplicateKeysAreMalformed() throws Exception {
    Path twice =
        script(
            "twice.sh",
            "cat > /dev/null\nprintf '%s\\n%s' '"
                + answer("REJECT", "")
                + "' '"
                + answer("APPROVE", "")
                + "'");
    Path duplicate =
        script(
            "duplicate.sh",
            "cat > /dev/null\nprintf '%s' '"
                + answer("REJECT", "").replace("\"outcome\"", "\"outcome\":\"APPROVE\",\"outcome\"")
                + "'");

    assertThatThrownBy(() -> reviewer(twice).build().review(request(DIFF)))
        .isInstanceOf(ReviewFailure.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> reviewer(duplicate).build().review(request(DIFF)))
        .isInstanceOf(ReviewFailure.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void anAbstainingReviewerDeclinesWithItsReason() throws Exception {
    Path abstain =
        script(
            "abstain.sh",
            "cat > /dev/null\nprintf '%s' '"
                + answer("ABSTAIN", "")
                    .replace("\"findings\"", "\"reason\":\"not my area\",\"findings\"")
                + "'");

    Verdict verdict = reviewer(abstain).build().review(request(DIFF));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.ABSTAIN);
    assertThat(verdict.abstention().orElseThrow().cause()).isEqualTo(AbstainCause.DECLINED);
    assertThat(verdict.abstention().orElseThrow().detail()).isEqualTo("not my area");
  }

  @Test
  void tooMuchOutputIsMalformed() throws Exception {
    Path chatty = script("chatty.sh", "cat > /dev/null\nhead -c 100000 /dev/zero | tr '\\0' x");

    assertThatThrownBy(() -> reviewer(chatty).stdoutLimit(1000).build().review(request(DIFF)))
        .isInstanceOf(ReviewFailure.class)
        .hasMessageContaining("longer than 1000 bytes");
  }

  @Test
  void configuredSecretsAreRedactedFromTheStderrTail() throws Exception {
    Path leak = script("leak.sh", "cat > /dev/null\necho \"using key $API_KEY\" >&2\nexit 3");

    assertThatThrownBy(
            () ->
                reviewer(leak)
                    .environment("API_KEY", "sk-live-0123456789")
                    .build()
                    .review(request(DIFF)))
        .isInstanceOf(ReviewFailure.class)
        .hasMessageContaining("using key [redacted]")
        .hasMessageNotContaining("sk-live-0123456789");
  }

  @Test
  void aDeadlineAlreadyPastStartsNothing() throws Exception {
    Path marker = dir.resolve("ran");
    Path never = script("never.sh", "touch \"$MARKER\"");

    assertThatThrownBy(
            () ->
                reviewer(never)
                    .environment("MARKER", marker.toString())
                    .build()
                    .review(request(RiskSurface.SECURITY, DIFF, NOW)))
        .isInstanceOf(ReviewFailure.class)
        .hasMessageContaining("deadline");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aCommandThatCannotStartIsAPermanentFailure() {
    ProcessReviewer missing =
        ProcessReviewer.builder(List.of(dir.resolve("no-such-agent").toString()))
            .identity(REVIEWER)
            .surfaces(RiskSurface.SECURITY)
            .workRoot(dir)
            .clock(CLOCK)
            .build();

    assertThatThrownBy(() -> missing.review(request(DIFF)))
        .isInstanceOfSatisfying(ReviewFailure.class, f -> assertThat(f.isTransient()).isFalse())
        .hasMessageContaining("cannot start");
  }

  @Test
  void theBuilderNamesWhatIsWrong() {
    assertThatThrownBy(() -> ProcessReviewer.builder(List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("command");
    assertThatThrownBy(() -> ProcessReviewer.builder(List.of("agent")).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("identity");
    assertThatThrownBy(() -> ProcessReviewer.builder(List.of("agent")).identity(REVIEWER).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("surfaces");
    assertThatThrownBy(
            () -> ProcessReviewer.builder(List.of("agent")).identity(REVIEWER).identity(REVIEWER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already set");
    assertThatThrownBy(
            () -> ProcessReviewer.builder(List.of("agent")).stdoutLimit(5).stdoutLimit(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stdoutLimit was already set to 5");
    assertThatThrownBy(() -> ProcessReviewer.builder(List.of("agent")).environment("A=B", "x"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("A=B");
  }

  @Test
  void theProtocolSchemasShipWithTheModule() {
    assertThat(ProcessReviewer.requestSchema()).contains("signalbox-review/1");
    assertThat(ProcessReviewer.responseSchema()).contains("\"contentDigest\"");
  }

  private static void assertDead(long pid) throws Exception {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isPresent()) {
      // destroyForcibly was sent; the kernel may take a moment to reap it
      handle.get().onExit().get(10, TimeUnit.SECONDS);
      assertThat(handle.get().isAlive()).isFalse();
    }
  }
}
