package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class RevertCheckTest {
  private static final RepoPath A = RepoPath.of("src/A.java");

  @Test
  void factories() {
    assertThat(RevertCheck.clean()).isEqualTo(new RevertCheck(RevertStatus.CLEAN, List.of()));
    assertThat(RevertCheck.notChecked())
        .isEqualTo(new RevertCheck(RevertStatus.NOT_CHECKED, List.of()));
  }

  @Test
  void conflictsListTheirPaths() {
    RevertCheck check = new RevertCheck(RevertStatus.CONFLICTS, List.of(A));
    assertThat(check.conflicts()).containsExactly(A);
  }

  @Test
  void conflictsMustNameAPath() {
    assertRejected(
        () -> new RevertCheck(RevertStatus.CONFLICTS, List.of()),
        RevertCheck.class,
        "conflicts",
        "conflicts must not be empty when the status is CONFLICTS, was []");
  }

  @ParameterizedTest
  @EnumSource(value = RevertStatus.class, names = "CONFLICTS", mode = EnumSource.Mode.EXCLUDE)
  void onlyConflictsListPaths(RevertStatus status) {
    assertRejected(
        () -> new RevertCheck(status, List.of(A)),
        RevertCheck.class,
        "conflicts",
        "conflicts must be empty when the status is " + status + ", was [src/A.java]");
  }

  @Test
  void copiesAndProtectsTheConflicts() {
    List<RepoPath> conflicts = new ArrayList<>(List.of(A));
    RevertCheck check = new RevertCheck(RevertStatus.CONFLICTS, conflicts);
    conflicts.clear();
    assertThat(check.conflicts()).containsExactly(A);
    assertThatThrownBy(() -> check.conflicts().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(() -> new RevertCheck(null, List.of()), RevertCheck.class, "status");
    assertNullRejected(
        () -> new RevertCheck(RevertStatus.CLEAN, null), RevertCheck.class, "conflicts");
    assertNullRejected(
        () -> new RevertCheck(RevertStatus.CONFLICTS, Arrays.asList(A, null)),
        RevertCheck.class,
        "conflicts[1]");
  }
}
