package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * One change on a train: the exact revision that boarded and the check of its revert against the
 * train's final tree.
 *
 * @param change the change
 * @param head the head revision that boarded
 * @param contentDigest the content digest of that revision's diff
 * @param revertCheck whether its revert applies to the train's final tree
 */
public record Car(
    ChangeRef change, Revision head, ContentDigest contentDigest, RevertCheck revertCheck) {
  /** Checks that every field is present. */
  public Car {
    Checks.present(Car.class, "change", change);
    Checks.present(Car.class, "head", head);
    Checks.present(Car.class, "contentDigest", contentDigest);
    Checks.present(Car.class, "revertCheck", revertCheck);
  }
}
