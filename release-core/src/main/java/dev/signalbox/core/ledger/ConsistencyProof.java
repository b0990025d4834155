package dev.signalbox.core.ledger;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.List;

/**
 * An RFC 6962 consistency proof: that the tree of {@code oldSize} entries is a prefix of the tree
 * of {@code newSize} entries, so that nothing recorded was changed or removed in between.
 *
 * @param oldSize the size of the earlier tree, at least 1
 * @param newSize the size of the later tree, at least {@code oldSize}
 * @param path the proof's hashes, standard base64
 */
public record ConsistencyProof(long oldSize, long newSize, List<String> path) {
  /** Checks the fields. */
  public ConsistencyProof {
    if (oldSize < 1 || oldSize > newSize) {
      throw new InvalidValueException(
          ConsistencyProof.class,
          "oldSize",
          "must be within [1, newSize " + newSize + "]",
          oldSize);
    }
    path = Checks.list(ConsistencyProof.class, "path", path);
  }
}
