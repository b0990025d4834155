package dev.signalbox.core.policy;

import dev.signalbox.core.SignalboxException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A dry run of a candidate policy: decides recorded past changes again under the policy in force
 * and under the candidate, and reports which decisions would change and why — the way Gerrit's
 * submit-requirement check and GitHub's evaluate mode let people try rules before enforcing them.
 *
 * <p>Evidence is verified again on replay, never read back: each {@link RecordedChange}'s envelopes
 * go through the {@link EvidenceVerifier} once per policy, with that policy's digest. So a risk
 * acceptance or override signed under the current policy names the current digest and does not
 * count under a candidate with another digest: the report shows what the candidate would decide
 * with the evidence at hand, before anyone signs anew under it. Thread-safe (it holds no state).
 */
public final class DryRun {
  private DryRun() {}

  /**
   * Decides every change of {@code history} under {@code current} and {@code candidate}, at the
   * instant it was decided, and reports the decisions that differ.
   *
   * @param current the policy in force
   * @param candidate the policy to try
   * @param history the changes to decide again, in the order to report them
   * @param verifier verifies each change's envelopes; envelopes that do not verify are refused
   *     evidence, which the decisions report
   * @throws dev.signalbox.core.InvalidValueException if an argument or an item of the history is
   *     null
   * @throws SignalboxException if the verifier returns no evidence; an exception the verifier
   *     throws passes through, since a verifier must not throw
   */
  public static DryRunReport compare(
      ReleasePolicy current,
      ReleasePolicy candidate,
      List<RecordedChange> history,
      EvidenceVerifier verifier) {
    Checks.present(DryRun.class, "current", current);
    Checks.present(DryRun.class, "candidate", candidate);
    List<RecordedChange> changes = Checks.list(DryRun.class, "history", history);
    Checks.present(DryRun.class, "verifier", verifier);
    List<DryRunReport.Change> changed = new ArrayList<>();
    for (RecordedChange recorded : changes) {
      ChangeRequest change = recorded.change();
      // the board's verdicts were recorded as signed envelopes; no verdict comes from a board here
      BoardResult board =
          new BoardResult(change.ref(), change.contentDigest(), List.of(), List.of());
      ReleaseContext context = recorded.context(Evidence.none());
      Evidence before = verify(verifier, recorded, current.digest(), board);
      Evidence after =
          candidate.digest().equals(current.digest())
              ? before
              : verify(verifier, recorded, candidate.digest(), board);
      Decision was = current.decide(change, context.withEvidence(before));
      Decision would = candidate.decide(change, context.withEvidence(after));
      List<String> differences = differences(was, would);
      if (!differences.isEmpty()) {
        changed.add(new DryRunReport.Change(change.ref(), was, would, differences));
      }
    }
    return DryRunReport.of(current.digest(), candidate.digest(), changes.size(), changed);
  }

  private static Evidence verify(
      EvidenceVerifier verifier, RecordedChange recorded, PolicyDigest digest, BoardResult board) {
    @Nullable Evidence evidence =
        verifier.verify(
            recorded.change(),
            digest,
            board,
            recorded.envelopes(),
            recorded.checks(),
            recorded.decidedAt());
    if (evidence == null) {
      throw new SignalboxException(
          "the evidence verifier " + verifier + " returned no evidence for " + recorded.change());
    }
    return evidence;
  }

  /** What differs between two decisions of one change, apart from the policy digest. */
  static List<String> differences(Decision current, Decision candidate) {
    List<String> differences = new ArrayList<>();
    if (current.outcome() != candidate.outcome()) {
      differences.add("outcome changed from " + current.outcome() + " to " + candidate.outcome());
    }
    if (!current.earliestRetry().equals(candidate.earliestRetry())) {
      differences.add(
          "earliest retry changed from "
              + current.earliestRetry().map(Object::toString).orElse("none")
              + " to "
              + candidate.earliestRetry().map(Object::toString).orElse("none"));
    }
    diff(current.reasons(), candidate.reasons(), "reason", Reason::rule, DryRun::text, differences);
    diff(
        current.required(),
        candidate.required(),
        "required action",
        RequiredAction::rule,
        RequiredAction::action,
        differences);
    return differences;
  }

  /** Adds the items only one of the lists holds, counting repeats: removed ones, then added. */
  private static <T> void diff(
      List<T> current,
      List<T> candidate,
      String what,
      Function<T, String> rule,
      Function<T, String> text,
      List<String> differences) {
    if (current.equals(candidate)) {
      return;
    }
    for (T item : minus(current, candidate)) {
      differences.add(what + " removed by " + rule.apply(item) + ": " + text.apply(item));
    }
    for (T item : minus(candidate, current)) {
      differences.add(what + " added by " + rule.apply(item) + ": " + text.apply(item));
    }
  }

  private static <T> List<T> minus(List<T> items, List<T> taken) {
    List<T> left = new ArrayList<>(taken);
    List<T> only = new ArrayList<>();
    for (T item : items) {
      if (!left.remove(item)) {
        only.add(item);
      }
    }
    return only;
  }

  private static String text(Reason reason) {
    if (reason.evidence().isEmpty()) {
      return reason.message();
    }
    StringBuilder text = new StringBuilder(reason.message()).append(" (");
    String separator = "";
    for (Map.Entry<String, String> entry : new TreeMap<>(reason.evidence()).entrySet()) {
      text.append(separator).append(entry.getKey()).append(": ").append(entry.getValue());
      separator = ", ";
    }
    return text.append(')').toString();
  }
}
