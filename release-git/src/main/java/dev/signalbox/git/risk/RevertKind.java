package dev.signalbox.git.risk;

import java.util.Locale;

/** How a revert named the commit it reverts; the {@code revert_kind} column of the risk data. */
public enum RevertKind {
  /** {@code This reverts commit <sha>} or {@code revert <sha>} in the message. */
  SHA,
  /** A subject {@code Revert "<original subject>"} (or {@code Back out "…"}). */
  SUBJECT,
  /** {@code Revert D123} or an {@code Original Phabricator Diff: D123} trailer. */
  META_DIFF,
  /** {@code revert #123}: the squash commit whose subject ends {@code (#123)}. */
  PR,
  /** {@code Revert KAFKA-123}: the latest commit naming that issue key. */
  ISSUE,
  /** Google's {@code rollback of changelist N}, through {@code PiperOrigin-RevId}. */
  CHANGELIST,
  /** A quoted {@code *** Original change description ***} matched to a subject. */
  DESCRIPTION;

  /** The kind's name in the risk data, such as {@code meta_diff}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }
}
