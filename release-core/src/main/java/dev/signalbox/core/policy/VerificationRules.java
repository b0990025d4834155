package dev.signalbox.core.policy;

import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.verification.CheckState;
import dev.signalbox.core.verification.CheckStatus;
import dev.signalbox.core.verification.ChecksReport;
import dev.signalbox.core.verification.ClaimMismatch;
import dev.signalbox.core.verification.ClaimsReport;
import dev.signalbox.core.verification.MismatchCost;
import dev.signalbox.core.verification.MismatchKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in rules of pre-release verification: {@code required-checks} and {@code agent-claims},
 * over the {@link ChecksReport} and {@link ClaimsReport} of the decision's change.
 */
final class VerificationRules {
  private static final int NAMED_AT_MOST = 10;

  private VerificationRules() {}

  // required-checks: each named check must have passed on the change's current head commit

  static RuleResult requiredChecks(Assessment a) {
    if (a.definition.requiredChecks().isEmpty()) {
      return RuleResult.Pass.EMPTY;
    }
    ChecksReport report =
        ChecksReport.of(a.change, a.definition.requiredChecks(), a.context.evidence().checks());
    String head = a.change.head().abbreviated();
    List<Reason> failed = new ArrayList<>();
    List<RequiredAction> fixes = new ArrayList<>();
    List<Reason> waiting = new ArrayList<>();
    List<RequiredAction> runs = new ArrayList<>();
    for (CheckStatus check : report.required()) {
      Map<String, String> evidence = new LinkedHashMap<>();
      evidence.put("check", check.name());
      evidence.put("state", check.state().name());
      evidence.put("head", a.change.head().commit());
      check
          .latest()
          .flatMap(CheckRun::link)
          .ifPresent(link -> evidence.put("link", link.toString()));
      String stale = staleNote(check);
      switch (check.state()) {
        case PASSED -> {}
        case FAILED -> {
          CheckRun run = check.latest().orElseThrow();
          failed.add(
              new Reason(
                  Rules.REQUIRED_CHECKS,
                  "required check "
                      + check.name()
                      + " ended "
                      + run.conclusion()
                      + " on the head commit "
                      + head,
                  evidence));
          fixes.add(
              new RequiredAction(
                  Rules.REQUIRED_CHECKS,
                  "make "
                      + check.name()
                      + " pass in a new revision (or re-run it on "
                      + head
                      + " if it "
                      + (run.conclusion() == CheckConclusion.FAILURE
                          ? "failed"
                          : "ended " + run.conclusion())
                      + " for reasons outside the change)"));
        }
        case SKIPPED, STALE, MISSING -> {
          waiting.add(
              new Reason(
                  Rules.REQUIRED_CHECKS,
                  "required check "
                      + check.name()
                      + (check.state() == CheckState.SKIPPED
                          ? " was skipped on the head commit " + head + ", which proves nothing"
                          : " has not run on the head commit " + head)
                      + stale,
                  evidence));
          runs.add(
              new RequiredAction(Rules.REQUIRED_CHECKS, "run " + check.name() + " on " + head));
        }
      }
    }
    if (!failed.isEmpty()) {
      failed.addAll(waiting);
      fixes.addAll(runs);
      return new RuleResult.SendBack(failed, fixes);
    }
    if (!waiting.isEmpty()) {
      return new RuleResult.NotYet(waiting, runs, Optional.empty());
    }
    return RuleResult.Pass.EMPTY;
  }

  private static String staleNote(CheckStatus check) {
    if (check.stale().isEmpty()) {
      return "";
    }
    String commits =
        check.stale().stream()
            .map(run -> run.commit().abbreviated())
            .distinct()
            .limit(NAMED_AT_MOST)
            .collect(Collectors.joining(", "));
    return "; "
        + (check.stale().size() == 1 ? "its run on " : "its runs on ")
        + commits
        + (check.stale().size() == 1 ? " is" : " are")
        + " stale and count"
        + (check.stale().size() == 1 ? "s" : "")
        + " for nothing";
  }

