package dev.signalbox.core.signing;

import java.util.List;
import java.util.Optional;

/**
 * The result of verifying one envelope: {@link Verified} (the statement, with the signer and roles
 * from the key registry) or {@link Refused} (every reason it does not count).
 *
 * @param <T> the statement's type
 */
public sealed interface Verification<T> permits Verified, Refused {
  /** The digest of the envelope verified, as {@link Dsse#digest} computes it. */
  String envelopeDigest();

  /** Whether the statement counts. */
  default boolean isVerified() {
    return this instanceof Verified;
  }

  /** The verified statement, if it counts. */
  Optional<Verified<T>> verified();

  /** Every reason the statement does not count; empty exactly when it counts. */
  List<Refusal> refusals();
}
