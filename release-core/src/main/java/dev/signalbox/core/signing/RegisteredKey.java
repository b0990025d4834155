package dev.signalbox.core.signing;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Principal;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * A public key registered to a principal: whose signatures it makes, with which roles, from when,
 * until when, and whether it was revoked.
 *
 * <p>The registry, not the signed statement, says who signed and with which roles: a statement's
 * own {@code signatory} is a claim that verification checks against {@link #principal()}.
 *
 * @param publicKey the Ed25519 public key's SubjectPublicKeyInfo, in standard base64
 * @param principal the human or agent the key belongs to
 * @param roles the roles the key's signatures carry, such as {@code release-manager}
 * @param validFrom the first instant at which the key may be used
 * @param validUntil the instant from which it may no longer be used, if any; after {@code
 *     validFrom}
 * @param revokedAt the instant from which it was revoked, if it was; a revoked key verifies nothing
 *     from then on, whatever its statements say about when they were signed
 */
public record RegisteredKey(
    String publicKey,
    Principal principal,
    Set<String> roles,
    Instant validFrom,
    Optional<Instant> validUntil,
    Optional<Instant> revokedAt) {
  /** Checks the fields: the key must be an Ed25519 SubjectPublicKeyInfo. */
  public RegisteredKey {
    Class<?> t = RegisteredKey.class;
    Checks.text(t, "publicKey", publicKey);
    try {
      Ed25519.publicKeyFromSpki(Base64.getDecoder().decode(publicKey));
    } catch (IllegalArgumentException | SigningException e) {
      throw new InvalidValueException(
          t, "publicKey", "must be an Ed25519 SubjectPublicKeyInfo in standard base64", publicKey);
    }
    Checks.present(t, "principal", principal);
    roles = Checks.tokens(t, "roles", roles);
    Checks.instant(t, "validFrom", validFrom);
    Checks.optional(t, "validUntil", validUntil)
        .ifPresent(
            until -> {
              Checks.instant(t, "validUntil", until);
              if (!until.isAfter(validFrom)) {
                throw new InvalidValueException(
                    t, "validUntil", "must be after validFrom (" + validFrom + ")", until);
              }
            });
    Checks.optional(t, "revokedAt", revokedAt).ifPresent(at -> Checks.instant(t, "revokedAt", at));
  }

  /**
   * The key {@code key} registered to {@code principal} from {@code validFrom}, with no end and not
   * revoked; a human's key carries the human's roles, an agent's key none.
   *
   * @throws SigningException if {@code key} is not an Ed25519 public key
   */
  public static RegisteredKey of(PublicKey key, Principal principal, Instant validFrom) {
    Set<String> roles = principal instanceof Human human ? human.roles() : Set.of();
    return new RegisteredKey(
        Base64.getEncoder().encodeToString(Ed25519.spki(key)),
        principal,
        roles,
        validFrom,
        Optional.empty(),
        Optional.empty());
  }

  /** This key with the given roles instead of its own. */
  public RegisteredKey withRoles(Set<String> newRoles) {
    return new RegisteredKey(publicKey, principal, newRoles, validFrom, validUntil, revokedAt);
  }

  /** This key, valid only until {@code until}. */
  public RegisteredKey validUntil(Instant until) {
    return new RegisteredKey(publicKey, principal, roles, validFrom, Optional.of(until), revokedAt);
  }

  /** This key, revoked from {@code at}. */
  public RegisteredKey revokedFrom(Instant at) {
    return new RegisteredKey(publicKey, principal, roles, validFrom, validUntil, Optional.of(at));
  }

  /** The key id: the hexadecimal SHA-256 of the SubjectPublicKeyInfo. */
  public String keyId() {
    return Ed25519.keyId(key());
  }

  /** The public key. */
  public PublicKey key() {
    return Ed25519.publicKeyFromSpki(Base64.getDecoder().decode(publicKey));
  }

  /** Whether the key belongs to an agent, which may sign verdicts but never acceptances. */
  public boolean isAgent() {
    return principal instanceof Agent;
  }

  /** Whether {@code at} lies within the validity period, {@code [validFrom, validUntil)}. */
  public boolean validAt(Instant at) {
    return !at.isBefore(validFrom) && validUntil.map(at::isBefore).orElse(true);
  }

  /** Whether the key is revoked at {@code at}. */
  public boolean revokedBy(Instant at) {
    return revokedAt.map(revoked -> !revoked.isAfter(at)).orElse(false);
  }
}
