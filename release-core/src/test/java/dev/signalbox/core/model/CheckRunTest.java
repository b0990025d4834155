package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.HEAD;
import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class CheckRunTest {
  private static final Optional<URI> LINK =
      Optional.of(URI.create("https://ci.example.com/runs/1"));

  private static CheckRun run(String name, Optional<Set<String>> tests) {
    return new CheckRun(name, CheckConclusion.SUCCESS, HEAD, T0, LINK, tests);
  }

  @Test
  void knownTestsMayBeNone() {
    assertThat(run("build (ubuntu)", Optional.of(Set.of())).tests()).contains(Set.of());
    assertThat(run("build (ubuntu)", Optional.empty()).tests()).isEmpty();
  }

  @Test
  void copiesAndProtectsTheTests() {
    Set<String> tests = new HashSet<>(Set.of("LoginTest"));
    CheckRun run = run("build", Optional.of(tests));
    tests.add("OtherTest");
    assertThat(run.tests()).contains(Set.of("LoginTest"));
    assertThatThrownBy(() -> run.tests().orElseThrow().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsBlankNamesAndTests() {
    assertRejected(
        () -> run(" ", Optional.empty()),
        CheckRun.class,
        "name",
        "name must not be blank, was \" \"");
    assertRejected(
        () -> run("build", Optional.of(new LinkedHashSet<>(List.of("LoginTest", "")))),
        CheckRun.class,
        "tests[1]",
        "tests[1] must not be blank, was \"\"");
  }

  @Test
  void rejectsNulls() {
    Optional<Set<String>> none = Optional.empty();
    assertNullRejected(() -> run(null, none), CheckRun.class, "name");
    assertNullRejected(
        () -> new CheckRun("b", null, HEAD, T0, LINK, none), CheckRun.class, "conclusion");
    assertNullRejected(
        () -> new CheckRun("b", CheckConclusion.FAILURE, null, T0, LINK, none),
        CheckRun.class,
        "commit");
    assertNullRejected(
        () -> new CheckRun("b", CheckConclusion.FAILURE, HEAD, null, LINK, none),
        CheckRun.class,
        "completedAt");
    assertNullRejected(
        () -> new CheckRun("b", CheckConclusion.FAILURE, HEAD, T0, null, none),
        CheckRun.class,
        "link");
    assertNullRejected(() -> run("b", null), CheckRun.class, "tests");
    assertNullRejected(
        () -> run("b", Optional.of(new LinkedHashSet<>(Arrays.asList("T", null)))),
        CheckRun.class,
        "tests[1]");
  }
}
