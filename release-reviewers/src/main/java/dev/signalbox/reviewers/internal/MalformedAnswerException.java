package dev.signalbox.reviewers.internal;

import dev.signalbox.core.SignalboxException;
import java.util.List;

/** Thrown when a reviewer's answer is not a verdict; lists every problem with its JSON path. */
public final class MalformedAnswerException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable list of strings
  private final List<String> problems;

  /** An exception listing {@code problems}. */
  public MalformedAnswerException(List<String> problems) {
    super(
        problems.isEmpty()
            ? "the answer is not a verdict"
            : "the answer is not a verdict: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each starting with its JSON path. */
  public List<String> problems() {
    return problems;
  }
}
