package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.reviewers.internal.UnifiedDiff;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the static reviewers share: checking a request and turning findings into a verdict. */
final class StaticReview {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.path().map(RepoPath::value).orElse(""))
          .thenComparing(f -> f.lines().map(LineRange::start).orElse(0))
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  private StaticReview() {}

  /**
   * Checks that {@code request} asks about a surface the reviewer covers, that the review was not
   * cancelled, and that the snapshot holds a unified diff to read when the change changes files
   * (prose, noise or an empty diff is nothing a static review could vouch for).
   */
  static void check(ReviewRequest request, Set<RiskSurface> surfaces, Agent identity)
      throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("review cancelled");
    }
    if (!surfaces.contains(request.surface())) {
      throw ReviewFailure.permanent(
          identity.id() + " reviews " + surfaces + ", not " + request.surface(), null);
    }
    int files = request.change().changes().files().size();
    if (files > 0 && UnifiedDiff.parse(request.snapshot().diff()).files().isEmpty()) {
      throw ReviewFailure.permanent(
          identity.id()
              + " found no unified diff in the snapshot of a change to "
              + files
              + (files == 1 ? " file" : " files")
              + "; there is nothing it could review",
          null);
    }
  }

  /**
   * The verdict on {@code findings}, in a stable order: a rejection when one advises {@link
   * Advice#FIX_NOW}, an approval otherwise — unless the snapshot was cut short, when the reviewer
   * declines rather than approve what it has not read.
   */
  static Verdict verdict(
      ReviewRequest request, Agent identity, Clock clock, List<Finding> findings) {
    List<Finding> sorted = findings.stream().sorted(ORDER).toList();
    boolean fixNow = sorted.stream().anyMatch(f -> f.advice() == Advice.FIX_NOW);
    if (!fixNow && request.snapshot().truncated()) {
      return Verdict.abstain(
          request.change().ref(),
          identity,
          request.surface(),
          request.contentDigest(),
          clock.instant(),
          AbstainCause.DECLINED,
          "the snapshot was cut short; " + identity.id() + " approves only a diff it read whole");
    }
    return new Verdict(
        request.change().ref(),
        identity,
        request.surface(),
        fixNow ? VerdictOutcome.REJECT : VerdictOutcome.APPROVE,
        Optional.empty(),
        sorted,
        request.contentDigest(),
        clock.instant());
  }

  /** A finding on line {@code line} of {@code path} (no line when {@code line} is 0). */
  static Finding finding(
      RepoPath path,
      int line,
      Severity severity,
      Advice advice,
      String rule,
      String message,
      @Nullable String suggestion,
      double confidence) {
    return new Finding(
        Optional.of(path),
        line > 0 ? Optional.of(LineRange.line(line)) : Optional.empty(),
        severity,
        advice,
        rule,
        printable(message),
        Optional.ofNullable(suggestion),
        confidence);
  }

  /**
   * {@code text} with control characters shown as U+FFFD and cut to 500 characters: messages quote
   * what a change added, which may hold anything.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 500));
    for (int i = 0; i < text.length() && out.length() < 500; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '\uFFFD' : c);
    }
    return out.toString();
  }

  static <T> T present(Class<?> type, String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidValueException(type, field, "must not be null", null);
    }
    return value;
  }
}
