package dev.signalbox.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.model.Wave;
import dev.signalbox.core.model.WaveId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner's values as versioned JSON and YAML documents: a train's spec with its caps, waves
 * and trains ahead, and what a departure did, with the freeze that holds its pending groups. Each
 * reads back equal and writes the same text again.
 */
class TrainDocumentsTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static Car car(String id, int n) {
    return new Car(
        ChangeRef.of("acme/shop", id),
        Revision.of(String.format("%040x", n)),
        ContentDigest.of(String.format("%064x", n)),
        RevertCheck.notChecked());
  }

  private static <T> void roundTrips(T value, Class<T> type) {
    for (DocumentCodec codec : List.of(DocumentCodec.json(), DocumentCodec.yaml())) {
      String written = codec.write(value);
      assertThat(written).contains("formatVersion");
      T read = codec.read(written, type);
      assertThat(read).isEqualTo(value);
      assertThat(codec.write(read)).isEqualTo(written);
    }
  }

  @Test
  void aTrainSpecRoundTripsWithItsCapsWavesAndTrainsAhead() {
    Train ahead =
        new Train(
            TrainId.of("web"),
            Scope.ofComponents("web"),
            NOW,
            TrainState.PLANNED,
            List.of(
                new MergeGroup(List.of(car("1", 1), car("2", 2))),
                new MergeGroup(List.of(car("3", 3)))),
            List.of(
                new Carryover(
                    ChangeRef.of("acme/shop", "9"),
                    List.of(
                        new Reason(
                            "train-cap",
                            "the train carries at most 3 changes",
                            Map.of("cap", "max-changes", "limit", "3"))))));
    TrainSpec spec =
        TrainSpec.of(
                TrainId.of("search"),
                Scope.ofComponents("search"),
                NOW,
                "refs/heads/main",
                Revision.of("a".repeat(40)))
            .withCaps(
                Caps.none()
                    .withMaxChanges(40)
                    .withMaxAcceptedRisk(0.5)
                    .withMaxBlastRadius(BlastLevel.HIGH)
                    .withMaxIrreversible(1))
            .withWaves(
                List.of(
                    new Wave(
                        WaveId.of("wave-1"),
                        "alice",
                        NOW.minusSeconds(3600),
                        Set.of(ChangeRef.of("acme/shop", "4"), ChangeRef.of("acme/shop", "5")),
                        true)))
            .withAhead(List.of(ahead));
    roundTrips(spec, TrainSpec.class);
    roundTrips(Caps.none(), Caps.class);
  }

  @Test
  void aHeldDepartureRoundTripsWithTheFreezeThatHoldsIt() {
    FreezeWindow freeze =
        new FreezeWindow(
            "search-incident",
            Scope.ofComponents("search"),
            new Schedule.UntilLifted(NOW.minusSeconds(300), ZoneId.of("UTC")),
            FreezeLevel.ALL,
            "rita",
            "search is down",
            Optional.of("INC-9"));
    Departure held =
        new Departure(
            TrainId.of("t1"),
            TrainState.DEPARTING,
            Revision.of("b".repeat(40)),
            1,
            List.of(
                new PendingGroup(
                    1,
                    new MergeGroup(List.of(car("4", 4))),
                    List.of(new Hold.Frozen(freeze, NOW.minusSeconds(300), Optional.empty()))),
                new PendingGroup(2, new MergeGroup(List.of(car("5", 5))), List.of())));
    roundTrips(held, Departure.class);
    roundTrips(
        new Departure(
            TrainId.of("t1"), TrainState.DEPARTED, Revision.of("c".repeat(40)), 3, List.of()),
        Departure.class);
  }
}
