package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.time.Instant;
import java.util.Set;

/**
 * The batch of changes one engineer's agents were dispatched with; a wave may ask to ship together,
 * all or nothing.
 *
 * @param id the wave's identifier
 * @param dispatcher the id of the human who dispatched it
 * @param dispatchedAt when it was dispatched
 * @param changes its changes; at least one
 * @param shipTogether whether its changes board the same train or none of them does
 */
public record Wave(
    WaveId id,
    String dispatcher,
    Instant dispatchedAt,
    Set<ChangeRef> changes,
    boolean shipTogether) {
  /** Checks the fields and copies the changes. */
  public Wave {
    Checks.present(Wave.class, "id", id);
    Checks.token(Wave.class, "dispatcher", dispatcher);
    Checks.instant(Wave.class, "dispatchedAt", dispatchedAt);
    changes = Checks.nonEmptySet(Wave.class, "changes", changes);
  }
}
