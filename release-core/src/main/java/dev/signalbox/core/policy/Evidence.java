package dev.signalbox.core.policy;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.CheckRun;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The evidence a decision weighs, already verified: trusted verdicts, verified acceptances and
 * overrides, check runs, and the items that did not verify (which count for nothing and are
 * reported).
 *
 * <p>Each list is kept in a canonical order, so that equal evidence handed over in any order gives
 * equal decisions. There is no JSON reader: evidence is made by the {@link EvidenceVerifier} and
 * the review board, never read back. Immutable and thread-safe.
 */
public final class Evidence {
  private static final Evidence NONE =
      new Evidence(List.of(), List.of(), List.of(), List.of(), List.of());

  private final List<TrustedVerdict> verdicts;
  private final List<VerifiedAcceptance> acceptances;
  private final List<VerifiedOverride> overrides;
  private final List<CheckRun> checks;
  private final List<RefusedEvidence> refused;

  private Evidence(
      List<TrustedVerdict> verdicts,
      List<VerifiedAcceptance> acceptances,
      List<VerifiedOverride> overrides,
      List<CheckRun> checks,
      List<RefusedEvidence> refused) {
    this.verdicts = sorted(Checks.list(Evidence.class, "verdicts", verdicts));
    this.acceptances = sorted(Checks.list(Evidence.class, "acceptances", acceptances));
    this.overrides = sorted(Checks.list(Evidence.class, "overrides", overrides));
    this.checks = sorted(Checks.list(Evidence.class, "checks", checks));
    this.refused = sorted(Checks.list(Evidence.class, "refused", refused));
  }

  /** No evidence at all. */
  public static Evidence none() {
    return NONE;
  }

  /**
   * Evidence of the given items, which the board and the verifier made.
   *
   * @throws dev.signalbox.core.InvalidValueException if a list or an item is null
   */
  public static Evidence of(
      List<TrustedVerdict> verdicts,
      List<VerifiedAcceptance> acceptances,
      List<VerifiedOverride> overrides,
      List<CheckRun> checks,
      List<RefusedEvidence> refused) {
    return new Evidence(verdicts, acceptances, overrides, checks, refused);
  }

  /** This evidence and {@code other}'s together. */
  public Evidence and(Evidence other) {
    Checks.present(Evidence.class, "other", other);
    return new Evidence(
        concat(verdicts, other.verdicts),
        concat(acceptances, other.acceptances),
        concat(overrides, other.overrides),
        concat(checks, other.checks),
        concat(refused, other.refused));
  }

  /** The trusted verdicts. */
  public List<TrustedVerdict> verdicts() {
    return verdicts;
  }

  /** The verified risk acceptances. */
  public List<VerifiedAcceptance> acceptances() {
    return acceptances;
  }

  /** The verified overrides. */
  public List<VerifiedOverride> overrides() {
    return overrides;
  }

  /** The check runs. */
  public List<CheckRun> checks() {
    return checks;
  }

  /** The items that did not verify, each with its reasons. */
  public List<RefusedEvidence> refused() {
    return refused;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return second.isEmpty()
        ? first
        : first.isEmpty()
            ? second
            : java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  /** A canonical order: by each item's text, which records and the trusted types spell in full. */
  private static <T> List<T> sorted(List<T> items) {
    if (items.size() < 2) {
      return items;
    }
    return items.stream().sorted(Comparator.comparing(Object::toString)).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Evidence that
        && verdicts.equals(that.verdicts)
        && acceptances.equals(that.acceptances)
        && overrides.equals(that.overrides)
        && checks.equals(that.checks)
        && refused.equals(that.refused);
  }

  @Override
  public int hashCode() {
    return Objects.hash(verdicts, acceptances, overrides, checks, refused);
  }

  @Override
  public String toString() {
    return "Evidence["
        + verdicts.size()
        + " verdicts, "
        + acceptances.size()
        + " acceptances, "
        + overrides.size()
        + " overrides, "
        + checks.size()
        + " checks, "
        + refused.size()
        + " refused]";
  }
}
