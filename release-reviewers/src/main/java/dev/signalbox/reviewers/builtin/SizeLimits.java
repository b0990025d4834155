package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.InvalidValueException;

/**
 * How large a change may be and still be reviewed well.
 *
 * @param changedLines the most lines added and removed in all files together
 * @param files the most files touched
 * @param fileChangedLines the most lines added and removed in one file
 */
public record SizeLimits(int changedLines, int files, int fileChangedLines) {
  /** Checks that every limit is at least 1. */
  public SizeLimits {
    atLeastOne("changedLines", changedLines);
    atLeastOne("files", files);
    atLeastOne("fileChangedLines", fileChangedLines);
  }

  /** 400 changed lines, 30 files, 300 changed lines per file: past that, reviews lose focus. */
  public static SizeLimits defaults() {
    return new SizeLimits(400, 30, 300);
  }

  private static void atLeastOne(String field, int value) {
    if (value < 1) {
      throw new InvalidValueException(SizeLimits.class, field, "must be >= 1", value);
    }
  }
}
