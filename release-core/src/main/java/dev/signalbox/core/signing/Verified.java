package dev.signalbox.core.signing;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableSet;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A statement whose envelope verified: the statement parsed from exactly the signed bytes, and the
 * signer, roles and key taken from the key registry.
 *
 * <p>Only {@link EnvelopeVerifier} creates one (there is no public constructor and no JSON reader),
 * so holding one means the checks passed. Immutable and thread-safe.
 *
 * @param <T> the statement's type
 */
public final class Verified<T> implements Verification<T> {
  private final T statement;
  private final Principal signer;
  private final ImmutableSet<String> roles;
  private final String keyId;
  private final String envelopeDigest;
  private final Envelope envelope;

  Verified(
      T statement,
      Principal signer,
      Set<String> roles,
      String keyId,
      String envelopeDigest,
      Envelope envelope) {
    this.statement = statement;
    this.signer = signer;
    this.roles = ImmutableSet.copyOf(roles);
    this.keyId = keyId;
    this.envelopeDigest = envelopeDigest;
    this.envelope = envelope;
  }

  /** The statement, parsed from the verified payload. */
  public T statement() {
    return statement;
  }

  /** Who signed, from the key registry. */
  public Principal signer() {
    return signer;
  }

  /** The roles the signing key carries, from the key registry. */
  public Set<String> roles() {
    return roles;
  }

  /** The id of the key whose signature verified. */
  public String keyId() {
    return keyId;
  }

  /** The envelope verified. */
  public Envelope envelope() {
    return envelope;
  }

  @Override
  public String envelopeDigest() {
    return envelopeDigest;
  }

  @Override
  public Optional<Verified<T>> verified() {
    return Optional.of(this);
  }

  @Override
  public List<Refusal> refusals() {
    return List.of();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Verified<?> other
        && statement.equals(other.statement)
        && signer.equals(other.signer)
        && roles.equals(other.roles)
        && keyId.equals(other.keyId)
        && envelopeDigest.equals(other.envelopeDigest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statement, signer, roles, keyId, envelopeDigest);
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper(this)
        .add("signer", signer.id())
        .add("roles", roles)
        .add("keyId", keyId)
        .add("statement", statement)
        .toString();
  }
}
