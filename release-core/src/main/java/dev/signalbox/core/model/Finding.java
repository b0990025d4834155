package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.Optional;

/**
 * One thing a reviewer found: where, how serious, what it advises and how sure it is.
 *
 * @param path the file concerned, if the finding is about one file
 * @param lines the lines concerned; only with a path
 * @param severity how serious it is
 * @param advice what to do about it
 * @param rule the reviewer's code for the rule that found it, such as {@code hardcoded-secret}
 * @param message what is wrong
 * @param suggestion how to fix it, if the reviewer says
 * @param confidence how sure the reviewer is, within [0, 1]
 */
public record Finding(
    Optional<RepoPath> path,
    Optional<LineRange> lines,
    Severity severity,
    Advice advice,
    String rule,
    String message,
    Optional<String> suggestion,
    double confidence) {
  /** Checks the fields; lines need a path. */
  public Finding {
    Checks.optional(Finding.class, "path", path);
    Checks.optional(Finding.class, "lines", lines);
    if (lines.isPresent() && path.isEmpty()) {
      throw new InvalidValueException(Finding.class, "lines", "must come with a path", lines.get());
    }
    Checks.present(Finding.class, "severity", severity);
    Checks.present(Finding.class, "advice", advice);
    Checks.token(Finding.class, "rule", rule);
    Checks.text(Finding.class, "message", message);
    Checks.optional(Finding.class, "suggestion", suggestion)
        .ifPresent(text -> Checks.text(Finding.class, "suggestion", text));
    confidence = Checks.within(Finding.class, "confidence", confidence, 0, 1);
  }
}
