package dev.signalbox.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The calendar's documents: a definition people write in YAML, and what queries return. */
class CalendarDocumentsTest {
  private static final String CALENDAR =
      """
      formatVersion: 1
      freezes:
        - id: weekend
          scope: {components: [], paths: [], environments: [production], exclusions: []}
          schedule: {type: cron, start: "0 23 * * fri", end: "0 7 * * mon", zone: Europe/Berlin}
          level: NON_CRITICAL
          declaredBy: alice
          reason: nobody is on call
      mergeWindows:
        - id: office-hours
          scope: {components: [auth], paths: [], environments: [], exclusions: []}
          schedule:
            type: except-holidays
            schedule: {type: compact, expression: "Mon-Fri 09:00-17:00[Europe/Berlin]"}
            calendar: de
            zone: Europe/Berlin
          declaredBy: alice
          reason: reviewers are around
      holidays:
        - name: de
          dates: [2026-12-25, 2026-12-26]
          ranges: [{first: 2026-12-28, last: 2026-12-31}]
      """;

  @Test
  void aCalendarWrittenInYamlIsReadAndEvaluated() {
    DocumentCodec yaml = DocumentCodec.yaml();
    CalendarDefinition definition = yaml.read(CALENDAR, CalendarDefinition.class);
    assertThat(definition.freezes())
        .singleElement()
        .satisfies(
            freeze -> {
              assertThat(freeze.level()).isEqualTo(FreezeLevel.NON_CRITICAL);
              assertThat(freeze.schedule())
                  .isEqualTo(
                      new Schedule.Cron("0 23 * * fri", "0 7 * * mon", ZoneId.of("Europe/Berlin")));
            });
    ReleaseCalendar calendar = ReleaseCalendar.of(definition);
    assertThat(calendar.definition()).isEqualTo(definition);
    assertThat(yaml.read(yaml.write(definition), CalendarDefinition.class)).isEqualTo(definition);
    assertThat(
            DocumentCodec.json()
                .read(DocumentCodec.json().write(definition), CalendarDefinition.class))
        .isEqualTo(definition);
  }

  @Test
  void holdsAndOccurrencesRoundTripAsJson() {
    DocumentCodec json = DocumentCodec.json();
    ReleaseCalendar calendar =
        ReleaseCalendar.of(DocumentCodec.yaml().read(CALENDAR, CalendarDefinition.class));
    Instant saturday = Instant.parse("2026-11-28T12:00:00Z");
    List<WindowOccurrence> occurrences =
        calendar.between(saturday, Instant.parse("2026-12-05T00:00:00Z"));
    assertThat(occurrences).isNotEmpty();
    for (WindowOccurrence occurrence : occurrences) {
      assertThat(json.read(json.write(occurrence), WindowOccurrence.class)).isEqualTo(occurrence);
    }
    Hold.Frozen frozen =
        new Hold.Frozen(
            calendar.definition().freezes().get(0),
            Instant.parse("2026-11-27T22:00:00Z"),
            Optional.of(Instant.parse("2026-11-30T06:00:00Z")));
    assertThat(json.read(json.write(frozen), Hold.class)).isEqualTo(frozen);
  }
}
