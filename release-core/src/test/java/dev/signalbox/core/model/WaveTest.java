package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.CHANGE;
import static dev.signalbox.core.model.Samples.OTHER_CHANGE;
import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class WaveTest {
  private static final WaveId ID = WaveId.of("w-2026-11-26-a");

  @Test
  void holdsItsChanges() {
    Wave wave = new Wave(ID, "alice", T0, Set.of(CHANGE, OTHER_CHANGE), true);
    assertThat(wave.changes()).containsExactlyInAnyOrder(CHANGE, OTHER_CHANGE);
    assertThat(wave.shipTogether()).isTrue();
  }

  @Test
  void hasAtLeastOneChange() {
    assertRejected(
        () -> new Wave(ID, "alice", T0, Set.of(), false),
        Wave.class,
        "changes",
        "changes must not be empty, was []");
  }

  @Test
  void copiesAndProtectsItsChanges() {
    Set<ChangeRef> changes = new HashSet<>(Set.of(CHANGE));
    Wave wave = new Wave(ID, "alice", T0, changes, false);
    changes.add(OTHER_CHANGE);
    assertThat(wave.changes()).containsExactly(CHANGE);
    assertThatThrownBy(() -> wave.changes().add(OTHER_CHANGE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsADispatcherThatIsNotAToken() {
    assertRejected(
        () -> new Wave(ID, "alice smith", T0, Set.of(CHANGE), false),
        Wave.class,
        "dispatcher",
        "dispatcher must not contain whitespace or control characters, was \"alice smith\"");
  }

  @Test
  void rejectsNulls() {
    Set<ChangeRef> one = Set.of(CHANGE);
    assertNullRejected(() -> new Wave(null, "alice", T0, one, false), Wave.class, "id");
    assertNullRejected(() -> new Wave(ID, null, T0, one, false), Wave.class, "dispatcher");
    assertNullRejected(() -> new Wave(ID, "alice", null, one, false), Wave.class, "dispatchedAt");
    assertNullRejected(() -> new Wave(ID, "alice", T0, null, false), Wave.class, "changes");
    assertNullRejected(
        () -> new Wave(ID, "alice", T0, new LinkedHashSet<>(Arrays.asList(CHANGE, null)), false),
        Wave.class,
        "changes[1]");
  }
}
