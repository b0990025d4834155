package dev.signalbox.core.policy;

import dev.signalbox.core.internal.Checks;
import java.util.List;

/**
 * An item of evidence that did not verify, with every reason it did not: it counts for nothing, and
 * decisions report it.
 *
 * @param item what the item was, in words people read, such as {@code acceptance of acme/api#42
 *     signed with key 3f2a…}
 * @param reasons every reason it was refused; at least one
 */
public record RefusedEvidence(String item, List<String> reasons) {
  /** Checks the fields. */
  public RefusedEvidence {
    Checks.text(RefusedEvidence.class, "item", item);
    reasons =
        Checks.texts(
            RefusedEvidence.class,
            "reasons",
            Checks.nonEmptyList(RefusedEvidence.class, "reasons", reasons));
  }
}
