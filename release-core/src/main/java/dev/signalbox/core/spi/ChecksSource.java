package dev.signalbox.core.spi;

import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Revision;
import java.util.List;
import java.util.Map;

/**
 * Where a change's CI check runs come from, such as a CI system's API: the runs reported for one
 * change on one commit.
 *
 * <p>A run is fresh evidence only for the commit it ran on (CI results depend on the whole tree),
 * so a source answers per commit: every run it returns ran on the revision asked, and a re-run is a
 * second run of the same name. A change or commit the source knows nothing of has no runs: the
 * answer is an empty list, never an exception. Called outside the decision, to gather evidence;
 * implementations must be thread-safe and may do I/O, and should throw a {@link
 * dev.signalbox.core.SignalboxException} when the CI system cannot be asked, rather than answer
 * with fewer runs than it reported. The test kit's {@code ChecksSourceContract} checks an
 * implementation.
 */
public interface ChecksSource {

  /**
   * The check runs reported for {@code change} on {@code revision}, in no particular order.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  List<CheckRun> checks(ChangeId change, Revision revision);

  /**
   * A source that answers from runs already reported, by change: for a change and a revision, the
   * runs listed for that change that ran on that revision. For runs exported from a CI system,
   * replays and tests. Immutable and thread-safe.
   *
   * @throws dev.signalbox.core.InvalidValueException if the map, a list or a run is null
   */
  static ChecksSource of(Map<ChangeId, List<CheckRun>> runs) {
    return new ReportedChecks(runs);
  }
}
