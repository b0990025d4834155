package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class TargetTest {
  private static final RepoPath PATH = RepoPath.of("src/App.java");

  private static Target target(
      Set<String> components, Set<RepoPath> paths, Optional<String> environment) {
    return new Target(
        components, paths, environment, ChangeClass.NORMAL, Criticality.ROUTINE, false);
  }

  @Test
  void holdsWhereAndWhat() {
    Target target =
        new Target(
            Set.of("auth"),
            Set.of(PATH),
            Optional.of("production"),
            ChangeClass.EMERGENCY,
            Criticality.P0,
            true);
    assertThat(target.environment()).contains("production");
    assertThat(target.securityFix()).isTrue();
  }

  @Test
  void copiesAndProtectsItsSets() {
    Set<String> components = new HashSet<>(Set.of("auth"));
    Set<RepoPath> paths = new HashSet<>(Set.of(PATH));
    Target target = target(components, paths, Optional.empty());
    components.clear();
    paths.clear();
    assertThat(target.components()).containsExactly("auth");
    assertThat(target.paths()).containsExactly(PATH);
    assertThatThrownBy(() -> target.paths().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> target.components().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsAnEnvironmentThatIsNotAToken() {
    assertRejected(
        () -> target(Set.of(), Set.of(), Optional.of("prod eu")),
        Target.class,
        "environment",
        "environment must not contain whitespace or control characters, was \"prod eu\"");
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(() -> target(null, Set.of(), Optional.empty()), Target.class, "components");
    assertNullRejected(() -> target(Set.of(), null, Optional.empty()), Target.class, "paths");
    assertNullRejected(() -> target(Set.of(), Set.of(), null), Target.class, "environment");
    assertNullRejected(
        () -> new Target(Set.of(), Set.of(), Optional.empty(), null, Criticality.P0, false),
        Target.class,
        "changeClass");
    assertNullRejected(
        () -> new Target(Set.of(), Set.of(), Optional.empty(), ChangeClass.NORMAL, null, false),
        Target.class,
        "criticality");
  }
}
