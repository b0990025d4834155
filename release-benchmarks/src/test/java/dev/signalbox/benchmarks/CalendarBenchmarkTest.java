package dev.signalbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.calendar.Hold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar benchmark measures what it says: real windows, some holding, some not. */
class CalendarBenchmarkTest {
  @Test
  void theCalendarHasTheWindowsAndTheInstantsFallInAndOutOfThem() {
    CalendarBenchmark benchmark = new CalendarBenchmark();
    benchmark.windows = 100;
    benchmark.setUp();
    assertThat(CalendarBenchmark.ids(CalendarBenchmark.calendar(100)))
        .hasSize(100)
        .doesNotHaveDuplicates();
    List<List<Hold>> holds = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      holds.add(benchmark.frozen());
      assertThat(benchmark.nextOpen()).isPresent();
    }
    assertThat(holds).anySatisfy(h -> assertThat(h).isEmpty());
    assertThat(holds).anySatisfy(h -> assertThat(h).isNotEmpty());
    assertThat(holds).anySatisfy(h -> assertThat(h).hasAtLeastOneElementOfType(Hold.Frozen.class));
    assertThat(holds)
        .anySatisfy(h -> assertThat(h).hasAtLeastOneElementOfType(Hold.MergeWindowClosed.class));
  }
}
