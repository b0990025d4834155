package dev.signalbox.core.spi;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.FieldPath;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Revision;
import java.util.List;
import java.util.Map;

/**
 * A {@link ChecksSource} over runs already reported: per change, the runs on the commit asked.
 * Immutable and thread-safe.
 */
final class ReportedChecks implements ChecksSource {
  private final Map<ChangeId, List<CheckRun>> runs;

  ReportedChecks(Map<ChangeId, List<CheckRun>> runs) {
    Map<ChangeId, List<CheckRun>> checked = Checks.map(ChecksSource.class, "runs", runs);
    ImmutableMap.Builder<ChangeId, List<CheckRun>> copy = ImmutableMap.builder();
    checked.forEach(
        (change, list) ->
            copy.put(
                change,
                Checks.list(ChecksSource.class, FieldPath.member("runs", change.value()), list)));
    this.runs = copy.buildOrThrow();
  }

  @Override
  public List<CheckRun> checks(ChangeId change, Revision revision) {
    Checks.present(ChecksSource.class, "change", change);
    Checks.present(ChecksSource.class, "revision", revision);
    return runs.getOrDefault(change, List.of()).stream()
        .filter(run -> run.commit().equals(revision))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return "ChecksSource.of(" + runs.keySet() + ")";
  }
}
