package dev.signalbox.core.signing;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * A statement that does not count, with every reason.
 *
 * @param envelopeDigest the digest of the envelope refused
 * @param refusals every reason, at least one, in the order the checks ran
 * @param unverifiedStatement the statement as the payload states it, if it parsed: for reports
 *     only, since nothing about it is trusted
 * @param <T> the statement's type
 */
public record Refused<T>(
    String envelopeDigest, List<Refusal> refusals, Optional<T> unverifiedStatement)
    implements Verification<T> {
  /** Checks the fields; there must be a reason. */
  public Refused {
    Checks.token(Refused.class, "envelopeDigest", envelopeDigest);
    refusals = Checks.list(Refused.class, "refusals", refusals);
    if (refusals.isEmpty()) {
      throw new InvalidValueException(Refused.class, "refusals", "must not be empty", refusals);
    }
    Checks.optional(Refused.class, "unverifiedStatement", unverifiedStatement);
  }

  @Override
  public Optional<Verified<T>> verified() {
    return Optional.empty();
  }

  /** Whether {@code reason} is among the refusals. */
  public boolean has(RefusalReason reason) {
    return refusals.stream().anyMatch(refusal -> refusal.reason() == reason);
  }
}
