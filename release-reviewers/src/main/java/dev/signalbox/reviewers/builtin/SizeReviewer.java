package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.reviewers.internal.UnifiedDiff;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A static reviewer of the {@link RiskSurface#CODE_QUALITY CODE_QUALITY} surface that rejects
 * changes too large to review well, by {@link SizeLimits}: too many changed lines or files in all,
 * or too many changed lines in one file (that finding names the file and its first added line). A
 * snapshot that was cut short is rejected too, since no reviewer saw all of the change.
 *
 * <p>Immutable and safe to use from several threads at once.
 */
public final class SizeReviewer extends StaticReviewer {
  private final SizeLimits limits;

  private SizeReviewer(Agent identity, Clock clock, @Nullable SizeLimits limits) {
    super(SizeReviewer.class, identity, clock, RiskSurface.CODE_QUALITY);
    this.limits = present(SizeReviewer.class, "limits", limits);
  }

  /**
   * A size reviewer that is {@code identity}, stamps verdicts with {@code clock} and holds changes
   * to {@code limits}.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  public static SizeReviewer create(Agent identity, Clock clock, SizeLimits limits) {
    return new SizeReviewer(identity, clock, limits);
  }

  /** The limits held to. */
  public SizeLimits limits() {
    return limits;
  }

  @Override
  List<Finding> findings(ReviewRequest request, UnifiedDiff diff) {
    List<Finding> findings = new ArrayList<>();
    int changed = diff.addedLines() + diff.removedLines();
    if (changed > limits.changedLines()) {
      findings.add(
          whole(
              "size-lines",
              "changes "
                  + changed
                  + " lines, more than the "
                  + limits.changedLines()
                  + " allowed"));
    }
    if (diff.files().size() > limits.files()) {
      findings.add(
          whole(
              "size-files",
              "touches "
                  + diff.files().size()
                  + " files, more than the "
                  + limits.files()
                  + " allowed"));
    }
    if (request.snapshot().truncated()) {
      findings.add(
          whole(
              "size-truncated",
              "the snapshot was cut short, so no reviewer saw all of the change"));
    }
    for (UnifiedDiff.FileDiff file : diff.files()) {
      int fileChanged = file.added().size() + file.removedLines();
      if (fileChanged > limits.fileChangedLines()) {
        int first = file.added().isEmpty() ? 0 : file.added().get(0).line();
        findings.add(
            finding(
                file.path(),
                first,
                Severity.MEDIUM,
                Advice.FIX_NOW,
                "size-file-lines",
                "changes "
                    + fileChanged
                    + " lines in this file, more than the "
                    + limits.fileChangedLines()
                    + " allowed",
                "split the change so that each part can be reviewed on its own",
                1.0));
      }
    }
    return findings;
  }

  private static Finding whole(String rule, String message) {
    return new Finding(
        Optional.empty(),
        Optional.empty(),
        Severity.MEDIUM,
        Advice.FIX_NOW,
        rule,
        message,
        Optional.of("split the change so that each part can be reviewed on its own"),
        1.0);
  }

  @Override
  public String toString() {
    return "SizeReviewer[" + identity().id() + ", " + limits + "]";
  }
}
