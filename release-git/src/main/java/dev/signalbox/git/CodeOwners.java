package dev.signalbox.git;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.RepoPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A CODEOWNERS file read with GitHub's semantics: who owns each path of a repository.
 *
 * <p>Each line is a pattern followed by owners ({@code @user}, {@code @org/team} or an e-mail
 * address), separated by whitespace; blank lines and lines starting with {@code #} are comments, as
 * is everything from a {@code #} word after the pattern. For a path, the <em>last</em> matching
 * line wins; a matching line with no owners leaves the path without owners. Patterns follow
 * gitignore: a pattern with no {@code /} but a trailing one matches at any depth ({@code *.js},
 * {@code apps/}); one with a {@code /} at its start or middle is anchored at the repository's root
 * ({@code /docs/}, {@code docs/*}); {@code *} and {@code ?} stay within a segment; {@code **} spans
 * segments ({@code **}{@code /logs}, {@code apps/**}); a pattern ending in {@code /} matches
 * directories only; a match on a directory owns everything under it. As on GitHub, {@code docs/*}
 * owns the files directly in {@code docs} but not those in its subdirectories.
 *
 * <p>What GitHub does not support is reported, not silently skipped: {@code !} negation, {@code [
 * ]} character ranges, a {@code \#} escape, and owners of another form. Each such line is a {@link
 * Problem} with its line number and, as GitHub does, is ignored. A file over 3 MB is ignored as a
 * whole, as GitHub does.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CodeOwners {
  /** Where GitHub looks for the file, in order: the first that exists is used. */
  public static final List<String> LOCATIONS =
      List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

  /** GitHub ignores a CODEOWNERS file larger than this. */
  public static final int MAX_BYTES = 3 * 1024 * 1024;

  private static final Pattern USER = Pattern.compile("@[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}");
  private static final Pattern TEAM =
      Pattern.compile("@[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private static final CodeOwners NONE = new CodeOwners(List.of(), List.of());

  /**
   * A line of a CODEOWNERS file that GitHub would not apply.
   *
   * @param line the line's number, from 1
   * @param message what is wrong with it
   */
  public record Problem(int line, String message) {
    /**
     * Checks the fields.
     *
     * @throws dev.signalbox.core.InvalidValueException if the line is below 1 or the message blank
     */
    public Problem {
      if (line < 1) {
        throw new InvalidValueException(Problem.class, "line", "must be >= 1", line);
      }
      if (message == null || message.isBlank()) {
        throw new InvalidValueException(Problem.class, "message", "must not be blank", message);
      }
    }

    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  private record Rule(int line, String pattern, Pattern regex, List<String> owners) {}

  private final List<Rule> rules;
  private final List<Problem> problems;

  private CodeOwners(List<Rule> rules, List<Problem> problems) {
    this.rules = List.copyOf(rules);
    this.problems = List.copyOf(problems);
  }

  /** The file that owns nothing: no CODEOWNERS. */
  public static CodeOwners none() {
    return NONE;
  }

  /**
   * Reads the text of a CODEOWNERS file; lines GitHub would not apply are left out and listed in
   * {@link #problems()}.
   *
   * @throws IllegalArgumentException if {@code text} is null
   */
  public static CodeOwners parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    List<Rule> rules = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+", -1);
      String pattern = words[0];
      @Nullable String problem = patternProblem(pattern);
      List<String> owners = new ArrayList<>();
      for (int w = 1; w < words.length && problem == null; w++) {
        if (words[w].startsWith("#")) {
          break;
        }
        if (!isOwner(words[w])) {
          problem =
              "\"" + words[w] + "\" is not an owner: use @user, @org/team or an e-mail address";
        }
        owners.add(words[w]);
      }
      if (problem != null) {
        problems.add(new Problem(number, problem));
        continue;
      }
      rules.add(new Rule(number, pattern, compile(pattern), List.copyOf(owners)));
    }
    return new CodeOwners(rules, problems);
  }

  /** Reads a CODEOWNERS file given as bytes (UTF-8); one over {@link #MAX_BYTES} is ignored. */
  static CodeOwners parse(byte[] content) {
    if (content.length > MAX_BYTES) {
      return new CodeOwners(
          List.of(),
          List.of(new Problem(1, "the file is larger than 3 MB, so GitHub ignores all of it")));
    }
    return parse(new String(content, java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The owners of {@code path}: those of the last line whose pattern matches it, in the order
   * written; empty if no line matches or the last match names no owner.
   */
  public List<String> ownersOf(RepoPath path) {
    return rule(path).map(Rule::owners).orElse(List.of());
  }

  /** The line number of the rule that decides {@code path}'s owners, if a rule matches it. */
  public Optional<Integer> ruleFor(RepoPath path) {
    return rule(path).map(Rule::line);
  }

  /** The owners of all of {@code paths}, each once, in the order first met. */
  public Set<String> ownersOf(Collection<RepoPath> paths) {
    Set<String> owners = new LinkedHashSet<>();
    for (RepoPath path : paths) {
      owners.addAll(ownersOf(path));
    }
    return owners;
  }

  /** The lines that GitHub would not apply, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  /** The number of rules read. */
  public int size() {
    return rules.size();
  }

  private Optional<Rule> rule(RepoPath path) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      if (rules.get(i).regex().matcher(path.value()).matches()) {
        return Optional.of(rules.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "CodeOwners[" + rules.size() + " rules, " + problems.size() + " problems]";
  }

  private static boolean isOwner(String word) {
    return USER.matcher(word).matches()
        || TEAM.matcher(word).matches()
        || (!word.startsWith("@") && EMAIL.matcher(word).matches());
  }

  private static @Nullable String patternProblem(String pattern) {
    if (pattern.startsWith("!")) {
      return "negated patterns (!) are not supported by GitHub";
    }
    if (pattern.startsWith("\\#")) {
      return "escaping a leading # (\\#) is not supported by GitHub";
    }
    if (pattern.contains("[") || pattern.contains("]")) {
      return "character ranges ([ ]) are not supported by GitHub";
    }
    if (pattern.equals("/")) {
      return "\"/\" matches nothing: use * for every file";
    }
    if (pattern.endsWith("\\")) {
      return "a pattern must not end with a backslash";
    }
    return null;
  }

  /** The regular expression a file's path must match, as gitignore and GitHub read the pattern. */
  private static Pattern compile(String raw) {
    String pattern = raw;
    boolean directoryOnly = pattern.endsWith("/");
    if (directoryOnly) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    boolean anchored = pattern.contains("/");
    if (pattern.startsWith("/")) {
      pattern = pattern.substring(1);
    }
    // GitHub: docs/* owns the files in docs, not those in its subdirectories
    boolean filesOnly = pattern.endsWith("/*") || (pattern.equals("*") && anchored);
    StringBuilder regex = new StringBuilder(anchored ? "" : "(?:.*/)?");
    String[] segments = pattern.split("/", -1);
    for (int s = 0; s < segments.length; s++) {
      String segment = segments[s];
      boolean last = s == segments.length - 1;
      if (segment.equals("**")) {
        regex.append(last ? ".*" : "(?:.*/)?");
        continue;
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c == '*') {
          regex.append("[^/]*");
        } else if (c == '?') {
          regex.append("[^/]");
        } else if (c == '\\' && i + 1 < segment.length()) {
          regex.append(Pattern.quote(String.valueOf(segment.charAt(++i))));
        } else {
          regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      if (!last) {
        regex.append('/');
      }
    }
    if (directoryOnly) {
      regex.append("/.*");
    } else if (!filesOnly) {
      regex.append("(?:/.*)?");
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
