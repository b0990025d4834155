package dev.signalbox.core.train;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.Wave;
import dev.signalbox.core.model.WaveId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a train is to be: its id and scope, when it departs, the branch it lands on and the commit
 * it is planned onto, its caps, the waves its candidates were dispatched in, and the trains of
 * other teams on the same branch that depart before it.
 *
 * <p>Trains whose scopes overlap on one branch are sequenced, never merged blindly: a train lists
 * the planned trains {@code ahead} of it. It is planned onto the tree they leave, its candidates
 * already on one of them stay there, their cars count as landed for dependencies, and it departs
 * only once they have.
 *
 * @param id the train's identifier
 * @param scope what the train ships; a candidate outside it is carried over
 * @param departure when the train leaves: the instant the policy decides at
 * @param targetRef the branch the train lands on, such as {@code refs/heads/main}
 * @param base the commit of {@code targetRef} the train is planned onto
 * @param caps the train's limits
 * @param waves the waves the candidates were dispatched in; a ship-together wave boards whole or
 *     not at all
 * @param ahead the planned trains on the same branch that depart before this one, in order
 */
public record TrainSpec(
    TrainId id,
    Scope scope,
    Instant departure,
    String targetRef,
    Revision base,
    Caps caps,
    List<Wave> waves,
    List<Train> ahead) {
  /** Checks the fields: waves have distinct ids, and no train ahead is this one or repeats. */
  public TrainSpec {
    Class<?> t = TrainSpec.class;
    Checks.present(t, "id", id);
    Checks.present(t, "scope", scope);
    Checks.instant(t, "departure", departure);
    Checks.text(t, "targetRef", targetRef);
    if (!targetRef.startsWith("refs/")) {
      throw new InvalidValueException(t, "targetRef", "must start with refs/", targetRef);
    }
    Checks.present(t, "base", base);
    Checks.present(t, "caps", caps);
    waves = Checks.list(t, "waves", waves);
    ahead = Checks.list(t, "ahead", ahead);
    Set<WaveId> waveIds = new HashSet<>();
    for (int i = 0; i < waves.size(); i++) {
      if (!waveIds.add(waves.get(i).id())) {
        throw new InvalidValueException(t, "waves[" + i + "].id", "repeats", waves.get(i).id());
      }
    }
    Set<TrainId> trainIds = new HashSet<>();
    trainIds.add(id);
    for (int i = 0; i < ahead.size(); i++) {
      if (!trainIds.add(ahead.get(i).id())) {
        throw new InvalidValueException(
            t, "ahead[" + i + "].id", "is this train or repeats one ahead", ahead.get(i).id());
      }
    }
  }

  /**
   * The spec of train {@code id} for {@code scope}, leaving at {@code departure} onto {@code base}
   * of {@code targetRef}, without caps, waves or trains ahead.
   */
  public static TrainSpec of(
      TrainId id, Scope scope, Instant departure, String targetRef, Revision base) {
    return new TrainSpec(id, scope, departure, targetRef, base, Caps.none(), List.of(), List.of());
  }

  /** This spec with other caps. */
  public TrainSpec withCaps(Caps caps) {
    return new TrainSpec(id, scope, departure, targetRef, base, caps, waves, ahead);
  }

  /** This spec with other waves. */
  public TrainSpec withWaves(List<Wave> waves) {
    return new TrainSpec(id, scope, departure, targetRef, base, caps, waves, ahead);
  }

  /** This spec with other trains ahead. */
  public TrainSpec withAhead(List<Train> ahead) {
    return new TrainSpec(id, scope, departure, targetRef, base, caps, waves, ahead);
  }

  /** The cars of the trains ahead, in the order they land. */
  List<Car> carsAhead() {
    return ahead.stream().flatMap(train -> train.cars().stream()).toList();
  }
}
