package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.internal.SnapshotCheck;
import dev.signalbox.reviewers.internal.UnifiedDiff;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A built-in static reviewer of one risk surface: it admits a request by the module's {@link
 * SnapshotCheck} (a covered surface, a readable diff), asks its subclass for the findings in the
 * diff, and turns them into a verdict — a rejection when one advises {@link Advice#FIX_NOW}, an
 * approval otherwise, unless the snapshot was cut short, when it declines rather than approve what
 * it has not read. Subclasses hold only their own detection logic.
 *
 * <p>Subclasses are immutable and safe to use from several threads at once.
 */
abstract class StaticReviewer implements Reviewer {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.path().map(RepoPath::value).orElse(""))
          .thenComparing(f -> f.lines().map(LineRange::start).orElse(0))
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  private final Agent identity;
  private final Clock clock;
  private final Set<RiskSurface> surfaces;

  /**
   * A reviewer of {@code surface} that is {@code identity} and stamps verdicts with {@code clock}.
   *
   * @throws InvalidValueException naming {@code type}'s field, if {@code identity} or {@code clock}
   *     is null
   */
  StaticReviewer(
      Class<? extends StaticReviewer> type,
      @Nullable Agent identity,
      @Nullable Clock clock,
      RiskSurface surface) {
    this.identity = present(type, "identity", identity);
    this.clock = present(type, "clock", clock);
    this.surfaces = Set.of(surface);
  }

  @Override
  public final Agent identity() {
    return identity;
  }

  @Override
  public final Set<RiskSurface> surfaces() {
    return surfaces;
  }

  /**
   * Reviews {@code request}'s diff for this reviewer's findings.
   *
   * @throws InterruptedException if the review was cancelled
   * @throws dev.signalbox.core.spi.ReviewFailure permanent, if the request names another surface or
   *     its snapshot holds no unified diff for a change to files
   */
  @Override
  public final Verdict review(ReviewRequest request) throws InterruptedException {
    UnifiedDiff diff = SnapshotCheck.admit(request, surfaces, identity);
    List<Finding> sorted = findings(request, diff).stream().sorted(ORDER).toList();
    boolean fixNow = sorted.stream().anyMatch(f -> f.advice() == Advice.FIX_NOW);
    Verdict verdict =
        new Verdict(
            request.change().ref(),
            identity,
            request.surface(),
            fixNow ? VerdictOutcome.REJECT : VerdictOutcome.APPROVE,
            Optional.empty(),
            sorted,
            request.contentDigest(),
            clock.instant());
    return SnapshotCheck.settle(request, verdict);
  }

  /**
   * What this reviewer finds in {@code diff}, the diff of {@code request}'s snapshot, in any order;
   * the reviewer sorts them.
   */
  abstract List<Finding> findings(ReviewRequest request, UnifiedDiff diff);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + identity.id() + "]";
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

  /** {@code value}, checked present as {@code type}'s {@code field}. */
  static <T> T present(Class<?> type, String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidValueException(type, field, "must not be null", null);
    }
    return value;
  }
}
