package dev.signalbox.core.model;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.FieldPath;
import java.util.List;
import java.util.Set;

/**
 * What the producing agent says it did, to be compared with the real change set and checks.
 *
 * @param filesWritten files it says it wrote (added or modified)
 * @param filesDeleted files it says it deleted
 * @param testsAdded tests it says it added, by name
 * @param testsRun tests it says it ran, by name
 * @param commandsExecuted commands it says it executed, in order
 */
public record Claims(
    Set<RepoPath> filesWritten,
    Set<RepoPath> filesDeleted,
    Set<String> testsAdded,
    Set<String> testsRun,
    List<String> commandsExecuted) {
  private static final Claims NONE = new Claims(Set.of(), Set.of(), Set.of(), Set.of(), List.of());

  /** Checks and copies the fields; a file cannot be both written and deleted. */
  public Claims {
    filesWritten = Checks.set(Claims.class, "filesWritten", filesWritten);
    filesDeleted = Checks.set(Claims.class, "filesDeleted", filesDeleted);
    testsAdded = Checks.texts(Claims.class, "testsAdded", testsAdded);
    testsRun = Checks.texts(Claims.class, "testsRun", testsRun);
    commandsExecuted = Checks.texts(Claims.class, "commandsExecuted", commandsExecuted);
    int i = 0;
    for (RepoPath deleted : filesDeleted) {
      if (filesWritten.contains(deleted)) {
        throw new InvalidValueException(
            Claims.class,
            FieldPath.index("filesDeleted", i),
            "must not name a file that is also written",
            deleted.value());
      }
      i++;
    }
  }

  /** No claims at all. */
  public static Claims none() {
    return NONE;
  }
}
