package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** FreezeWindow, MergeWindow, HolidayCalendar and DateRange. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class WindowsTest {
  private static final Scope API = Scope.ofComponents("api");
  private static final Schedule INCIDENT = new Schedule.UntilLifted(T0, ZoneId.of("UTC"));

  @Nested
  class FreezeWindows {
    private FreezeWindow freeze(
        String id, String declaredBy, String reason, Optional<String> incident) {
      return new FreezeWindow(
          id, API, INCIDENT, FreezeLevel.NON_CRITICAL, declaredBy, reason, incident);
    }

    @Test
    void holdsItsDeclaration() {
      FreezeWindow freeze =
          freeze("incident-42", "alice", "Checkout is down.", Optional.of("INC-42"));
      assertThat(freeze.incident()).contains("INC-42");
      assertThat(freeze.level()).isEqualTo(FreezeLevel.NON_CRITICAL);
    }

    @Test
    void rejectsBadFields() {
      assertRejected(
          () -> freeze("incident 42", "alice", "r", Optional.empty()),
          FreezeWindow.class,
          "id",
          "id must not contain whitespace or control characters, was \"incident 42\"");
      assertRejected(
          () -> freeze("f", "", "r", Optional.empty()),
          FreezeWindow.class,
          "declaredBy",
          "declaredBy must not be empty, was \"\"");
      assertRejected(
          () -> freeze("f", "alice", " ", Optional.empty()),
          FreezeWindow.class,
          "reason",
          "reason must not be blank, was \" \"");
      assertRejected(
          () -> freeze("f", "alice", "r", Optional.of("INC 42")),
          FreezeWindow.class,
          "incident",
          "incident must not contain whitespace or control characters, was \"INC 42\"");
    }

    @Test
    void rejectsNulls() {
      Optional<String> none = Optional.empty();
      FreezeLevel level = FreezeLevel.ALL;
      Class<?> t = FreezeWindow.class;
      assertNullRejected(() -> freeze(null, "alice", "r", none), t, "id");
      assertNullRejected(
          () -> new FreezeWindow("f", null, INCIDENT, level, "a", "r", none), t, "scope");
      assertNullRejected(
          () -> new FreezeWindow("f", API, null, level, "a", "r", none), t, "schedule");
      assertNullRejected(
          () -> new FreezeWindow("f", API, INCIDENT, null, "a", "r", none), t, "level");
      assertNullRejected(() -> freeze("f", null, "r", none), t, "declaredBy");
      assertNullRejected(() -> freeze("f", "alice", null, none), t, "reason");
      assertNullRejected(() -> freeze("f", "alice", "r", null), t, "incident");
    }
  }

  @Nested
  class MergeWindows {
    @Test
    void holdsItsDeclaration() {
      Schedule weekdays = new Schedule.Compact("Mon-Fri 09:00-11:00[Europe/Paris]");
      MergeWindow window =
          new MergeWindow(
              "api-mornings", API, weekdays, "alice", "Merge while staffed.", Optional.empty());
      assertThat(window.schedule()).isEqualTo(weekdays);
      MergeWindow hotfix =
          new MergeWindow("hotfix", API, INCIDENT, "alice", "Fix window.", Optional.of("INC-42"));
      assertThat(hotfix.incident()).contains("INC-42");
      assertRejected(
          () -> new MergeWindow("hotfix", API, INCIDENT, "alice", "Fix.", Optional.of("INC 42")),
          MergeWindow.class,
          "incident",
          "incident must not contain whitespace or control characters, was \"INC 42\"");
    }

    @Test
    void rejectsBadFieldsAndNulls() {
      Class<?> t = MergeWindow.class;
      assertRejected(
          () -> new MergeWindow("m", API, INCIDENT, "alice", "", Optional.empty()),
          t,
          "reason",
          "reason must not be blank, was \"\"");
      assertRejected(
          () -> new MergeWindow("", API, INCIDENT, "alice", "r", Optional.empty()),
          t,
          "id",
          "id must not be empty, was \"\"");
      assertNullRejected(
          () -> new MergeWindow(null, API, INCIDENT, "a", "r", Optional.empty()), t, "id");
      assertNullRejected(
          () -> new MergeWindow("m", null, INCIDENT, "a", "r", Optional.empty()), t, "scope");
      assertNullRejected(
          () -> new MergeWindow("m", API, null, "a", "r", Optional.empty()), t, "schedule");
      assertNullRejected(
          () -> new MergeWindow("m", API, INCIDENT, null, "r", Optional.empty()), t, "declaredBy");
      assertNullRejected(
          () -> new MergeWindow("m", API, INCIDENT, "a", null, Optional.empty()), t, "reason");
    }
  }

  @Nested
  class HolidayCalendars {
    private final LocalDate christmas = LocalDate.of(2026, 12, 25);
    private final DateRange shutdown =
        new DateRange(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 31));

    @Test
    void daysAndRangesAreHolidays() {
      HolidayCalendar calendar = new HolidayCalendar("acme", Set.of(christmas), List.of(shutdown));
      assertThat(calendar.isHoliday(christmas)).isTrue();
      assertThat(calendar.isHoliday(LocalDate.of(2026, 12, 28))).isTrue();
      assertThat(calendar.isHoliday(LocalDate.of(2026, 12, 31))).isTrue();
      assertThat(calendar.isHoliday(LocalDate.of(2026, 12, 26))).isFalse();
      assertThat(calendar.isHoliday(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void copiesAndProtectsItsDays() {
      Set<LocalDate> dates = new HashSet<>(Set.of(christmas));
      List<DateRange> ranges = new ArrayList<>(List.of(shutdown));
      HolidayCalendar calendar = new HolidayCalendar("acme", dates, ranges);
      dates.clear();
      ranges.clear();
      assertThat(calendar.dates()).containsExactly(christmas);
      assertThat(calendar.ranges()).containsExactly(shutdown);
      assertThatThrownBy(() -> calendar.dates().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> calendar.ranges().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBadNamesAndNulls() {
      Class<?> t = HolidayCalendar.class;
      assertRejected(
          () -> new HolidayCalendar("us holidays", Set.of(), List.of()),
          t,
          "name",
          "name must not contain whitespace or control characters, was \"us holidays\"");
      assertNullRejected(() -> new HolidayCalendar(null, Set.of(), List.of()), t, "name");
      assertNullRejected(() -> new HolidayCalendar("acme", null, List.of()), t, "dates");
      assertNullRejected(() -> new HolidayCalendar("acme", Set.of(), null), t, "ranges");
      assertNullRejected(
          () -> new HolidayCalendar("acme", Set.of(), Arrays.asList(shutdown, null)),
          t,
          "ranges[1]");
    }
  }

  @Nested
  class DateRanges {
    @Test
    void isInclusiveAtBothEnds() {
      DateRange range = new DateRange(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26));
      assertThat(range.contains(LocalDate.of(2026, 12, 23))).isFalse();
      assertThat(range.contains(LocalDate.of(2026, 12, 24))).isTrue();
      assertThat(range.contains(LocalDate.of(2026, 12, 26))).isTrue();
      assertThat(range.contains(LocalDate.of(2026, 12, 27))).isFalse();
    }

    @Test
    void mayBeOneDay() {
      LocalDate day = LocalDate.of(2026, 7, 14);
      assertThat(new DateRange(day, day).contains(day)).isTrue();
    }

    @Test
    void rejectsABackwardsRange() {
      assertRejected(
          () -> new DateRange(LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 25)),
          DateRange.class,
          "last",
          "last must not be before first (2026-12-26), was 2026-12-25");
    }

    @Test
    void rejectsNulls() {
      assertNullRejected(
          () -> new DateRange(null, LocalDate.of(2026, 1, 1)), DateRange.class, "first");
      assertNullRejected(
          () -> new DateRange(LocalDate.of(2026, 1, 1), null), DateRange.class, "last");
    }
  }
}
