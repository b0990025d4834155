package dev.signalbox.core.verification;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Revision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where every check stands on a change's current head commit: the checks the policy requires, and
 * every other check that reported a run, in name order.
 *
 * <p>A run is fresh only on the head commit (CI results depend on the whole tree); a run on any
 * other commit — an earlier revision of a re-dispatched change, say — is stale and counts for
 * nothing. Of a check's fresh runs the latest decides (a re-run replaces the run before it); of
 * runs that ended at the same instant, the least favourable decides, so that the answer does not
 * depend on the order the runs arrive in.
 *
 * @param change the change
 * @param head the head commit the checks were judged on
 * @param checks every required or reported check, by name
 */
public record ChecksReport(ChangeRef change, Revision head, List<CheckStatus> checks) {
  /** The most favourable first; a tie in time goes to the least favourable. */
  private static final Comparator<CheckRun> LATEST_LAST =
      Comparator.comparing(CheckRun::completedAt)
          .thenComparing(run -> -rank(run.conclusion()))
          .thenComparing(CheckRun::toString);

  /** Checks and copies the fields, and sorts the checks by name. */
  public ChecksReport {
    Checks.present(ChecksReport.class, "change", change);
    Checks.present(ChecksReport.class, "head", head);
    checks =
        Checks.list(ChecksReport.class, "checks", checks).stream()
            .sorted(Comparator.comparing(CheckStatus::name))
            .collect(ImmutableList.toImmutableList());
  }

  /**
   * Judges {@code runs} for {@code change}: the checks named in {@code required} and every check
   * that reported a run, on the change's head commit.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument, a name or a run is null
   */
  public static ChecksReport of(ChangeRequest change, Set<String> required, List<CheckRun> runs) {
    Checks.present(ChecksReport.class, "change", change);
    Set<String> names = Checks.texts(ChecksReport.class, "required", required);
    List<CheckRun> all = Checks.list(ChecksReport.class, "runs", runs);
    Map<String, List<CheckRun>> byName = new TreeMap<>();
    for (String name : names) {
      byName.put(name, new ArrayList<>());
    }
    for (CheckRun run : all) {
      byName.computeIfAbsent(run.name(), n -> new ArrayList<>()).add(run);
    }
    List<CheckStatus> statuses = new ArrayList<>(byName.size());
    byName.forEach(
        (name, list) -> statuses.add(status(change.head(), name, names.contains(name), list)));
    return new ChecksReport(change.ref(), change.head(), statuses);
  }

  private static CheckStatus status(
      Revision head, String name, boolean required, List<CheckRun> runs) {
    List<CheckRun> fresh = new ArrayList<>();
    List<CheckRun> stale = new ArrayList<>();
    for (CheckRun run : runs) {
      (run.commit().equals(head) ? fresh : stale).add(run);
    }
    stale.sort(LATEST_LAST);
    Optional<CheckRun> latest = fresh.stream().max(LATEST_LAST);
    CheckState state =
        latest
            .map(run -> CheckState.of(run.conclusion()))
            .orElse(stale.isEmpty() ? CheckState.MISSING : CheckState.STALE);
    return new CheckStatus(name, required, state, latest, stale);
  }

  /** How favourable a conclusion is: a failure least, a success most. */
  private static int rank(CheckConclusion conclusion) {
    return switch (conclusion) {
      case FAILURE, TIMED_OUT, CANCELLED -> 0;
      case SKIPPED -> 1;
      case NEUTRAL -> 2;
      case SUCCESS -> 3;
    };
  }

  /** The checks the policy requires, by name. */
  public List<CheckStatus> required() {
    return checks.stream().filter(CheckStatus::required).collect(ImmutableList.toImmutableList());
  }

  /** Whether every required check passed on the head commit. */
  public boolean requiredPassed() {
    return checks.stream().filter(CheckStatus::required).allMatch(CheckStatus::passed);
  }
}
