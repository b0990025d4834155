package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.CHANGE;
import static dev.signalbox.core.model.Samples.DIGEST;
import static dev.signalbox.core.model.Samples.HEAD;
import static dev.signalbox.core.model.Samples.OTHER_CHANGE;
import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Train, MergeGroup, Car and Carryover. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class TrainTest {
  private static final TrainId ID = TrainId.of("2026-11-26-api");
  private static final ChangeRef THIRD = ChangeRef.of("acme/web", "9");
  private static final Reason WAITS = Reason.of("dependency", "Waits for acme/platform#7.");

  private static Car car(ChangeRef change) {
    return new Car(change, HEAD, DIGEST, RevertCheck.clean());
  }

  private static Train train(List<MergeGroup> groups, List<Carryover> carriedOver) {
    return new Train(ID, Scope.everything(), T0, TrainState.PLANNED, groups, carriedOver);
  }

  @Test
  void carsComeInMergeOrder() {
    Train train =
        train(
            List.of(
                new MergeGroup(List.of(car(CHANGE), car(THIRD))),
                new MergeGroup(List.of(car(OTHER_CHANGE)))),
            List.of());
    assertThat(train.cars()).containsExactly(car(CHANGE), car(THIRD), car(OTHER_CHANGE));
    assertThat(train.carriedOver()).isEmpty();
  }

  @Test
  void anEmptyTrainCarriesEverythingOver() {
    Train train = train(List.of(), List.of(new Carryover(CHANGE, List.of(WAITS))));
    assertThat(train.cars()).isEmpty();
    assertThat(train.carriedOver()).extracting(Carryover::change).containsExactly(CHANGE);
  }

  @Test
  void rejectsAChangeOnTwoCarsOfOneGroup() {
    assertRejected(
        () ->
            train(
                List.of(new MergeGroup(List.of(car(CHANGE), car(THIRD), car(CHANGE)))), List.of()),
        Train.class,
        "groups[0].cars[2].change",
        "groups[0].cars[2].change must not appear twice, was acme/payments#42");
  }

  @Test
  void rejectsAChangeInTwoGroups() {
    assertRejected(
        () ->
            train(
                List.of(
                    new MergeGroup(List.of(car(CHANGE))),
                    new MergeGroup(List.of(car(THIRD), car(CHANGE)))),
                List.of()),
        Train.class,
        "groups[1].cars[1].change",
        "groups[1].cars[1].change must not appear twice, was acme/payments#42");
  }

  @Test
  void rejectsAChangeThatBothBoardsAndIsCarriedOver() {
    assertRejected(
        () ->
            train(
                List.of(new MergeGroup(List.of(car(CHANGE)))),
                List.of(
                    new Carryover(OTHER_CHANGE, List.of(WAITS)),
                    new Carryover(CHANGE, List.of(WAITS)))),
        Train.class,
        "carriedOver[1].change",
        "carriedOver[1].change must not appear twice, was acme/payments#42");
  }

  @Test
  void rejectsAChangeCarriedOverTwice() {
    assertRejected(
        () ->
            train(
                List.of(),
                List.of(
                    new Carryover(CHANGE, List.of(WAITS)), new Carryover(CHANGE, List.of(WAITS)))),
        Train.class,
        "carriedOver[1].change",
        "carriedOver[1].change must not appear twice, was acme/payments#42");
  }

  @Test
  void copiesAndProtectsItsLists() {
    List<MergeGroup> groups = new ArrayList<>(List.of(new MergeGroup(List.of(car(CHANGE)))));
    List<Carryover> carriedOver = new ArrayList<>(List.of(new Carryover(THIRD, List.of(WAITS))));
    Train train = train(groups, carriedOver);
    groups.clear();
    carriedOver.clear();
    assertThat(train.groups()).hasSize(1);
    assertThat(train.carriedOver()).hasSize(1);
    assertThatThrownBy(() -> train.groups().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> train.carriedOver().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> train.cars().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNulls() {
    Scope all = Scope.everything();
    TrainState planned = TrainState.PLANNED;
    assertNullRejected(
        () -> new Train(null, all, T0, planned, List.of(), List.of()), Train.class, "id");
    assertNullRejected(
        () -> new Train(ID, null, T0, planned, List.of(), List.of()), Train.class, "scope");
    assertNullRejected(
        () -> new Train(ID, all, null, planned, List.of(), List.of()), Train.class, "departure");
    assertNullRejected(
        () -> new Train(ID, all, T0, null, List.of(), List.of()), Train.class, "state");
    assertNullRejected(
        () -> new Train(ID, all, T0, planned, null, List.of()), Train.class, "groups");
    assertNullRejected(
        () -> new Train(ID, all, T0, planned, Arrays.asList((MergeGroup) null), List.of()),
        Train.class,
        "groups[0]");
    assertNullRejected(
        () -> new Train(ID, all, T0, planned, List.of(), null), Train.class, "carriedOver");
  }

  @Test
  void mergeGroupHasAtLeastOneCar() {
    assertRejected(
        () -> new MergeGroup(List.of()),
        MergeGroup.class,
        "cars",
        "cars must not be empty, was []");
    assertNullRejected(() -> new MergeGroup(null), MergeGroup.class, "cars");
    assertNullRejected(
        () -> new MergeGroup(Arrays.asList(car(CHANGE), null)), MergeGroup.class, "cars[1]");
  }

  @Test
  void mergeGroupCopiesItsCars() {
    List<Car> cars = new ArrayList<>(List.of(car(CHANGE)));
    MergeGroup group = new MergeGroup(cars);
    cars.add(car(THIRD));
    assertThat(group.cars()).containsExactly(car(CHANGE));
    assertThatThrownBy(() -> group.cars().add(car(THIRD)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void carRejectsNulls() {
    RevertCheck clean = RevertCheck.clean();
    assertNullRejected(() -> new Car(null, HEAD, DIGEST, clean), Car.class, "change");
    assertNullRejected(() -> new Car(CHANGE, null, DIGEST, clean), Car.class, "head");
    assertNullRejected(() -> new Car(CHANGE, HEAD, null, clean), Car.class, "contentDigest");
    assertNullRejected(() -> new Car(CHANGE, HEAD, DIGEST, null), Car.class, "revertCheck");
  }

  @Test
  void carryoverExplainsItself() {
    assertRejected(
        () -> new Carryover(CHANGE, List.of()),
        Carryover.class,
        "reasons",
        "reasons must not be empty, was []");
    assertNullRejected(() -> new Carryover(null, List.of(WAITS)), Carryover.class, "change");
    assertNullRejected(() -> new Carryover(CHANGE, null), Carryover.class, "reasons");
    assertNullRejected(
        () -> new Carryover(CHANGE, Arrays.asList(WAITS, null)), Carryover.class, "reasons[1]");
  }

  @Test
  void carryoverCopiesItsReasons() {
    List<Reason> reasons = new ArrayList<>(List.of(WAITS));
    Carryover carryover = new Carryover(CHANGE, reasons);
    reasons.clear();
    assertThat(carryover.reasons()).containsExactly(WAITS);
    assertThatThrownBy(() -> carryover.reasons().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
