package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One CI check's result on one commit. It is fresh evidence for a change only when it ran on the
 * change's current head commit, since CI results depend on the whole tree.
 *
 * @param name the check's name, such as {@code build (ubuntu)}
 * @param conclusion how it ended
 * @param commit the commit it ran on
 * @param completedAt when it ended
 * @param link where to read its log, if known
 * @param tests the tests it ran, if known (empty when known to have run none)
 */
public record CheckRun(
    String name,
    CheckConclusion conclusion,
    Revision commit,
    Instant completedAt,
    Optional<URI> link,
    Optional<Set<String>> tests) {
  /** Checks and copies the fields. */
  public CheckRun {
    Checks.text(CheckRun.class, "name", name);
    Checks.present(CheckRun.class, "conclusion", conclusion);
    Checks.present(CheckRun.class, "commit", commit);
    Checks.instant(CheckRun.class, "completedAt", completedAt);
    Checks.optional(CheckRun.class, "link", link);
    tests =
        Checks.optional(CheckRun.class, "tests", tests)
            .map(names -> Checks.texts(CheckRun.class, "tests", names));
  }
}
