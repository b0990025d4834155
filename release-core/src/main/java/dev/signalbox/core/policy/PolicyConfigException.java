package dev.signalbox.core.policy;

import dev.signalbox.core.SignalboxException;
import dev.signalbox.core.json.DocumentProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file or definition that cannot be loaded, with every problem found, each at its path
 * ({@code $.review.quorum.HIGH: must be given, at least 1}).
 */
public final class PolicyConfigException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  private final List<DocumentProblem> problems;
  private final String source;

  /** An exception listing {@code problems} of the policy read from {@code source}. */
  public PolicyConfigException(String source, List<DocumentProblem> problems) {
    super(
        "policy "
            + source
            + " has "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + ":\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
    this.source = source;
  }

  /** Every problem, in the order found. */
  public List<DocumentProblem> problems() {
    return problems;
  }

  /** Where the policy came from: a path, or a description. */
  public String source() {
    return source;
  }
}
