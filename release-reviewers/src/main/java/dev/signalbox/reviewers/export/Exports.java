package dev.signalbox.reviewers.export;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Argument checks the exports share. */
final class Exports {
  private Exports() {}

  static List<Verdict> checked(Class<?> type, @Nullable Collection<Verdict> verdicts) {
    if (verdicts == null) {
      throw new InvalidValueException(type, "verdicts", "must not be null", null);
    }
    List<Verdict> copy = new ArrayList<>(verdicts.size());
    int i = 0;
    for (Verdict verdict : verdicts) {
      if (verdict == null) {
        throw new InvalidValueException(type, "verdicts[" + i + "]", "must not be null", null);
      }
      copy.add(verdict);
      i++;
    }
    return copy;
  }
}
