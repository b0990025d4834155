package dev.signalbox.core.spi;

import com.google.common.collect.ImmutableSortedMap;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.RepoPath;
import java.util.Map;

/**
 * What a reviewer reads of one change: the unified diff from base to head and the files the change
 * touches as they are at head, bounded in size.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param diff the unified diff; when cut short it ends with a line saying so
 * @param touchedFilesAtHead the touched files that exist at head, by path (deleted files are not
 *     here), in path order
 * @param truncated whether the diff was cut short or a touched file was left out to keep within the
 *     bound
 */
public record ChangeSnapshot(
    String diff, Map<RepoPath, Blob> touchedFilesAtHead, boolean truncated) {
  /**
   * Checks and copies the fields.
   *
   * @throws dev.signalbox.core.InvalidValueException if a field, key or value is null
   */
  public ChangeSnapshot {
    Checks.present(ChangeSnapshot.class, "diff", diff);
    touchedFilesAtHead =
        ImmutableSortedMap.copyOf(
            Checks.map(ChangeSnapshot.class, "touchedFilesAtHead", touchedFilesAtHead));
  }

  /** The total number of file bytes held. */
  public long fileBytes() {
    return touchedFilesAtHead.values().stream().mapToLong(Blob::size).sum();
  }
}
