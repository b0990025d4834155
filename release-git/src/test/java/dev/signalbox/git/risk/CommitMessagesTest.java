package dev.signalbox.git.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.git.risk.CommitMessages.Reference;
import org.junit.jupiter.api.Test;

/** The revert forms, bots, fixes and relands of {@code risk-data/README.md}, one by one. */
class CommitMessagesTest {
  @Test
  void revertFormsNameWhatTheyRevert() {
    assertThat(CommitMessages.references("Revert \"Add x\"", "This reverts commit abcdef1234.\n"))
        .startsWith(new Reference(RevertKind.SHA, "abcdef1234"))
        .contains(new Reference(RevertKind.SUBJECT, "Add x"));
    assertThat(CommitMessages.references("Revert D123: thing", ""))
        .contains(new Reference(RevertKind.META_DIFF, "D123"));
    assertThat(CommitMessages.references("Back out \"Thing\"", "Original Phabricator Diff: D77\n"))
        .containsSequence(
            new Reference(RevertKind.META_DIFF, "D77"), new Reference(RevertKind.SUBJECT, "Thing"));
    assertThat(CommitMessages.references("Revert #123", ""))
        .contains(new Reference(RevertKind.PR, "123"));
    assertThat(CommitMessages.references("Revert KAFKA-123", ""))
        .contains(new Reference(RevertKind.ISSUE, "KAFKA-123"));
    assertThat(
            CommitMessages.references(
                "Automated rollback of changelist 42", "rollback of changelist 42\n"))
        .contains(new Reference(RevertKind.CHANGELIST, "42"));
    assertThat(
            CommitMessages.references(
                "Automated rollback of commit 1",
                "*** Reason ***\nflaky\n\n*** Original change description ***\n\nAdd the cache\n"))
        .contains(new Reference(RevertKind.DESCRIPTION, "Add the cache"));
  }

  @Test
  void aRollForwardQuotingItsRevertRevertsNothing() {
    assertThat(
            CommitMessages.references(
                "Add the cache again",
                "*** Original change description ***\n\nRevert x\n\nThis reverts commit abcdef1.\n"))
        .isEmpty();
  }

  @Test
  void subjectsMatchWithTheirPullRequestSuffixRemoved() {
    assertThat(CommitMessages.normalSubject("Add x (#12)")).isEqualTo("Add x");
    assertThat(CommitMessages.pullRequest("Add x (#12)")).contains("12");
  }

  @Test
  void botsFixesRelandsAndRevertSubjects() {
    assertThat(CommitMessages.isBot("dependabot[bot]", "x@users.noreply.github.com")).isTrue();
    assertThat(CommitMessages.isBot("Electron Bot", "electron@github.com")).isTrue();
    assertThat(CommitMessages.isBot("Claude", "agent@anthropic.com")).isFalse();
    assertThat(CommitMessages.isBot("Abbott", "abbott@example.com")).isFalse();
    assertThat(CommitMessages.isFix("Fixes the parser")).isTrue();
    assertThat(CommitMessages.isFix("Prefix handling")).isFalse();
    assertThat(CommitMessages.isReland("Reland \"Add x\"")).isTrue();
    assertThat(CommitMessages.hasRevertSubject("fix(core)!: revert the cache")).isTrue();
    assertThat(CommitMessages.hasRevertSubject("Backed out changeset 1234")).isTrue();
    assertThat(CommitMessages.hasRevertSubject("Reverted nothing")).isFalse();
  }

  @Test
  void aRevertAlsoNamedInAnotherChangesMessageCounts() {
    // jgit bf7dd9add2: a feature commit whose message ends "This also reverts commit <sha>."
    assertThat(
            CommitMessages.references(
                "ShutdownHook: run on bundle deactivation",
                "Details.\n\nThis also reverts commit e6d83d61eade6dee223757d149a4df9650752a55.\n"))
        .containsExactly(new Reference(RevertKind.SHA, "e6d83d61eade6dee223757d149a4df9650752a55"));
    // jgit f974c9c790 and folly 9e5f219be4: a partial revert names its commit too (in jgit the
    // commit named is on a merged branch, no landed commit, so it resolves to nothing there).
    assertThat(
            CommitMessages.references(
                "Fix the walk", "This partially reverts commit a551b646: revert the changes.\n"))
        .containsExactly(new Reference(RevertKind.SHA, "a551b646"));
  }

