package dev.signalbox.git.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a commit's message and author say to the risk features: fixes, relands, bots, revert
 * subjects, and the references a revert makes to what it reverts — exactly as {@code
 * risk-data/README.md} defines them. Stateless and thread-safe.
 */
final class CommitMessages {
  private static final Pattern BOT =
      Pattern.compile(
          "\\[bot\\]|(^|[^a-z])bot([^a-z]|$)|dependabot|renovate|roller|copybara|github-actions"
              + "|sudowoodo|greenkeeper|snyk|autoroll|jenkins|buildbot|release[- ]?bot",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern RELAND =
      Pattern.compile(
          "\\b(reland|re-land|reapply|re-apply|reapplied|roll ?forward|rollforward|redo"
              + "|re-?introduce|re-?commit|re-?submit)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FIX =
      Pattern.compile(
          "\\b(fix(es|ed)?|bug|hotfix|regression|crash|broken|patch)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern REVERT_SUBJECT =
      Pattern.compile(
          "^\\s*(?:\\w+(?:\\([^)]*\\))?!?:\\s*)?(?:\\[(?:revert|rollback)\\]|revert\\b|rollback\\b"
              + "|roll back\\b|automated (?:g4 )?rollback|partial rollback|partially revert"
              + "|back(?:ed)? out)",
          Pattern.CASE_INSENSITIVE);

  /**
   * A commit id after "reverts commit" ("This reverts", "also", "partially"), or "revert": the id
   * in lower case, so "Revert D2632752" names a Phabricator diff, not a commit.
   */
  private static final Pattern REVERTS_SHA =
      Pattern.compile(
          "\\b(?i:reverts?\\s+commit)\\s+([0-9a-f]{7,40})\\b|\\b(?i:revert)\\s+([0-9a-f]{7,40})\\b");

  private static final Pattern QUOTED_SUBJECT =
      Pattern.compile(
          "^\\s*(?:\\w+(?:\\([^)]*\\))?!?:\\s*)?(?:partial(?:ly)?\\s+)?"
              + "(?:revert(?:ed)?|back(?:ed)?\\s*out)\\s*:?\\s*\"(.*)\"\\s*(?:\\(#\\d+\\))?\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A Phabricator diff named as reverted anywhere in the subject or the body, as Meta's messages do
   * ("Revert D1", "Summary: Reverting D1 to unbreak", "This reverts D1", "Partially revert D1").
   */
  private static final Pattern META_DIFF =
      Pattern.compile(
          "\\b(?:revert(?:s|ed|ing)?|back(?:ed)?\\s*out|backout)\\s+(D\\d+)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A subject {@code Revert: <original subject>}, without quotes. */
  private static final Pattern UNQUOTED_SUBJECT =
      Pattern.compile("^\\s*revert:\\s*([^\"\\s].*?)\\s*$", Pattern.CASE_INSENSITIVE);

  private static final Pattern ORIGINAL_DIFF =
      Pattern.compile("^Original Phabricator Diff:\\s*(D\\d+)\\b", Pattern.MULTILINE);

  private static final Pattern DIFFERENTIAL_REVISION =
      Pattern.compile("^Differential Revision:\\s*(?:\\S*/)?(D\\d+)\\s*$", Pattern.MULTILINE);

  private static final Pattern PR_REVERT =
      Pattern.compile("^\\s*revert\\b[^#\"]*?#(\\d+)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern PR_SUFFIX = Pattern.compile("\\(#(\\d+)\\)\\s*$");

  private static final Pattern ISSUE_REVERT =
      Pattern.compile("^\\s*(?i:revert)\\s*:?\\s*\"?([A-Z][A-Z0-9]+-\\d+)\\b");

  private static final Pattern ISSUE_KEY = Pattern.compile("\\b([A-Z][A-Z0-9]+-\\d+)\\b");

  private static final Pattern CHANGELIST =
      Pattern.compile("rollback of changelist (\\d+)", Pattern.CASE_INSENSITIVE);

  private static final Pattern PIPER =
      Pattern.compile("^PiperOrigin-RevId:\\s*(\\d+)\\s*$", Pattern.MULTILINE);

  private static final String ORIGINAL_DESCRIPTION = "*** Original change description ***";

  private CommitMessages() {}

  /** One reference a revert makes to the commit it reverts, in the order to try them. */
  record Reference(RevertKind kind, String key) {}

  /** Whether the author (name, a space, and e-mail) looks like automation. */
  static boolean isBot(String name, String email) {
    return BOT.matcher(name + " " + email).find();
  }

  static boolean isFix(String subject) {
    return FIX.matcher(subject).find();
  }

  static boolean isReland(String subject) {
    return RELAND.matcher(subject).find();
  }

  static boolean hasRevertSubject(String subject) {
    return REVERT_SUBJECT.matcher(subject).find();
  }

  /**
   * The subject's and the body's length, in characters (the body as stored, after the blank line).
   */
  static int length(String subject, String body) {
    return subject.codePointCount(0, subject.length()) + body.codePointCount(0, body.length());
  }

  /**
   * The subject as {@code git log --format=%s} prints it: the first paragraph after any blank
   * lines, each of its lines stripped of trailing whitespace and joined by a space.
   */
  static String subject(String message) {
    StringBuilder subject = new StringBuilder();
    int at = skipBlankLines(message, 0);
    while (at < message.length()) {
      int end = lineEnd(message, at);
      int trimmed = trimmedEnd(message, at, end);
      if (trimmed == at) {
        break;
      }
      if (subject.length() > 0) {
        subject.append(' ');
      }
      subject.append(message, at, trimmed);
      at = end;
    }
    return subject.toString();
  }

  /**
   * The body as {@code git log --format=%b} prints it: everything after the subject's paragraph and
   * the blank lines that follow it, unchanged.
   */
  static String body(String message) {
    int at = skipBlankLines(message, 0);
    while (at < message.length()) {
      int end = lineEnd(message, at);
      boolean blank = trimmedEnd(message, at, end) == at;
      at = end;
      if (blank) {
        break;
      }
    }
    return message.substring(skipBlankLines(message, at));
  }

  /** The index after the blank (empty or whitespace-only) lines starting at {@code at}. */
  private static int skipBlankLines(String message, int at) {
    while (at < message.length()) {
      int end = lineEnd(message, at);
      if (trimmedEnd(message, at, end) != at) {
        break;
      }
      at = end;
    }
    return at;
  }

  /** The index after the line starting at {@code at}, its newline included. */
  private static int lineEnd(String message, int at) {
    int newline = message.indexOf('\n', at);
    return newline < 0 ? message.length() : newline + 1;
  }

  /**
   * The end of the line {@code [at, end)} without trailing whitespace, as git's isspace sees it.
   */
  private static int trimmedEnd(String message, int at, int end) {
    while (end > at && " \t\n\r".indexOf(message.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  /** The Phabricator diff a commit landed as, from its {@code Differential Revision} trailer. */
  static Optional<String> differentialRevision(String message) {
    Matcher matcher = DIFFERENTIAL_REVISION.matcher(message);
    if (matcher.find()) {
      return Optional.of(matcher.group(1));
    }
    // Some reverts wrap the trailer: "Differential Revision:\nD123".
    Matcher wrapped =
        Pattern.compile("^Differential Revision:\\s*\\n\\s*(D\\d+)\\s*$", Pattern.MULTILINE)
            .matcher(message);
    return wrapped.find() ? Optional.of(wrapped.group(1)) : Optional.empty();
  }

  /** The pull request a squash commit closed, from a subject ending {@code (#123)}. */
  static Optional<String> pullRequest(String subject) {
    Matcher matcher = PR_SUFFIX.matcher(subject);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The issue keys ({@code KAFKA-123}) a subject names. */
  static List<String> issueKeys(String subject) {
    List<String> keys = new ArrayList<>();
    Matcher matcher = ISSUE_KEY.matcher(subject);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }

  /** The changelist a Google-exported commit landed as, from its {@code PiperOrigin-RevId}. */
  static Optional<String> piperRevision(String message) {
    Matcher matcher = PIPER.matcher(message);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * A subject compared for revert matching: a trailing {@code (#123)} and surrounding whitespace
   * removed, in lower case.
   */
  static String normalSubject(String subject) {
    String s = subject.strip();
    Matcher matcher = PR_SUFFIX.matcher(s);
    if (matcher.find()) {
      s = s.substring(0, matcher.start()).strip();
    }
    return s;
  }

  /**
   * The references a commit makes to commits it reverts, most specific first; empty for a commit
   * that is no revert. Quoted original descriptions are removed first, so a roll-forward that
   * quotes its revert's message refers to nothing.
   */
  static List<Reference> references(String subject, String message) {
    List<Reference> references = new ArrayList<>();
    int quoted = message.indexOf(ORIGINAL_DESCRIPTION);
    String own = quoted < 0 ? message : message.substring(0, quoted);
    own = stripQuotedLines(own);
    Matcher sha = REVERTS_SHA.matcher(own);
    while (sha.find()) {
      String hex = sha.group(1) != null ? sha.group(1) : sha.group(2);
      references.add(new Reference(RevertKind.SHA, hex.toLowerCase(Locale.ROOT)));
    }
    boolean revertSubject = hasRevertSubject(subject);
    {
      // The backed-out diff's trailer first: in "Back out \"Revert D1\"" it names the revert.
      Matcher original = ORIGINAL_DIFF.matcher(own);
      if (original.find()) {
        references.add(new Reference(RevertKind.META_DIFF, original.group(1)));
      }
      Matcher diff = META_DIFF.matcher(subject);
      while (diff.find()) {
        references.add(new Reference(RevertKind.META_DIFF, diff.group(1)));
      }
      Matcher bodyDiff = META_DIFF.matcher(own);
      while (bodyDiff.find()) {
        references.add(new Reference(RevertKind.META_DIFF, bodyDiff.group(1)));
      }
      Matcher quotedSubject = QUOTED_SUBJECT.matcher(subject);
      if (quotedSubject.find()) {
        references.add(new Reference(RevertKind.SUBJECT, quotedSubject.group(1)));
      }
      Matcher unquotedSubject = UNQUOTED_SUBJECT.matcher(subject);
      if (unquotedSubject.find()) {
        references.add(new Reference(RevertKind.SUBJECT, unquotedSubject.group(1)));
      }
      Matcher pr = PR_REVERT.matcher(subject);
      if (pr.find() && !subject.strip().endsWith("(#" + pr.group(1) + ")")) {
        references.add(new Reference(RevertKind.PR, pr.group(1)));
      }
      Matcher issue = ISSUE_REVERT.matcher(subject);
      if (issue.find()) {
        references.add(new Reference(RevertKind.ISSUE, issue.group(1)));
      }
    }
    Matcher changelist = CHANGELIST.matcher(own);
    if (changelist.find()) {
      references.add(new Reference(RevertKind.CHANGELIST, changelist.group(1)));
    }
    if (quoted >= 0 && revertSubject) {
      String description = message.substring(quoted + ORIGINAL_DESCRIPTION.length()).strip();
      int end = description.indexOf('\n');
      String first = (end < 0 ? description : description.substring(0, end)).strip();
      if (!first.isEmpty()) {
        references.add(new Reference(RevertKind.DESCRIPTION, first));
      }
    }
    return references;
  }

  private static String stripQuotedLines(String message) {
    if (message.indexOf('>') < 0) {
      return message;
    }
    StringBuilder kept = new StringBuilder(message.length());
    for (String line : message.split("\n", -1)) {
      if (!line.stripLeading().startsWith(">")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}
