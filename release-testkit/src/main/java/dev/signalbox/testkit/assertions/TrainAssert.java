package dev.signalbox.testkit.assertions;

import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.Train;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Train}: what boarded, in which group, and what was carried over why. */
public final class TrainAssert extends AbstractAssert<TrainAssert, Train> {
  TrainAssert(Train actual) {
    super(actual, TrainAssert.class);
  }

  /** Verifies that {@code change} is on a car of the train. */
  public TrainAssert boards(ChangeRef change) {
    isNotNull();
    if (groupOf(change) < 0) {
      failWithMessage(
          "Expected train %s to board %s but it boarded %s%s",
          actual.id(),
          change,
          boarded(),
          carryoverOf(change).map(c -> "; it was carried over: " + c.reasons()).orElse(""));
    }
    return this;
  }

  /** Verifies that {@code change} boards merge group {@code index} (0-based). */
  public TrainAssert boardsInGroup(ChangeRef change, int index) {
    boards(change);
    int group = groupOf(change);
    if (group != index) {
      failWithMessage(
          "Expected %s in merge group %s of train %s but it was in group %s",
          change, index, actual.id(), group);
    }
    return this;
  }

  /** Verifies that {@code first} boards a strictly earlier merge group than {@code then}. */
  public TrainAssert boardsBefore(ChangeRef first, ChangeRef then) {
    boards(first);
    boards(then);
    if (groupOf(first) >= groupOf(then)) {
      failWithMessage(
          "Expected %s to board an earlier merge group than %s but their groups were %s and %s",
          first, then, groupOf(first), groupOf(then));
    }
    return this;
  }

  /** Verifies that {@code change} was carried over. */
  public TrainAssert carriesOver(ChangeRef change) {
    isNotNull();
    if (carryoverOf(change).isEmpty()) {
      failWithMessage(
          "Expected train %s to carry over %s but it carried over %s",
          actual.id(), change, actual.carriedOver().stream().map(Carryover::change).toList());
    }
    return this;
  }

  /** Verifies that {@code change} was carried over with a reason from the rule {@code rule}. */
  public TrainAssert carriesOverBecauseOf(ChangeRef change, String rule) {
    carriesOver(change);
    Carryover carryover = carryoverOf(change).orElseThrow();
    if (carryover.reasons().stream().noneMatch(reason -> reason.rule().equals(rule))) {
      failWithMessage(
          "Expected %s to be carried over because of rule <%s> but its reasons were %s",
          change, rule, carryover.reasons());
    }
    return this;
  }

  /** Verifies that the train has {@code count} merge groups. */
  public TrainAssert hasMergeGroups(int count) {
    isNotNull();
    if (actual.groups().size() != count) {
      failWithMessage(
          "Expected train %s to have %s merge groups but it had %s",
          actual.id(), count, actual.groups().size());
    }
    return this;
  }

  private int groupOf(ChangeRef change) {
    for (int g = 0; g < actual.groups().size(); g++) {
      for (Car car : actual.groups().get(g).cars()) {
        if (car.change().equals(change)) {
          return g;
        }
      }
    }
    return -1;
  }

  private Optional<Carryover> carryoverOf(ChangeRef change) {
    return actual.carriedOver().stream().filter(c -> c.change().equals(change)).findFirst();
  }

  private List<ChangeRef> boarded() {
    return actual.cars().stream().map(Car::change).toList();
  }
}
