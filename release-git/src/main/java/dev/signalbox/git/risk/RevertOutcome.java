package dev.signalbox.git.risk;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether and how a landed commit was later reverted: the label of the risk data ({@code reverted},
 * {@code reverted_ever}, {@code revert_lag_days}, {@code revert_sha}, {@code revert_kind}, {@code
 * negative_lag}).
 *
 * @param reverted a later commit reverted it within 90 days of landing
 * @param revertedEver a later commit reverted it, whenever
 * @param lagDays days from landing to the first revert (commit times), if reverted
 * @param revertSha the first revert's commit id, if reverted
 * @param kind how the first revert named this commit, if reverted
 * @param negativeLag the revert's commit time precedes this commit's (clock skew)
 */
public record RevertOutcome(
    boolean reverted,
    boolean revertedEver,
    OptionalDouble lagDays,
    Optional<String> revertSha,
    Optional<RevertKind> kind,
    boolean negativeLag) {
  private static final RevertOutcome NONE =
      new RevertOutcome(
          false, false, OptionalDouble.empty(), Optional.empty(), Optional.empty(), false);

  /** The outcome of a commit nobody reverted. */
  public static RevertOutcome none() {
    return NONE;
  }
}
