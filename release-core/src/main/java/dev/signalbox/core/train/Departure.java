package dev.signalbox.core.train;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import java.util.List;

/**
 * What a departure did: the train either departed (every merge group on its branch, every entry in
 * the ledger) or is held part way by a hold that appeared after planning, with the groups still
 * pending. A held train departs the rest when {@link TrainPlanner#depart} is run again once the
 * hold lifts; nothing merged is undone.
 *
 * @param train the train
 * @param state {@code DEPARTED}, or {@code DEPARTING} while groups are pending
 * @param head the commit the branch points at now
 * @param merged how many merge groups are on the branch
 * @param pending the groups not merged, in order; empty exactly when the train departed
 */
public record Departure(
    TrainId train, TrainState state, Revision head, int merged, List<PendingGroup> pending) {
  /** Checks that the state and the pending groups agree. */
  public Departure {
    Checks.present(Departure.class, "train", train);
    Checks.present(Departure.class, "state", state);
    Checks.present(Departure.class, "head", head);
    Checks.atLeast(Departure.class, "merged", merged, 0);
    pending = Checks.list(Departure.class, "pending", pending);
    if ((state == TrainState.DEPARTED) != pending.isEmpty()) {
      throw new InvalidValueException(
          Departure.class, "pending", "must be empty exactly when the train departed", pending);
    }
    if (state != TrainState.DEPARTED && state != TrainState.DEPARTING) {
      throw new InvalidValueException(
          Departure.class, "state", "must be DEPARTED or DEPARTING", state);
    }
  }

  /** Whether every group landed. */
  public boolean departed() {
    return state == TrainState.DEPARTED;
  }
}
