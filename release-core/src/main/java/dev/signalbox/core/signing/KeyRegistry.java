package dev.signalbox.core.signing;

import com.google.common.collect.ImmutableMap;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of registered keys, by key id: the default {@link KeyResolver}.
 *
 * <p>Changing it (a new key, a revocation) makes a new registry, so that a verification never sees
 * half a change. Thread-safe.
 */
public final class KeyRegistry implements KeyResolver {
  private final ImmutableMap<String, RegisteredKey> keys;

  private KeyRegistry(ImmutableMap<String, RegisteredKey> keys) {
    this.keys = keys;
  }

  /**
   * A registry of {@code keys}.
   *
   * @throws InvalidValueException if a key is null or two keys have the same id
   */
  public static KeyRegistry of(Collection<RegisteredKey> keys) {
    List<RegisteredKey> list =
        Checks.list(KeyRegistry.class, "keys", keys == null ? null : List.copyOf(keys));
    Map<String, RegisteredKey> byId = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      RegisteredKey key = list.get(i);
      if (byId.putIfAbsent(key.keyId(), key) != null) {
        throw new InvalidValueException(
            KeyRegistry.class, "keys[" + i + "]", "registers a key id twice", key.keyId());
      }
    }
    return new KeyRegistry(ImmutableMap.copyOf(byId));
  }

  /** A registry of {@code keys}; see {@link #of(Collection)}. */
  public static KeyRegistry of(RegisteredKey... keys) {
    return of(List.of(keys));
  }

  @Override
  public Optional<RegisteredKey> resolve(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /** The registered keys, in the order they were given. */
  public Collection<RegisteredKey> keys() {
    return keys.values();
  }

  /**
   * This registry plus {@code key}.
   *
   * @throws InvalidValueException if a key with the same id is registered
   */
  public KeyRegistry with(RegisteredKey key) {
    Checks.present(KeyRegistry.class, "key", key);
    if (keys.containsKey(key.keyId())) {
      throw new InvalidValueException(
          KeyRegistry.class, "key", "is registered already", key.keyId());
    }
    return new KeyRegistry(
        ImmutableMap.<String, RegisteredKey>builder().putAll(keys).put(key.keyId(), key).build());
  }

  /**
   * This registry with the key {@code keyId} revoked from {@code at}; an earlier revocation stays.
   *
   * @throws InvalidValueException if no key has that id
   */
  public KeyRegistry revoke(String keyId, Instant at) {
    RegisteredKey key = keys.get(keyId);
    if (key == null) {
      throw new InvalidValueException(KeyRegistry.class, "keyId", "is not registered", keyId);
    }
    Checks.instant(KeyRegistry.class, "at", at);
    if (key.revokedBy(at)) {
      return this;
    }
    Map<String, RegisteredKey> copy = new LinkedHashMap<>(keys);
    copy.put(keyId, key.revokedFrom(at));
    return new KeyRegistry(ImmutableMap.copyOf(copy));
  }
}