  // agent-claims: what the producing agent claims must match the change and its checks

  static RuleResult agentClaims(Assessment a) {
    if (a.change.claims().equals(Claims.none())) {
      return RuleResult.Pass.EMPTY; // nothing claimed, nothing to verify: no work on the hot path
    }
    ClaimsReport report = ClaimsReport.verify(a.change, a.context.evidence().checks());
    if (report.holds()) {
      return RuleResult.Pass.EMPTY;
    }
    List<Reason> sendBack = new ArrayList<>();
    List<RequiredAction> sendBackActions = new ArrayList<>();
    List<Reason> notYet = new ArrayList<>();
    List<RequiredAction> notYetActions = new ArrayList<>();
    List<Reason> notes = new ArrayList<>();
    for (MismatchKind kind : MismatchKind.values()) {
      List<ClaimMismatch> mismatches = report.of(kind);
      if (mismatches.isEmpty()) {
        continue;
      }
      MismatchCost cost = a.definition.claimCost(kind);
      Reason reason = reason(kind, mismatches);
      switch (cost) {
        case SEND_BACK -> {
          sendBack.add(reason);
          sendBackActions.add(action(kind));
        }
        case NOT_YET -> {
          notYet.add(reason);
          notYetActions.add(action(kind));
        }
        case NOTE -> notes.add(reason);
      }
    }
    if (!sendBack.isEmpty()) {
      sendBack.addAll(notYet);
      sendBackActions.addAll(notYetActions);
      sendBack.addAll(notes);
      return new RuleResult.SendBack(sendBack, sendBackActions);
    }
    if (!notYet.isEmpty()) {
      notYet.addAll(notes);
      return new RuleResult.NotYet(notYet, notYetActions, Optional.empty());
    }
    return new RuleResult.Pass(notes);
  }

  private static Reason reason(MismatchKind kind, List<ClaimMismatch> mismatches) {
    int count = mismatches.size();
    String named =
        mismatches.stream()
            .limit(NAMED_AT_MOST)
            .map(m -> m.subject() + " (" + m.detail() + ")")
            .collect(Collectors.joining(", "));
    String subjects =
        mismatches.stream()
            .limit(NAMED_AT_MOST)
            .map(ClaimMismatch::subject)
            .collect(Collectors.joining(","));
    String what =
        switch (kind) {
          case CLAIMED_FILE_ABSENT -> "the agent claims to have written ";
          case CLAIMED_DELETION_ABSENT -> "the agent claims to have deleted ";
          case UNCLAIMED_FILE -> "the agent does not claim ";
          case UNCLAIMED_FILE_OUTSIDE_SCOPE -> "the agent does not claim, outside the scope, ";
          case CLAIMED_TEST_ABSENT -> "the agent claims to have added ";
          case CLAIMED_TEST_NOT_RUN -> "the agent claims to have run ";
        };
    return new Reason(
        Rules.AGENT_CLAIMS,
        kind.code()
            + ": "
            + what
            + named
            + (count > NAMED_AT_MOST ? " and " + (count - NAMED_AT_MOST) + " more" : ""),
        Map.of("code", kind.code(), "count", String.valueOf(count), "subjects", subjects));
  }

  private static RequiredAction action(MismatchKind kind) {
    return new RequiredAction(
        Rules.AGENT_CLAIMS,
        switch (kind) {
          case CLAIMED_FILE_ABSENT, CLAIMED_DELETION_ABSENT ->
              "send the change back to its agent: its claims and its diff disagree on the files"
                  + " named";
          case UNCLAIMED_FILE, UNCLAIMED_FILE_OUTSIDE_SCOPE ->
              "have the agent account for the unclaimed files (claim them, or drop them from the"
                  + " change)";
          case CLAIMED_TEST_ABSENT ->
              "send the change back to its agent: the tests it claims to have added are not in the"
                  + " diff";
          case CLAIMED_TEST_NOT_RUN ->
              "run the claimed tests in a check on the head commit that reports the tests it ran";
        });
  }
}