  @Test
  void subjectAndBodyAreWhatGitLogFormatPrints() {
    // %s: leading blank lines skipped, each line of the first paragraph right-trimmed and joined.
    assertThat(CommitMessages.subject("\n  \nStack Overflow in View \n\nBody.\n"))
        .isEqualTo("Stack Overflow in View");
    assertThat(CommitMessages.subject("Wrapped\t\nsubject\n\nBody\n")).isEqualTo("Wrapped subject");
    assertThat(CommitMessages.subject("Only a subject")).isEqualTo("Only a subject");
    // %b: after the subject's paragraph and every blank line after it, kept as is.
    assertThat(CommitMessages.body("Subject\n\n\n \nChange-Id: I1\n")).isEqualTo("Change-Id: I1\n");
    assertThat(CommitMessages.body("Subject\n\nA\n\n  B \n")).isEqualTo("A\n\n  B \n");
    assertThat(CommitMessages.body("Subject\n")).isEmpty();
    assertThat(CommitMessages.body("Two\nlines\nBody? no\n")).isEmpty();
    // msg_len of jgit 51c6f513b0 (trailing space in the subject) and 2f425cf30c (two blank lines)
    assertThat(
            CommitMessages.length(
                CommitMessages.subject("Add it \n\n\nChange-Id: I7\n"),
                CommitMessages.body("Add it \n\n\nChange-Id: I7\n")))
        .isEqualTo("Add it".length() + "Change-Id: I7\n".length());
  }

  @Test
  void metaDiffsNamedAsRevertedAnywhereInTheMessage() {
    // folly ef40ac8213, 658a60b37d, 57fa54cadd, 5438a12487, c907e06ec6: each is a revert there.
    assertThat(CommitMessages.references("Reverting D2503151 to unbreak buck build", ""))
        .containsExactly(new Reference(RevertKind.META_DIFF, "D2503151"));
    assertThat(CommitMessages.references("change log error back", "Summary: Revert D2632752\n"))
        .containsExactly(new Reference(RevertKind.META_DIFF, "D2632752"));
    assertThat(CommitMessages.references("fix gflags", "This reverts D7505908 (github commit)\n"))
        .containsExactly(new Reference(RevertKind.META_DIFF, "D7505908"));
    assertThat(CommitMessages.references("Partially revert D75216992", ""))
        .containsExactly(new Reference(RevertKind.META_DIFF, "D75216992"));
    assertThat(CommitMessages.references("Migrate", "Key differences from reverted D99706812:\n"))
        .containsExactly(new Reference(RevertKind.META_DIFF, "D99706812"));
    // The diff comes before the quoted subject, so "Back out \"Revert D1\"" names D1's commit.
    assertThat(CommitMessages.references("Back out \"Revert D97880255\"", ""))
        .startsWith(new Reference(RevertKind.META_DIFF, "D97880255"));
    // folly 556e17ac7b: the trailer names the diff backed out (a revert), before the subject's D1;
    // folly 7211f12454: the trailer may carry a link after the diff.
    assertThat(
            CommitMessages.references(
                "Back out \"Revert D61286579\"", "Original Phabricator Diff: D61583476\n"))
        .startsWith(
            new Reference(RevertKind.META_DIFF, "D61583476"),
            new Reference(RevertKind.META_DIFF, "D61286579"));
    assertThat(
            CommitMessages.references(
                "Back out \"cmake needs openssl\"",
                "Original Phabricator Diff: D33432903 (https://github.com/facebook/folly/commit/e7)\n"))
        .startsWith(new Reference(RevertKind.META_DIFF, "D33432903"));
    assertThat(CommitMessages.references("Add D123 support", "Depends on D456.\n")).isEmpty();
  }

  @Test
  void anUnquotedRevertColonSubjectNamesTheOriginalSubject() {
    // folly 5e32096ce4: "Revert: (Wangle) Clean up move constructors".
    assertThat(CommitMessages.references("Revert: (Wangle) Clean up move constructors", ""))
        .containsExactly(new Reference(RevertKind.SUBJECT, "(Wangle) Clean up move constructors"));
    assertThat(CommitMessages.references("Revert: \"Quoted\"", ""))
        .containsExactly(new Reference(RevertKind.SUBJECT, "Quoted"));
  }
}
