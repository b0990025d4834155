package dev.signalbox.testkit.contracts;

import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reviewer that keeps the contract: it approves a change whose snapshot is a whole unified
 * diff (every hunk as long as its header says) of files the change touches, and abstains on
 * anything else.
 */
class DiffShapeReviewer implements Reviewer {
  private static final Pattern HUNK =
      Pattern.compile("@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@.*");

  static final Agent IDENTITY = new Agent("diff-shape", "rules-1", "rules", "op-contract");

  @Override
  public Agent identity() {
    return IDENTITY;
  }

  @Override
  public Set<RiskSurface> surfaces() {
    return Set.of(RiskSurface.CODE_QUALITY, RiskSurface.TESTS);
  }

  @Override
  public Verdict review(ReviewRequest request) throws Exception {
    Optional<String> problem = problem(request);
    if (problem.isPresent()) {
      return Verdict.abstain(
          request.change().ref(),
          identity(),
          request.surface(),
          request.contentDigest(),
          request.change().proposedAt(),
          AbstainCause.DECLINED,
          problem.get());
    }
    return new Verdict(
        request.change().ref(),
        identity(),
        request.surface(),
        VerdictOutcome.APPROVE,
        Optional.empty(),
        List.of(),
        request.contentDigest(),
        request.change().proposedAt());
  }

  /** What keeps the snapshot from being a whole unified diff, if anything. */
  static Optional<String> problem(ReviewRequest request) {
    if (request.snapshot().truncated()) {
      return Optional.of("the snapshot was cut short");
    }
    String diff = request.snapshot().diff();
    if (!diff.startsWith("diff --git ")) {
      return Optional.of("the snapshot is not a unified diff");
    }
    int oldLeft = 0;
    int newLeft = 0;
    int hunks = 0;
    Set<String> touched = new HashSet<>();
    request.change().changes().touchedPaths().forEach(path -> touched.add(path.value()));
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("diff --git a/")) {
        String[] paths = line.substring("diff --git a/".length()).split(" b/", 2);
        if (paths.length != 2 || !touched.containsAll(List.of(paths))) {
          return Optional.of("the diff is of a file the change does not touch: " + line);
        }
      }
      Matcher hunk = HUNK.matcher(line);
      if (oldLeft == 0 && newLeft == 0 && hunk.matches()) {
        oldLeft = hunk.group(1) == null ? 1 : Integer.parseInt(hunk.group(1));
        newLeft = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
        hunks++;
      } else if (oldLeft > 0 || newLeft > 0) {
        if (line.startsWith("-")) {
          oldLeft--;
        } else if (line.startsWith("+")) {
          newLeft--;
        } else if (line.startsWith(" ")) {
          oldLeft--;
          newLeft--;
        } else {
          return Optional.of("a hunk ends before its header's count");
        }
      }
    }
    if (oldLeft != 0 || newLeft != 0) {
      return Optional.of("a hunk ends before its header's count");
    }
    return hunks == 0 ? Optional.of("the diff has no hunk") : Optional.empty();
  }
}
