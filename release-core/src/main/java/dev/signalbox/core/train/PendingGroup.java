package dev.signalbox.core.train;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.MergeGroup;
import java.util.List;

/**
 * A merge group of a departing train that is not merged yet, with what holds it: the calendar's
 * holds that appeared since planning (a freeze declared mid-flight), or none when it only waits for
 * an earlier group, since groups merge in order.
 *
 * @param index the group's index on the train
 * @param group the group
 * @param holds the holds on its cars that the plan did not know; empty when it waits for an earlier
 *     group
 */
public record PendingGroup(int index, MergeGroup group, List<Hold> holds) {
  /** Checks and copies the fields. */
  public PendingGroup {
    Checks.atLeast(PendingGroup.class, "index", index, 0);
    Checks.present(PendingGroup.class, "group", group);
    holds = Checks.list(PendingGroup.class, "holds", holds);
  }
}
