package dev.signalbox.core.verification;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.CheckRun;
import java.util.List;
import java.util.Optional;

/**
 * One named check on a change: whether the policy requires it, where it stands on the head commit,
 * the run that decides that, and the runs on other commits, which are stale.
 *
 * @param name the check's name
 * @param required whether the policy requires it
 * @param state where it stands on the head commit
 * @param latest its latest run on the head commit; present unless it is {@code STALE} or {@code
 *     MISSING}
 * @param stale its runs on other commits, which count for nothing
 */
public record CheckStatus(
    String name,
    boolean required,
    CheckState state,
    Optional<CheckRun> latest,
    List<CheckRun> stale) {
  /** Checks that the fields agree with each other. */
  public CheckStatus {
    Checks.text(CheckStatus.class, "name", name);
    Checks.present(CheckStatus.class, "state", state);
    Checks.optional(CheckStatus.class, "latest", latest);
    stale = Checks.list(CheckStatus.class, "stale", stale);
    boolean ran = state != CheckState.STALE && state != CheckState.MISSING;
    if (ran != latest.isPresent()) {
      throw new InvalidValueException(
          CheckStatus.class,
          "latest",
          ran
              ? "must be present for a " + state + " check"
              : "must be absent for a " + state + " check",
          latest.orElse(null));
    }
    if (latest.isPresent() && CheckState.of(latest.get().conclusion()) != state) {
      throw new InvalidValueException(
          CheckStatus.class, "state", "must follow the latest run's conclusion", state);
    }
    if ((state == CheckState.STALE) == stale.isEmpty() && !ran) {
      throw new InvalidValueException(
          CheckStatus.class,
          "stale",
          state == CheckState.STALE
              ? "must not be empty for a STALE check"
              : "must be empty for a MISSING check",
          stale.size());
    }
  }

  /** Whether the check passed on the head commit. */
  public boolean passed() {
    return state == CheckState.PASSED;
  }
}
