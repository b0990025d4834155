package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.List;

/**
 * Whether a car's revert applies to its train's final tree, as recorded on the car.
 *
 * @param status the result
 * @param conflicts the paths where the revert conflicts; non-empty exactly for {@code CONFLICTS}
 */
public record RevertCheck(RevertStatus status, List<RepoPath> conflicts) {
  /** Checks that conflicts are listed exactly when the status says so. */
  public RevertCheck {
    Checks.present(RevertCheck.class, "status", status);
    conflicts = Checks.list(RevertCheck.class, "conflicts", conflicts);
    if (status == RevertStatus.CONFLICTS && conflicts.isEmpty()) {
      throw new InvalidValueException(
          RevertCheck.class,
          "conflicts",
          "must not be empty when the status is CONFLICTS",
          conflicts);
    }
    if (status != RevertStatus.CONFLICTS && !conflicts.isEmpty()) {
      throw new InvalidValueException(
          RevertCheck.class, "conflicts", "must be empty when the status is " + status, conflicts);
    }
  }

  /** A check that found the revert clean. */
  public static RevertCheck clean() {
    return new RevertCheck(RevertStatus.CLEAN, List.of());
  }

  /** A check that was not made. */
  public static RevertCheck notChecked() {
    return new RevertCheck(RevertStatus.NOT_CHECKED, List.of());
  }
}
