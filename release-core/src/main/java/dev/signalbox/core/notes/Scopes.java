package dev.signalbox.core.notes;

import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.Scope;
import java.util.Collection;
import java.util.List;

/** A scope in words, escaped for Markdown. */
final class Scopes {
  private Scopes() {}

  static String describe(Scope scope) {
    if (scope.isEverything()) {
      return "everything";
    }
    StringBuilder text = new StringBuilder();
    if (!scope.components().isEmpty()) {
      text.append("components ").append(ReleaseNotesMarkdown.list(scope.components()));
    }
    if (!scope.paths().isEmpty()) {
      text.append(text.length() == 0 ? "" : "; ")
          .append("paths ")
          .append(ReleaseNotesMarkdown.list(globs(scope.paths())));
    }
    if (!scope.environments().isEmpty()) {
      text.append(text.length() == 0 ? "" : "; ")
          .append("environments ")
          .append(ReleaseNotesMarkdown.list(scope.environments()));
    }
    if (!scope.exclusions().isEmpty()) {
      text.append(text.length() == 0 ? "" : "; ")
          .append("excluding ")
          .append(ReleaseNotesMarkdown.list(globs(scope.exclusions())));
    }
    return text.toString();
  }

  private static List<String> globs(Collection<PathGlob> globs) {
    return globs.stream().map(PathGlob::pattern).toList();
  }
}
