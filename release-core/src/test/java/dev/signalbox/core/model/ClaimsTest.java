package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class ClaimsTest {
  private static final RepoPath A = RepoPath.of("src/A.java");
  private static final RepoPath B = RepoPath.of("src/B.java");

  @Test
  void noneClaimsNothing() {
    assertThat(Claims.none())
        .isEqualTo(new Claims(Set.of(), Set.of(), Set.of(), Set.of(), List.of()));
  }

  @Test
  void holdsWhatTheAgentSays() {
    Claims claims =
        new Claims(
            Set.of(A),
            Set.of(B),
            Set.of("ATest#login"),
            Set.of("ATest#login", "BTest"),
            List.of("mvn -q test", "git commit -m 'x'", "mvn -q test"));
    assertThat(claims.filesWritten()).containsExactly(A);
    assertThat(claims.filesDeleted()).containsExactly(B);
    // commands keep their order and repetitions
    assertThat(claims.commandsExecuted())
        .containsExactly("mvn -q test", "git commit -m 'x'", "mvn -q test");
  }

  @Test
  void aFileCannotBeBothWrittenAndDeleted() {
    assertRejected(
        () ->
            new Claims(
                Set.of(A, B), Set.of(RepoPath.of("./src//B.java")), Set.of(), Set.of(), List.of()),
        Claims.class,
        "filesDeleted[0]",
        "filesDeleted[0] must not name a file that is also written, was \"src/B.java\"");
  }

  @Test
  void rejectsBlankTestsAndCommands() {
    assertRejected(
        () -> new Claims(Set.of(), Set.of(), Set.of(" "), Set.of(), List.of()),
        Claims.class,
        "testsAdded[0]",
        "testsAdded[0] must not be blank, was \" \"");
    assertRejected(
        () ->
            new Claims(
                Set.of(), Set.of(), Set.of(), new LinkedHashSet<>(List.of("ok", "")), List.of()),
        Claims.class,
        "testsRun[1]",
        "testsRun[1] must not be blank, was \"\"");
    assertRejected(
        () -> new Claims(Set.of(), Set.of(), Set.of(), Set.of(), List.of("mvn test", "\t")),
        Claims.class,
        "commandsExecuted[1]",
        "commandsExecuted[1] must not be blank, was \"\\t\"");
    assertRejected(
        () -> new Claims(Set.of(), Set.of(), Set.of(), Set.of(), List.of("echo \0")),
        Claims.class,
        "commandsExecuted[0]",
        "commandsExecuted[0] must not contain NUL, was \"echo \\u0000\"");
  }

  @Test
  void copiesAndProtectsItsCollections() {
    Set<RepoPath> written = new HashSet<>(Set.of(A));
    Set<RepoPath> deleted = new HashSet<>(Set.of(B));
    Set<String> added = new HashSet<>(Set.of("T1"));
    Set<String> run = new HashSet<>(Set.of("T2"));
    List<String> commands = new ArrayList<>(List.of("mvn test"));
    Claims claims = new Claims(written, deleted, added, run, commands);
    written.clear();
    deleted.clear();
    added.clear();
    run.clear();
    commands.clear();
    assertThat(claims)
        .isEqualTo(
            new Claims(Set.of(A), Set.of(B), Set.of("T1"), Set.of("T2"), List.of("mvn test")));
    assertThatThrownBy(() -> claims.filesWritten().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> claims.filesDeleted().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> claims.testsAdded().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> claims.testsRun().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> claims.commandsExecuted().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNulls() {
    Set<RepoPath> none = Set.of();
    Set<String> noTests = Set.of();
    assertNullRejected(
        () -> new Claims(null, none, noTests, noTests, List.of()), Claims.class, "filesWritten");
    assertNullRejected(
        () -> new Claims(none, null, noTests, noTests, List.of()), Claims.class, "filesDeleted");
    assertNullRejected(
        () -> new Claims(none, none, null, noTests, List.of()), Claims.class, "testsAdded");
    assertNullRejected(
        () -> new Claims(none, none, noTests, null, List.of()), Claims.class, "testsRun");
    assertNullRejected(
        () -> new Claims(none, none, noTests, noTests, null), Claims.class, "commandsExecuted");
    assertNullRejected(
        () -> new Claims(none, none, noTests, noTests, Arrays.asList("a", null)),
        Claims.class,
        "commandsExecuted[1]");
    assertNullRejected(
        () ->
            new Claims(
                new HashSet<>(Arrays.asList((RepoPath) null)), none, noTests, noTests, List.of()),
        Claims.class,
        "filesWritten[0]");
  }
}
