package dev.signalbox.core.signing;

import java.util.Optional;

/**
 * Where registered keys come from: a {@link KeyRegistry} in memory, a directory service, a KMS.
 *
 * <p>Implementations must be thread-safe and should answer quickly (verification calls it once per
 * signature). {@code dev.signalbox.testkit.contracts.KeyResolverContract} is the contract test
 * every implementation should pass.
 */
public interface KeyResolver {
  /**
   * The key registered under {@code keyId}, revoked or not; empty if no key has that id.
   *
   * @param keyId a key id as envelopes carry it (any string, possibly empty)
   * @throws dev.signalbox.core.SignalboxException if the registry cannot be reached; an unknown id
   *     is not an error
   */
  Optional<RegisteredKey> resolve(String keyId);
}
