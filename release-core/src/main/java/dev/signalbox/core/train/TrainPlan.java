package dev.signalbox.core.train;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Target;
import dev.signalbox.core.model.Train;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A planned train and what its departure needs: the spec it was planned for, the train (cars in
 * merge groups, carryovers with reasons), the policy's decision on every candidate, each car's
 * calendar target, and the windows that held a car at planning which the policy let it pass (an
 * emergency with a valid acceptance under a freeze), so that departure holds only for new ones.
 *
 * @param spec the spec the train was planned for
 * @param train the train, in state {@code PLANNED}
 * @param decisions the policy's decision on each candidate, at the train's departure
 * @param targets each car's calendar target, by change
 * @param waived per car, the ids of windows that held it at planning and that the policy let pass
 */
public record TrainPlan(
    TrainSpec spec,
    Train train,
    Map<ChangeRef, Decision> decisions,
    Map<ChangeRef, Target> targets,
    Map<ChangeRef, Set<String>> waived) {
  /** Checks that the train is the spec's and that every car has its target. */
  public TrainPlan {
    Checks.present(TrainPlan.class, "spec", spec);
    Checks.present(TrainPlan.class, "train", train);
    decisions = Checks.map(TrainPlan.class, "decisions", decisions);
    targets = Checks.map(TrainPlan.class, "targets", targets);
    waived = Checks.map(TrainPlan.class, "waived", waived);
    if (!train.id().equals(spec.id())) {
      throw new InvalidValueException(
          TrainPlan.class, "train.id", "must be the spec's id " + spec.id(), train.id());
    }
    for (Car car : train.cars()) {
      if (!targets.containsKey(car.change())) {
        throw new InvalidValueException(
            TrainPlan.class, "targets", "must have every car's target", car.change());
      }
    }
  }

  /** The car of {@code change}, if it boarded. */
  public Optional<Car> car(ChangeRef change) {
    return train.cars().stream().filter(car -> car.change().equals(change)).findFirst();
  }

  /** The carryover of {@code change}, if it did not board. */
  public Optional<Carryover> carryover(ChangeRef change) {
    return train.carriedOver().stream().filter(c -> c.change().equals(change)).findFirst();
  }
}
