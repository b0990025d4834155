/**
 * The review board: convenes the reviewers a policy asks for, per risk surface, runs them in
 * parallel under one deadline, retries their transient failures, and normalises what they answer
 * into verdicts the policy can weigh — an answer that is late, thrown, malformed, stale or from
 * someone other than the reviewer asked becomes an abstention, never an approval.
 *
 * <p>The board runs and normalises; the {@linkplain dev.signalbox.core.policy.ReleasePolicy policy}
 * counts.
 */
@NullMarked
package dev.signalbox.core.board;

import org.jspecify.annotations.NullMarked;
