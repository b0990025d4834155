package dev.signalbox.reviewers.internal;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.RepoPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A unified diff as git writes it ({@code git diff}, JGit's {@code DiffFormatter}), read into its
 * files and the lines each adds, numbered as they are at head.
 *
 * <p>Reading is lenient: lines outside any hunk that are not headers (such as the line saying a
 * diff was cut short) are skipped, and a path that is not a valid {@link RepoPath} leaves its file
 * out. A hunk that ends before the lines its header counts is read as far as it goes and reported
 * by {@link #cutShort()}. Instances are immutable and safe to share between threads.
 *
 * @param files the files of the diff, in diff order
 * @param cutShort whether some hunk ends — at the end of the diff or before the next header — short
 *     of the old or new lines its {@code @@} header counts: the diff was cut or mangled, so it does
 *     not hold the whole change
 */
public record UnifiedDiff(List<FileDiff> files, boolean cutShort) {
  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

  /** Copies the list. */
  public UnifiedDiff {
    files = List.copyOf(files);
  }

  /**
   * One file of a diff.
   *
   * @param oldPath the path at base; empty for an added file
   * @param newPath the path at head; empty for a deleted file
   * @param added the lines added, in order, numbered at head
   * @param removedLines how many lines were removed
   * @param binary whether git reported the file as binary
   */
  public record FileDiff(
      Optional<RepoPath> oldPath,
      Optional<RepoPath> newPath,
      List<AddedLine> added,
      int removedLines,
      boolean binary) {
    /** Copies the list. */
    public FileDiff {
      added = List.copyOf(added);
    }

    /** The path at head, or at base for a deleted file. */
    public RepoPath path() {
      return newPath.or(() -> oldPath).orElseThrow();
    }

    /** Whether the file is new in this change. */
    public boolean isAdded() {
      return oldPath.isEmpty() && newPath.isPresent();
    }

    /** Whether the file is deleted by this change. */
    public boolean isDeleted() {
      return newPath.isEmpty();
    }
  }

  /**
   * One added line.
   *
   * @param line its 1-based number at head
   * @param text its text, without the leading {@code +} and the line end
   */
  public record AddedLine(int line, String text) {}

  /** The lines added in all files together. */
  public int addedLines() {
    return files.stream().mapToInt(f -> f.added().size()).sum();
  }

  /** The lines removed in all files together. */
  public int removedLines() {
    return files.stream().mapToInt(FileDiff::removedLines).sum();
  }

  /**
   * Reads {@code diff}.
   *
   * @throws InvalidValueException if {@code diff} is null
   */
  public static UnifiedDiff parse(@Nullable String diff) {
    if (diff == null) {
      throw new InvalidValueException(UnifiedDiff.class, "diff", "must not be null", null);
    }
    List<FileDiff> files = new ArrayList<>();
    boolean cutShort = false;
    Builder current = null;
    int oldLeft = 0;
    int newLeft = 0;
    int nextNew = 0;
    // the line break that ends the last line opens no line of its own (it would read as context)
    String whole = diff.endsWith("\n") ? diff.substring(0, diff.length() - 1) : diff;
    if (whole.endsWith("\r")) {
      whole = whole.substring(0, whole.length() - 1);
    }
    for (String line : whole.split("\r?\n", -1)) {
      if (oldLeft > 0 || newLeft > 0) {
        if (line.startsWith("+") && current != null) {
          current.added.add(new AddedLine(nextNew, line.substring(1)));
          nextNew++;
          newLeft--;
          continue;
        }
        if (line.startsWith("-") && current != null) {
          current.removed++;
          oldLeft--;
          continue;
        }
        if (line.startsWith(" ") || line.isEmpty()) {
          nextNew++;
          oldLeft--;
          newLeft--;
          continue;
        }
        if (line.startsWith("\\")) {
          continue; // "\ No newline at end of file"
        }
        cutShort = true; // a header or stray text interrupts the hunk before all its lines
        oldLeft = 0;
        newLeft = 0;
      }
      if (line.startsWith("diff --git ")) {
        addTo(files, current);
        current = new Builder();
        String[] paths = splitGitHeader(line.substring("diff --git ".length()));
        if (paths != null) {
          current.oldPath = strip(paths[0], "a/");
          current.newPath = strip(paths[1], "b/");
        }
      } else if (line.startsWith("--- ") && current != null && current.hunks == 0) {
        current.oldPath = headerPath(line.substring(4), "a/");
      } else if (line.startsWith("+++ ") && current != null && current.hunks == 0) {
        current.newPath = headerPath(line.substring(4), "b/");
      } else if (line.startsWith("new file mode") && current != null) {
        current.oldPath = null;
      } else if (line.startsWith("deleted file mode") && current != null) {
        current.newPath = null;
      } else if (line.startsWith("rename from ") && current != null) {
        current.oldPath = unquote(line.substring("rename from ".length()));
      } else if (line.startsWith("rename to ") && current != null) {
        current.newPath = unquote(line.substring("rename to ".length()));
      } else if (line.startsWith("Binary files ") && current != null) {
        current.binary = true;
      } else if (line.startsWith("@@") && current != null) {
        Matcher m = HUNK.matcher(line);
        if (m.matches()) {
          current.hunks++;
          oldLeft = count(m.group(2));
          newLeft = count(m.group(4));
          nextNew = Integer.parseInt(m.group(3));
          if (newLeft == 0) {
            nextNew++;
          }
        }
      }
    }
    addTo(files, current);
    return new UnifiedDiff(files, cutShort || oldLeft > 0 || newLeft > 0);
  }

  private static int count(@Nullable String group) {
    return group == null ? 1 : Integer.parseInt(group);
  }

  private static void addTo(List<FileDiff> files, @Nullable Builder builder) {
    if (builder == null) {
      return;
    }
    Optional<RepoPath> oldPath = repoPath(builder.oldPath);
    Optional<RepoPath> newPath = repoPath(builder.newPath);
    if (oldPath.isEmpty() && newPath.isEmpty()) {
      return;
    }
    files.add(new FileDiff(oldPath, newPath, builder.added, builder.removed, builder.binary));
  }

  private static Optional<RepoPath> repoPath(@Nullable String path) {
    if (path == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(RepoPath.of(path));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static @Nullable String headerPath(String raw, String prefix) {
    String text = raw;
    int tab = text.indexOf('\t');
    if (tab >= 0 && !text.startsWith("\"")) {
      text = text.substring(0, tab);
    }
    if (text.equals("/dev/null")) {
      return null;
    }
    return strip(text, prefix);
  }

  private static @Nullable String strip(@Nullable String raw, String prefix) {
    if (raw == null) {
      return null;
    }
    String path = unquote(raw);
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  /** Splits {@code a/x b/y}, where either may be quoted; null when the header is ambiguous. */
  private static String @Nullable [] splitGitHeader(String rest) {
    if (rest.startsWith("\"")) {
      int end = closingQuote(rest);
      if (end < 0 || end + 2 > rest.length()) {
        return null;
      }
      return new String[] {rest.substring(0, end + 1), rest.substring(end + 2)};
    }
    // unquoted: "a/p b/p" with equal paths is the common case; split at the middle " b/"
    int middle = rest.indexOf(" b/");
    if (middle < 0) {
      return null;
    }
    return new String[] {rest.substring(0, middle), rest.substring(middle + 1)};
  }

  private static int closingQuote(String text) {
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  /** Undoes git's C-style quoting of a path (octal escapes are UTF-8 bytes). */
  static String unquote(String raw) {
    if (raw.length() < 2 || !raw.startsWith("\"") || !raw.endsWith("\"")) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String body = raw.substring(1, raw.length() - 1);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        continue;
      }
      char next = body.charAt(++i);
      if (next >= '0' && next <= '7' && i + 2 < body.length()) {
        bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
        i += 2;
      } else {
        bytes.write(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'a' -> 7;
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'v' -> 11;
              default -> next;
            });
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static final class Builder {
    @Nullable String oldPath;
    @Nullable String newPath;
    final List<AddedLine> added = new ArrayList<>();
    int removed;
    int hunks;
    boolean binary;
  }
}
