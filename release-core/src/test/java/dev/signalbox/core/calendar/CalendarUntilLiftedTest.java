package dev.signalbox.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Windows in force until lifted: their periods never end, so searches forward find nothing. */
class CalendarUntilLiftedTest {
  private static final Instant T0 = Instant.parse("2026-03-08T07:00:00Z");
  private static final Schedule INCIDENT = new Schedule.UntilLifted(T0, ZoneId.of("UTC"));

  @Test
  void freezeUntilLiftedHasNoEnd() {
    ReleaseCalendar calendar =
        ReleaseCalendar.builder().freeze(HandChecks.freezeWindow("incident", INCIDENT)).build();
    Instant later = T0.plusSeconds(3600);
    assertThat(calendar.holds(HandChecks.ANY, later))
        .containsExactly(
            new Hold.Frozen(calendar.definition().freezes().get(0), T0, Optional.empty()));
    assertThat(calendar.nextOpen(HandChecks.ANY, later)).isEmpty();
    assertThat(calendar.nextClose(HandChecks.ANY, T0.minusSeconds(60))).contains(T0);
    assertThat(calendar.between(later, later.plusSeconds(60)))
        .containsExactly(new WindowOccurrence(WindowKind.FREEZE, "incident", T0, Optional.empty()));
  }

  /**
   * A scope whose merge window is open until lifted never closes again: {@code nextClose} is empty.
   * (Found by the oracle property: the calendar threw DateTimeException "Instant exceeds minimum or
   * maximum instant" from nextClose.)
   */
  @Test
  void mergeWindowUntilLiftedNeverCloses() {
    ReleaseCalendar calendar =
        ReleaseCalendar.builder().mergeWindow(HandChecks.mergeWindow("open", INCIDENT)).build();
    Instant later = T0.plusSeconds(3600);
    assertThat(calendar.isOpen(HandChecks.ANY, later)).isTrue();
    assertThat(calendar.holds(HandChecks.ANY, T0.minusSeconds(60)))
        .containsExactly(
            new Hold.MergeWindowClosed(
                Scope.everything(), calendar.definition().mergeWindows(), Optional.of(T0)));
    assertThat(calendar.nextOpen(HandChecks.ANY, T0.minusSeconds(60))).contains(T0);
    assertThat(calendar.nextClose(HandChecks.ANY, later)).isEmpty();
  }

  @Test
  void mergeWindowUntilLiftedNeverClosesEvenWithAnotherWindowOfTheScope() {
    ReleaseCalendar calendar =
        ReleaseCalendar.builder()
            .mergeWindow(HandChecks.mergeWindow("open", INCIDENT))
            .mergeWindow(
                HandChecks.mergeWindow(
                    "weekdays", new Schedule.Compact("Mon-Fri 09:00-17:00[Europe/Berlin]")))
            .build();
    assertThat(calendar.nextClose(HandChecks.ANY, T0.plusSeconds(3600))).isEmpty();
    assertThat(calendar.holds(HandChecks.ANY, T0.plusSeconds(3600))).isEqualTo(List.of());
  }
}
