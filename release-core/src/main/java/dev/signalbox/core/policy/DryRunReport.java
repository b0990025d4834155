package dev.signalbox.core.policy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.PolicyDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link DryRun} found: how many recorded changes it decided again, and each whose decision
 * under the candidate policy differs from the one under the current policy, with why.
 *
 * <p>Holds decisions, which are plain values, so it reads back from JSON. Immutable and
 * thread-safe.
 *
 * @param currentPolicy the digest of the policy in force
 * @param candidatePolicy the digest of the policy tried
 * @param decided how many recorded changes were decided under both
 * @param unchanged how many of them came out the same: outcome, reasons, required actions and
 *     earliest retry
 * @param transitions how many changed, by outcome under each policy; a pair whose outcome stayed
 *     counts changes whose reasons or required actions changed; sorted by outcome
 * @param changes every change that came out otherwise, in the order of the history
 */
public record DryRunReport(
    PolicyDigest currentPolicy,
    PolicyDigest candidatePolicy,
    int decided,
    int unchanged,
    List<Transition> transitions,
    List<Change> changes) {
  private static final Comparator<Transition> ORDER =
      Comparator.comparing(Transition::current).thenComparing(Transition::candidate);

  /** Checks that the counts add up and agree with the changes. */
  public DryRunReport {
    Checks.present(DryRunReport.class, "currentPolicy", currentPolicy);
    Checks.present(DryRunReport.class, "candidatePolicy", candidatePolicy);
    Checks.atLeast(DryRunReport.class, "decided", decided, 0);
    Checks.atLeast(DryRunReport.class, "unchanged", unchanged, 0);
    transitions =
        Checks.list(DryRunReport.class, "transitions", transitions).stream().sorted(ORDER).toList();
    changes = Checks.list(DryRunReport.class, "changes", changes);
    if (unchanged + changes.size() != decided) {
      throw new InvalidValueException(
          DryRunReport.class,
          "changes",
          "must number decided - unchanged (" + decided + " - " + unchanged + ")",
          changes.size());
    }
    List<Transition> counted = count(changes);
    if (!transitions.equals(counted)) {
      throw new InvalidValueException(
          DryRunReport.class, "transitions", "must count the changes' outcomes: " + counted, null);
    }
  }

  /** The report of {@code decided} changes of which {@code changes} came out otherwise. */
  static DryRunReport of(
      PolicyDigest currentPolicy, PolicyDigest candidatePolicy, int decided, List<Change> changes) {
    return new DryRunReport(
        currentPolicy, candidatePolicy, decided, decided - changes.size(), count(changes), changes);
  }

  /** How many changes came out otherwise. */
  public int changed() {
    return changes.size();
  }

  private static List<Transition> count(List<Change> changes) {
    Map<Outcome, Map<Outcome, Integer>> counts = new EnumMap<>(Outcome.class);
    for (Change change : changes) {
      counts
          .computeIfAbsent(change.current().outcome(), outcome -> new EnumMap<>(Outcome.class))
          .merge(change.candidate().outcome(), 1, Integer::sum);
    }
    List<Transition> transitions = new ArrayList<>();
    counts.forEach(
        (current, byCandidate) ->
            byCandidate.forEach(
                (candidate, count) -> transitions.add(new Transition(current, candidate, count))));
    return List.copyOf(transitions);
  }

  /**
   * How many changes went from one outcome under the current policy to another (or the same, with
   * other reasons) under the candidate.
   *
   * @param current the outcome under the current policy
   * @param candidate the outcome under the candidate policy
   * @param count how many changes; at least 1
   */
  public record Transition(Outcome current, Outcome candidate, int count) {
    /** Checks the fields. */
    public Transition {
      Checks.present(Transition.class, "current", current);
      Checks.present(Transition.class, "candidate", candidate);
      Checks.atLeast(Transition.class, "count", count, 1);
    }
  }

  /**
   * One change whose decision differs under the candidate policy.
   *
   * @param change the change
   * @param current its decision under the current policy
   * @param candidate its decision under the candidate policy
   * @param differences what differs, in words people read ({@code outcome changed from SHIP to
   *     NOT_YET}, {@code reason added by review-quorum: …}); at least one
   */
  public record Change(
      ChangeRef change, Decision current, Decision candidate, List<String> differences) {
    /** Checks the fields; both decisions are of the change. */
    public Change {
      Checks.present(Change.class, "change", change);
      Checks.present(Change.class, "current", current);
      Checks.present(Change.class, "candidate", candidate);
      if (!current.change().equals(change)) {
        throw new InvalidValueException(
            Change.class, "current.change", "must be " + change, current.change());
      }
      if (!candidate.change().equals(change)) {
        throw new InvalidValueException(
            Change.class, "candidate.change", "must be " + change, candidate.change());
      }
      differences =
          Checks.texts(
              Change.class,
              "differences",
              Checks.nonEmptyList(Change.class, "differences", differences));
    }
  }
}
