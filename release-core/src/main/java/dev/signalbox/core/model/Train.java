package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A release train: a scheduled batch for one scope. What is ready boards, arranged in ordered merge
 * groups; what is not is carried over with its reasons. A change appears at most once, either on a
 * car or in the carryover.
 *
 * @param id the train's identifier
 * @param scope what the train ships
 * @param departure when it leaves
 * @param state where it is in its life
 * @param groups its merge groups, in merge order
 * @param carriedOver the changes that wait for the next train, with reasons
 */
public record Train(
    TrainId id,
    Scope scope,
    Instant departure,
    TrainState state,
    List<MergeGroup> groups,
    List<Carryover> carriedOver) {
  /** Checks the fields and that no change appears twice. */
  public Train {
    Checks.present(Train.class, "id", id);
    Checks.present(Train.class, "scope", scope);
    Checks.instant(Train.class, "departure", departure);
    Checks.present(Train.class, "state", state);
    groups = Checks.list(Train.class, "groups", groups);
    carriedOver = Checks.list(Train.class, "carriedOver", carriedOver);
    Set<ChangeRef> seen = new HashSet<>();
    for (int g = 0; g < groups.size(); g++) {
      List<Car> cars = groups.get(g).cars();
      for (int c = 0; c < cars.size(); c++) {
        ChangeRef change = cars.get(c).change();
        if (!seen.add(change)) {
          throw new InvalidValueException(
              Train.class,
              "groups[" + g + "].cars[" + c + "].change",
              "must not appear twice",
              change);
        }
      }
    }
    for (int i = 0; i < carriedOver.size(); i++) {
      ChangeRef change = carriedOver.get(i).change();
      if (!seen.add(change)) {
        throw new InvalidValueException(
            Train.class, "carriedOver[" + i + "].change", "must not appear twice", change);
      }
    }
  }

  /** The cars of every group, in merge order. */
  public List<Car> cars() {
    return groups.stream().flatMap(group -> group.cars().stream()).toList();
  }
}
