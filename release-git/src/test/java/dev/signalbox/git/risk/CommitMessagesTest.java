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
}
