package dev.signalbox.core.policy;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.VerdictOverride;
import java.util.Objects;
import java.util.Set;

/**
 * An override of a verdict whose DSSE signature was verified against the key registry: {@link
 * #signer()} and its roles come from the registry, never from the statement's own {@code
 * signatory}.
 *
 * <p>Only the evidence verifier creates these; there is no public constructor and no JSON reader.
 * Whether it counts for a decision (the same change, digest and policy, in force, a signer whose
 * role may accept this much) is the policy's decision. Immutable and thread-safe.
 */
public final class VerifiedOverride {
  private final VerdictOverride override;
  private final Human signer;
  private final String keyId;

  VerifiedOverride(VerdictOverride override, Human signer, String keyId) {
    this.override = Checks.present(VerifiedOverride.class, "override", override);
    this.signer = Checks.present(VerifiedOverride.class, "signer", signer);
    this.keyId = Checks.present(VerifiedOverride.class, "keyId", keyId);
  }

  /** The statement, exactly as signed. */
  public VerdictOverride override() {
    return override;
  }

  /** The human whose registered key signed it, with the roles the registry gives. */
  public Human signer() {
    return signer;
  }

  /** The roles of the signer, from the key registry. */
  public Set<String> roles() {
    return signer.roles();
  }

  /** The key that signed it. */
  public String keyId() {
    return keyId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifiedOverride that
        && override.equals(that.override)
        && signer.equals(that.signer)
        && keyId.equals(that.keyId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(override, signer, keyId);
  }

  @Override
  public String toString() {
    return "VerifiedOverride[" + override + ", signed by " + signer.id() + " with " + keyId + "]";
  }
}
