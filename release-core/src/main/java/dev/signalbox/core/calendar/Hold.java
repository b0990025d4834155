package dev.signalbox.core.calendar;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.InstantText;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Why the calendar holds a change at an instant: a freeze in force, or a merge window closed.
 *
 * <p>Each hold says until when it lasts, when the calendar can tell: {@link #until()} is empty for
 * a freeze in force until lifted, and for a hold that lasts beyond the calendar's search horizon.
 */
public sealed interface Hold {

  /** The first instant at which this hold no longer holds by itself, if known. */
  Optional<Instant> until();

  /** Why, in words people read. */
  String reason();

  /**
   * A freeze in force that holds the change.
   *
   * @param window the freeze
   * @param since when the period in force began
   * @param until when it ends; empty until lifted or beyond the search horizon
   */
  record Frozen(FreezeWindow window, Instant since, Optional<Instant> until) implements Hold {
    /** Checks that the period is not empty. */
    public Frozen {
      Checks.present(Frozen.class, "window", window);
      Checks.present(Frozen.class, "since", since);
      Checks.optional(Frozen.class, "until", until)
          .filter(end -> !end.isAfter(since))
          .ifPresent(
              end -> {
                throw new InvalidValueException(
                    Frozen.class, "until", "must be after since (" + since + ")", end);
              });
    }

    @Override
    public String reason() {
      return "frozen by "
          + window.id()
          + " ("
          + window.level()
          + ") until "
          + (until.isPresent() ? InstantText.of(until.get()) : "lifted")
          + ": "
          + window.reason();
    }
  }

  /**
   * A scope whose merge windows are all closed, so the change may not merge yet.
   *
   * @param scope the scope the windows share
   * @param windows the scope's merge windows, none of them open
   * @param until when the first of them opens next; empty beyond the search horizon
   */
  record MergeWindowClosed(Scope scope, List<MergeWindow> windows, Optional<Instant> until)
      implements Hold {
    /** Checks and copies the fields. */
    public MergeWindowClosed {
      Checks.present(MergeWindowClosed.class, "scope", scope);
      windows = Checks.nonEmptyList(MergeWindowClosed.class, "windows", windows);
      Checks.optional(MergeWindowClosed.class, "until", until);
    }

    @Override
    public String reason() {
      StringBuilder ids = new StringBuilder();
      for (MergeWindow window : windows) {
        ids.append(ids.length() == 0 ? "" : ", ").append(window.id());
      }
      return "outside merge window "
          + ids
          + (until.isPresent()
              ? "; opens next at " + InstantText.of(until.get())
              : "; no opening found");
    }
  }
}
