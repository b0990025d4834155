package dev.signalbox.core.train;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The search for the cars that broke a train's verification, as a state machine the caller drives
 * with its CI's results, which come when they come: {@link #next()} says which cars to verify
 * together (merged in train order onto the train's base), {@link #record} gives the result.
 *
 * <p>The train as a whole failed. The search halves the set known to hold a culprit: if the first
 * half fails, the culprit is in it, else in the second half, so one culprit among {@code n} cars is
 * isolated in at most {@code ceil(log2 n)} verifications; one more verifies the cars not yet
 * cleared without the culprits, and if they fail too the search goes on among them. It assumes a
 * set of cars fails when it holds a culprit; it finds every culprit and ends.
 *
 * <p>A result other than {@code SUCCESS} or {@code FAILURE} (a cancelled or timed-out run) says
 * nothing: the same cars are asked again. Not thread-safe.
 */
public final class Bisection {
  private final List<Car> cars;
  private final Set<Car> culprits = new LinkedHashSet<>();
  private final Set<Car> cleared = new LinkedHashSet<>();

  /** Cars known to hold at least one culprit; empty while confirming. */
  private List<Car> suspects;

  /** The cars asked for now, if any. */
  private @Nullable List<Car> asked;

  private boolean done;
  private int verifications;

  private Bisection(List<Car> cars) {
    this.cars = cars;
    this.suspects = cars;
    advance();
  }

  /**
   * The bisection of a failed train's {@code cars}, in merge order.
   *
   * @throws dev.signalbox.core.InvalidValueException if the list is null, empty or holds a null
   */
  public static Bisection of(List<Car> cars) {
    return new Bisection(Checks.nonEmptyList(Bisection.class, "cars", cars));
  }

  /** The cars to verify together next, in merge order; empty once the search is over. */
  public Optional<List<Car>> next() {
    return Optional.ofNullable(asked);
  }

  /**
   * Records the verification of the cars {@link #next()} asked for.
   *
   * @throws IllegalStateException if the search is over
   * @throws dev.signalbox.core.InvalidValueException if {@code result} is null
   */
  public void record(CheckConclusion result) {
    Checks.present(Bisection.class, "result", result);
    List<Car> verified = asked;
    if (verified == null) {
      throw new IllegalStateException("the bisection is over: nothing was asked");
    }
    if (result != CheckConclusion.SUCCESS && result != CheckConclusion.FAILURE) {
      return;
    }
    verifications++;
    boolean failed = result == CheckConclusion.FAILURE;
    if (suspects.isEmpty()) { // confirming the rest
      if (failed) {
        suspects = verified;
      } else {
        cleared.addAll(verified);
      }
    } else if (failed) {
      suspects = verified;
    } else {
      cleared.addAll(verified);
      suspects = suspects.subList(verified.size(), suspects.size());
    }
    advance();
  }

  /** Moves on: isolates a lone suspect, then asks the next half, or the rest, or ends. */
  private void advance() {
    if (suspects.size() == 1) {
      Car culprit = suspects.get(0);
      culprits.add(culprit);
      suspects = List.of();
    }
    if (!suspects.isEmpty()) {
      asked = List.copyOf(suspects.subList(0, (suspects.size() + 1) / 2));
      return;
    }
    List<Car> rest =
        cars.stream().filter(car -> !culprits.contains(car) && !cleared.contains(car)).toList();
    if (rest.isEmpty()) {
      asked = null;
      done = true;
    } else {
      asked = rest;
    }
  }

  /** Whether the search is over. */
  public boolean isDone() {
    return done;
  }

  /** How many verifications gave a result so far. */
  public int verifications() {
    return verifications;
  }

  /** The culprits found so far, in the order found. */
  public List<Car> culprits() {
    return List.copyOf(culprits);
  }

  /** The cars that passed a verification, in the order cleared. */
  public List<Car> cleared() {
    return List.copyOf(cleared);
  }

  /**
   * The culprits carried out of the train, each with the evidence: the bisection isolated it after
   * this many verifications.
   */
  public List<Carryover> carryovers() {
    List<Carryover> carryovers = new ArrayList<>();
    for (Car culprit : culprits) {
      carryovers.add(
          new Carryover(
              culprit.change(),
              List.of(
                  new Reason(
                      "bisection",
                      "the train failed verification and bisection isolated "
                          + culprit.change()
                          + " as a culprit",
                      Map.of(
                          "train-cars",
                          cars.stream()
                              .map(car -> car.change().toString())
                              .collect(Collectors.joining(", ")),
                          "verifications",
                          String.valueOf(verifications))))));
    }
    return carryovers;
  }

  /** The cars that are not culprits, in merge order: what is re-planned. */
  public List<Car> remaining() {
    return cars.stream().filter(car -> !culprits.contains(car)).toList();
  }
}
