package dev.signalbox.core.signing;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Principal;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.EvidenceVerifier;
import dev.signalbox.core.policy.RefusedEvidence;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.policy.VerifiedOverride;
import dev.signalbox.core.trust.TrustedValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link EvidenceVerifier}: checks DSSE envelopes of risk acceptances, overrides and
 * verdicts with Ed25519 against a {@link KeyResolver}, and hands the policy what verified.
 *
 * <p>For each imported envelope, chosen by its payload type, it asks an {@link EnvelopeVerifier}
 * with a {@link Binding} to the change, its content digest, the deciding policy's digest and the
 * instant of verification. An envelope that verifies becomes a {@link VerifiedAcceptance}, {@link
 * VerifiedOverride} or signed {@link TrustedVerdict} whose signer, and the signer's roles, are the
 * key registry's (never the statement's). One that does not becomes a {@link RefusedEvidence}
 * carrying every {@link Refusal}: bad signature, unknown, revoked or out-of-date key, an agent's
 * key where a human must sign, a signatory other than the key's owner, expired or not yet in force,
 * for another change, another content digest or another policy digest (a replay), malformed, or of
 * a payload type that is no Signalbox statement. An envelope handed over twice in one call is
 * verified and counted once.
 *
 * <p>The board's verdicts are trusted as they are, since only a board run in this process makes a
 * {@link BoardResult}; whether they are fresh is the policy's question, which it reports. Check
 * runs pass through unchanged.
 *
 * <p>Ed25519 costs far more than a decision, so this runs once per change and policy, before {@code
 * decide}; the signature checks and payload parses are cached by envelope digest (bounded, least
 * recently used out first), while key revocation, validity and the binding are checked on every
 * call, so that a revocation counts at once. Thread-safe. It never throws for a bad item; an
 * exception from the {@link KeyResolver} (a registry that cannot be reached) passes through.
 */
public final class SignedEvidenceVerifier implements EvidenceVerifier {
  private static final Map<String, StatementType<?>> TYPES =
      Map.of(
          StatementType.ACCEPTANCE.payloadType(), StatementType.ACCEPTANCE,
          StatementType.OVERRIDE.payloadType(), StatementType.OVERRIDE,
          StatementType.VERDICT.payloadType(), StatementType.VERDICT);

  private final EnvelopeVerifier envelopes;

  private SignedEvidenceVerifier(EnvelopeVerifier envelopes) {
    this.envelopes = envelopes;
  }

  /**
   * A verifier that resolves keys with {@code keys} and caches the checks of up to {@value
   * EnvelopeVerifier#DEFAULT_CACHE_SIZE} envelopes.
   *
   * @throws InvalidValueException if {@code keys} is null
   */
  public static SignedEvidenceVerifier create(KeyResolver keys) {
    return builder().keys(keys).build();
  }

  /** A builder of a verifier; it needs at least the key resolver. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Evidence verify(
      ChangeRequest change,
      PolicyDigest policyDigest,
      BoardResult board,
      List<Envelope> imported,
      List<CheckRun> checks,
      Instant at) {
    Class<?> t = SignedEvidenceVerifier.class;
    Checks.present(t, "change", change);
    Checks.present(t, "policyDigest", policyDigest);
    Checks.present(t, "board", board);
    List<Envelope> envelopeList = Checks.list(t, "imported", imported);
    List<CheckRun> checkList = Checks.list(t, "checks", checks);
    Checks.instant(t, "at", at);
    Binding binding = new Binding(change.ref(), change.contentDigest(), policyDigest, at);

    Map<String, Envelope> distinct = new LinkedHashMap<>();
    for (Envelope envelope : envelopeList) {
      distinct.putIfAbsent(Dsse.digest(envelope), envelope);
    }
    List<TrustedVerdict> verdicts = new ArrayList<>(board.verdicts());
    List<VerifiedAcceptance> acceptances = new ArrayList<>();
    List<VerifiedOverride> overrides = new ArrayList<>();
    List<RefusedEvidence> refused = new ArrayList<>();
    for (Map.Entry<String, Envelope> entry : distinct.entrySet()) {
      Envelope envelope = entry.getValue();
      StatementType<?> type = TYPES.get(envelope.payloadType());
      if (type == null) {
        refused.add(
            new RefusedEvidence(
                describe(envelope, entry.getKey(), null),
                List.of(
                    new Refusal(
                            RefusalReason.WRONG_PAYLOAD_TYPE,
                            "payload type "
                                + envelope.payloadType()
                                + " is none of "
                                + TYPES.keySet().stream().sorted().toList())
                        .toString())));
      } else if (type == StatementType.ACCEPTANCE) {
        Verification<RiskAcceptance> result =
            envelopes.verify(envelope, StatementType.ACCEPTANCE, binding);
        Optional<Human> signer = humanSigner(result, envelope, refused);
        signer.ifPresent(
            human ->
                acceptances.add(TrustedValues.acceptance(statement(result), human, keyId(result))));
      } else if (type == StatementType.OVERRIDE) {
        Verification<VerdictOverride> result =
            envelopes.verify(envelope, StatementType.OVERRIDE, binding);
        Optional<Human> signer = humanSigner(result, envelope, refused);
        signer.ifPresent(
            human ->
                overrides.add(TrustedValues.override(statement(result), human, keyId(result))));
      } else {
        Verification<Verdict> result = envelopes.verify(envelope, StatementType.VERDICT, binding);
        result
            .verified()
            .ifPresentOrElse(
                verified ->
                    verdicts.add(TrustedValues.signed(verified.statement(), verified.keyId())),
                () -> refused.add(refusedEvidence(result, envelope)));
      }
    }
    return Evidence.of(verdicts, acceptances, overrides, checkList, refused);
  }

  /**
   * The signer of a verified statement only a human may sign, as the key registry names them and
   * with the roles the key carries; empty, with the item added to {@code refused}, if it did not
   * verify.
   */
  private static <T> Optional<Human> humanSigner(
      Verification<T> result, Envelope envelope, List<RefusedEvidence> refused) {
    Optional<Verified<T>> verified = result.verified();
    if (verified.isEmpty()) {
      refused.add(refusedEvidence(result, envelope));
      return Optional.empty();
    }
    Principal principal = verified.get().signer();
    if (!(principal instanceof Human human)) {
      // the envelope verifier refuses agent keys for these statements already; fail closed anyway
      refused.add(
          new RefusedEvidence(
              describe(envelope, result.envelopeDigest(), verified.get().statement()),
              List.of(
                  new Refusal(
                          RefusalReason.AGENT_KEY,
                          "key " + verified.get().keyId() + " belongs to " + principal.id())
                      .toString())));
      return Optional.empty();
    }
    Set<String> roles = verified.get().roles();
    return Optional.of(
        human.roles().equals(roles) ? human : new Human(human.id(), human.name(), roles));
  }

