package dev.signalbox.core.ledger;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.List;

/**
 * An RFC 6962 audit path: the proof that an entry is in a tree of a given size.
 *
 * @param index the entry's index, within {@code [0, treeSize)}
 * @param treeSize the size of the tree
 * @param path the sibling hashes from the leaf up, standard base64
 */
public record InclusionProof(long index, long treeSize, List<String> path) {
  /** Checks the fields. */
  public InclusionProof {
    if (index < 0 || index >= treeSize) {
      throw new InvalidValueException(
          InclusionProof.class, "index", "must be within [0, treeSize " + treeSize + ")", index);
    }
    path = Checks.list(InclusionProof.class, "path", path);
  }
}
