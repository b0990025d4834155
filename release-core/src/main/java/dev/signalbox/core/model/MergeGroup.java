package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.util.List;

/**
 * Cars of a train that merge together: no two touch an overlapping path, so the group can be
 * verified in parallel. Groups merge in order.
 *
 * @param cars the group's cars, at least one
 */
public record MergeGroup(List<Car> cars) {
  /** Checks that the group has cars and copies them. */
  public MergeGroup {
    cars = Checks.nonEmptyList(MergeGroup.class, "cars", cars);
  }
}