  private static <T> T statement(Verification<T> result) {
    return result.verified().orElseThrow().statement();
  }

  private static String keyId(Verification<?> result) {
    return result.verified().orElseThrow().keyId();
  }

  private static RefusedEvidence refusedEvidence(Verification<?> result, Envelope envelope) {
    Object statement =
        result instanceof Refused<?> refused ? refused.unverifiedStatement().orElse(null) : null;
    return new RefusedEvidence(
        describe(envelope, result.envelopeDigest(), statement),
        result.refusals().stream().map(Refusal::toString).toList());
  }

  /**
   * The item in words: what the statement says it is (nothing it says is trusted), the envelope's
   * digest and the keys that signed it, such as {@code risk acceptance of acme/api#42 naming
   * signatory alice (envelope 1a2b3c4d5e6f, keys [3f2a9c01d4e7])}.
   */
  private static String describe(Envelope envelope, String digest, @Nullable Object statement) {
    String what;
    if (statement instanceof RiskAcceptance acceptance) {
      what =
          "risk acceptance of "
              + acceptance.change()
              + " naming signatory "
              + acceptance.signatory();
    } else if (statement instanceof VerdictOverride override) {
      what = "override of " + override.change() + " naming signatory " + override.signatory();
    } else if (statement instanceof Verdict verdict) {
      what =
          "verdict on "
              + verdict.change()
              + " by "
              + verdict.reviewer().id()
              + " on "
              + verdict.surface();
    } else {
      what = envelope.payloadType() + " envelope";
    }
    List<String> keys =
        envelope.signatures().stream()
            .map(EnvelopeSignature::keyid)
            .map(SignedEvidenceVerifier::short12)
            .toList();
    return what + " (envelope " + short12(digest) + ", keys " + keys + ")";
  }

  private static String short12(String id) {
    return id.length() <= 12 ? id : id.substring(0, 12);
  }

  @Override
  public String toString() {
    return "SignedEvidenceVerifier";
  }

  /**
   * Configures a {@link SignedEvidenceVerifier}. Each setting may be given once. Not thread-safe;
   * the verifier built is.
   */
  public static final class Builder {
    private @Nullable KeyResolver keys;
    private long cacheSize = -1;

    private Builder() {}

    /**
     * Where registered keys come from.
     *
     * @throws InvalidValueException if {@code keys} is null
     * @throws IllegalStateException if the resolver was set already
     */
    public Builder keys(KeyResolver keys) {
      Checks.present(Builder.class, "keys", keys);
      if (this.keys != null) {
        throw new IllegalStateException("keys was already set to " + this.keys);
      }
      this.keys = keys;
      return this;
    }

    /**
     * How many envelopes' signature checks and parses to keep; {@value
     * EnvelopeVerifier#DEFAULT_CACHE_SIZE} unless set, 0 for none.
     *
     * @throws InvalidValueException if {@code size} is negative
     * @throws IllegalStateException if the size was set already
     */
    public Builder cacheSize(long size) {
      if (size < 0) {
        throw new InvalidValueException(Builder.class, "cacheSize", "must be >= 0", size);
      }
      if (cacheSize >= 0) {
        throw new IllegalStateException("cacheSize was already set to " + cacheSize);
      }
      this.cacheSize = size;
      return this;
    }

    /**
     * The verifier.
     *
     * @throws IllegalStateException if no key resolver was set
     */
    public SignedEvidenceVerifier build() {
      KeyResolver resolver = keys;
      if (resolver == null) {
        throw new IllegalStateException("a SignedEvidenceVerifier needs keys(KeyResolver)");
      }
      return new SignedEvidenceVerifier(
          EnvelopeVerifier.create(
              resolver, cacheSize < 0 ? EnvelopeVerifier.DEFAULT_CACHE_SIZE : cacheSize));
    }
  }

  /** How many Ed25519 signature checks this verifier has made: its cache's misses. */
  long signatureChecks() {
    return envelopes.signatureChecks();
  }
}
