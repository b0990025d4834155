package dev.signalbox.core.train;

import dev.signalbox.core.SignalboxException;
import dev.signalbox.core.model.ChangeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when candidates of a train depend on each other in a cycle, so that no order lands each
 * after what it needs; it names the cycle.
 */
public final class DependencyCycleException extends SignalboxException {
  private static final long serialVersionUID = 1L;

  // a plain serialisable list, so that the cycle travels with the exception
  private final ArrayList<String> cycle;

  /**
   * Creates the exception for {@code cycle}, each change depending on the next, the last on the
   * first.
   */
  public DependencyCycleException(List<ChangeRef> cycle) {
    super(
        "changes depend on each other in a cycle: "
            + cycle.stream().map(ChangeRef::toString).collect(Collectors.joining(" -> "))
            + " -> "
            + cycle.get(0));
    this.cycle = new ArrayList<>(cycle.stream().map(ChangeRef::toString).toList());
  }

  /** The changes of the cycle, each depending on the next, as {@code repository#change}. */
  public List<String> cycle() {
    return List.copyOf(cycle);
  }
}
