package dev.signalbox.testkit.contracts;

import dev.signalbox.core.signing.KeyRegistry;
import dev.signalbox.core.signing.KeyResolver;
import dev.signalbox.core.signing.RegisteredKey;
import java.util.List;

/** The in-memory key registry keeps the key resolver contract. */
class KeyRegistryContractTest extends KeyResolverContract {
  @Override
  protected KeyResolver resolverOf(List<RegisteredKey> keys) {
    return KeyRegistry.of(keys);
  }
}
