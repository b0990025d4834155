package dev.signalbox.core.signing;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.InvalidDocumentException;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.SignedAcceptance;
import dev.signalbox.core.model.SignedOverride;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Verifies one envelope at a time: turns a signed statement into a {@link Verified} statement, with
 * the signer and roles from the key registry, or a {@link Refused} one with every reason.
 *
 * <p>The checks, all of which run so that every reason is reported:
 *
 * <ul>
 *   <li>the payload type is the statement type's ({@link RefusalReason#WRONG_PAYLOAD_TYPE});
 *   <li>there is a signature ({@link RefusalReason#NO_SIGNATURE}); for each signature: its key is
 *       registered ({@link RefusalReason#UNKNOWN_KEY}), it verifies over the DSSE
 *       pre-authentication encoding ({@link RefusalReason#BAD_SIGNATURE}), the key is not revoked
 *       ({@link RefusalReason#REVOKED_KEY}), is valid both at the time of verification and at the
 *       signing time the statement claims ({@link RefusalReason#KEY_NOT_VALID}), belongs to a human
 *       where the statement needs one ({@link RefusalReason#AGENT_KEY}), and belongs to the
 *       signatory the statement names ({@link RefusalReason#SIGNER_MISMATCH});
 *   <li>the payload parses as the statement ({@link RefusalReason#MALFORMED_PAYLOAD});
 *   <li>with a {@link Binding}: the statement is for the expected change, content digest and
 *       policy, and in force.
 * </ul>
 *
 * <p>The statement counts when the first of its signatures that passes every check is found; that
 * signature's key names the signer. The payload is decoded once, and the statement handed out is
 * parsed from exactly the bytes whose signature verified. A payload is also parsed when its
 * signature fails, to report everything wrong with it, but such a statement is only ever returned
 * as {@link Refused#unverifiedStatement()}.
 *
 * <p>Ed25519 costs far more than a decision, so signature checks and parses are cached by envelope
 * digest (bounded, least recently used out first). A signature check is cached together with the
 * digest of the public key it was checked against; revocation, validity and bindings are checked on
 * every call, so a revocation takes effect at once. Thread-safe.
 */
public final class EnvelopeVerifier {
  /** How many envelopes the cache holds unless told otherwise. */
  public static final long DEFAULT_CACHE_SIZE = 10_000;

  private final KeyResolver keys;
  private final Cache<String, CachedEnvelope> cache;
  private final AtomicLong signatureChecks = new AtomicLong();

  private EnvelopeVerifier(KeyResolver keys, long cacheSize) {
    this.keys = keys;
    this.cache = CacheBuilder.newBuilder().maximumSize(cacheSize).build();
  }

  /** A verifier that resolves keys with {@code keys}, caching {@value #DEFAULT_CACHE_SIZE}. */
  public static EnvelopeVerifier create(KeyResolver keys) {
    return create(keys, DEFAULT_CACHE_SIZE);
  }

  /**
   * A verifier that resolves keys with {@code keys} and caches the checks of up to {@code
   * cacheSize} envelopes.
   *
   * @throws dev.signalbox.core.InvalidValueException if {@code keys} is null or the size negative
   */
  public static EnvelopeVerifier create(KeyResolver keys, long cacheSize) {
    Checks.present(EnvelopeVerifier.class, "keys", keys);
    if (cacheSize < 0) {
      throw new dev.signalbox.core.InvalidValueException(
          EnvelopeVerifier.class, "cacheSize", "must be >= 0", cacheSize);
    }
    return new EnvelopeVerifier(keys, cacheSize);
  }

  /** Verifies a signed risk acceptance and checks that it is bound to {@code expected}. */
  public Verification<RiskAcceptance> acceptance(SignedAcceptance signed, Binding expected) {
    Checks.present(EnvelopeVerifier.class, "signed", signed);
    return verify(signed.envelope(), StatementType.ACCEPTANCE, expected);
  }

  /** Verifies a signed override and checks that it is bound to {@code expected}. */
  public Verification<VerdictOverride> override(SignedOverride signed, Binding expected) {
    Checks.present(EnvelopeVerifier.class, "signed", signed);
    return verify(signed.envelope(), StatementType.OVERRIDE, expected);
  }

  /** Verifies an imported, signed verdict and checks that it is bound to {@code expected}. */
  public Verification<Verdict> verdict(Envelope envelope, Binding expected) {
    return verify(envelope, StatementType.VERDICT, expected);
  }

  /**
   * Verifies {@code envelope} as a statement of {@code type} and checks that the statement is bound
   * to {@code expected}.
   */
  public <T> Verification<T> verify(Envelope envelope, StatementType<T> type, Binding expected) {
    Checks.present(EnvelopeVerifier.class, "expected", expected);
    return check(envelope, type, expected.at(), expected);
  }

  /**
   * Verifies {@code envelope} as a statement of {@code type} at {@code at}: signatures, keys,
   * payload; not what the statement is bound to (see {@link Binding}).
   */
  public <T> Verification<T> verify(Envelope envelope, StatementType<T> type, Instant at) {
    Checks.instant(EnvelopeVerifier.class, "at", at);
    return check(envelope, type, at, null);
  }

  /** How many Ed25519 signature checks this verifier has made: the cache's misses. */
  long signatureChecks() {
    return signatureChecks.get();
  }

  private <T> Verification<T> check(
      Envelope envelope, StatementType<T> type, Instant at, @Nullable Binding binding) {
    Checks.present(EnvelopeVerifier.class, "envelope", envelope);
    Checks.present(EnvelopeVerifier.class, "type", type);
    String digest = Dsse.digest(envelope);
    CachedEnvelope cached = cached(digest, envelope);
    List<Refusal> refusals = new ArrayList<>();
    if (!envelope.payloadType().equals(type.payloadType())) {
      refusals.add(
          new Refusal(
              RefusalReason.WRONG_PAYLOAD_TYPE,
              "payload type " + envelope.payloadType() + ", expected " + type.payloadType()));
    }
    Parsed<T> parsed = cached.parse(type);
    if (parsed.problem != null) {
      refusals.add(new Refusal(RefusalReason.MALFORMED_PAYLOAD, parsed.problem));
    }
    T statement = parsed.statement;
    if (envelope.signatures().isEmpty()) {
      refusals.add(new Refusal(RefusalReason.NO_SIGNATURE, "the envelope has no signature"));
    }
    Set<Refusal> signatureProblems = new LinkedHashSet<>();
    @Nullable RegisteredKey signer = null;
    @Nullable String signerKeyId = null;
    for (int i = 0; i < envelope.signatures().size() && signer == null; i++) {
      EnvelopeSignature signature = envelope.signatures().get(i);
      Optional<RegisteredKey> registered = keys.resolve(signature.keyid());
      if (registered.isEmpty()) {
        signatureProblems.add(
            new Refusal(RefusalReason.UNKNOWN_KEY, "no key is registered as " + signature.keyid()));
        continue;
      }
      List<Refusal> problems =
          keyProblems(cached, i, signature, registered.get(), type, statement, at);
      if (problems.isEmpty()) {
        signer = registered.get();
        signerKeyId = signature.keyid();
      }
      signatureProblems.addAll(problems);
    }
    if (signer == null) {
      refusals.addAll(signatureProblems);
    }
    if (statement != null && binding != null) {
      refusals.addAll(type.bindingRefusals(binding, statement));
    }
    if (refusals.isEmpty() && signer != null && signerKeyId != null && statement != null) {
      return new Verified<>(
          statement, signer.principal(), signer.roles(), signerKeyId, digest, envelope);
    }
    return new Refused<>(digest, refusals, Optional.ofNullable(statement));
  }

  private <T> List<Refusal> keyProblems(
      CachedEnvelope cached,
      int index,
      EnvelopeSignature signature,
      RegisteredKey key,
      StatementType<T> type,
      @Nullable T statement,
      Instant at) {
    List<Refusal> problems = new ArrayList<>();
    String id = signature.keyid();
    PublicKey publicKey = key.key();
    if (!cached.signatureVerifies(index, publicKey, signature, this)) {
      problems.add(
          new Refusal(
              RefusalReason.BAD_SIGNATURE, "the signature by key " + id + " does not verify"));
    }
    if (key.revokedBy(at)) {
      problems.add(
          new Refusal(
              RefusalReason.REVOKED_KEY,
              "key " + id + " was revoked at " + key.revokedAt().orElseThrow()));
    }
    if (!key.validAt(at)) {
      problems.add(
          new Refusal(RefusalReason.KEY_NOT_VALID, "key " + id + " is not valid at " + at));
    } else if (statement != null && !key.validAt(type.claimedSigningTime(statement))) {
      problems.add(
          new Refusal(
              RefusalReason.KEY_NOT_VALID,
              "key "
                  + id
                  + " was not valid at "
                  + type.claimedSigningTime(statement)
                  + ", when the statement says it was signed"));
    }
    if (type.humanOnly() && key.isAgent()) {
      problems.add(
          new Refusal(
              RefusalReason.AGENT_KEY,
              "key "
                  + id
                  + " belongs to agent "
                  + key.principal().id()
                  + "; only a human may sign a "
                  + type.type().getSimpleName()));
    }
    if (statement != null) {
      type.signerMismatch(statement, key.principal())
          .ifPresent(detail -> problems.add(new Refusal(RefusalReason.SIGNER_MISMATCH, detail)));
    }
    return problems;
  }

  private CachedEnvelope cached(String digest, Envelope envelope) {
    try {
      return cache.get(digest, () -> new CachedEnvelope(envelope));
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot happen: the loader throws nothing", e);
    }
  }

  private boolean checkSignature(PublicKey key, byte[] pae, byte[] signature) {
    signatureChecks.incrementAndGet();
    return Ed25519.verify(key, pae, signature);
  }

  /** A payload parsed as one statement type: the statement, or what is wrong with it. */
  private static final class Parsed<T> {
    final @Nullable T statement;
    final @Nullable String problem;

    Parsed(@Nullable T statement, @Nullable String problem) {
      this.statement = statement;
      this.problem = problem;
    }
  }

  /** What is known of one envelope: its payload, its PAE, checked signatures, parses. */
  private static final class CachedEnvelope {
    private final byte[] payload;
    private final byte[] pae;
    private final ConcurrentMap<String, Boolean> signatures = new ConcurrentHashMap<>();
    private final ConcurrentMap<StatementType<?>, Parsed<?>> parses = new ConcurrentHashMap<>();

    CachedEnvelope(Envelope envelope) {
      this.payload = envelope.payloadBytes();
      this.pae = Dsse.pae(envelope.payloadType(), payload);
    }

    boolean signatureVerifies(
        int index, PublicKey key, EnvelopeSignature signature, EnvelopeVerifier verifier) {
      String cacheKey = index + ":" + Ed25519.keyId(key);
      return signatures.computeIfAbsent(
          cacheKey,
          k -> verifier.checkSignature(key, pae, Base64.getDecoder().decode(signature.sig())));
    }

    @SuppressWarnings("unchecked") // parses holds a Parsed<T> under each StatementType<T>
    <T> Parsed<T> parse(StatementType<T> type) {
      return (Parsed<T>) parses.computeIfAbsent(type, t -> parseNow(type));
    }

    private <T> Parsed<T> parseNow(StatementType<T> type) {
      try {
        return new Parsed<>(type.parse(payload), null);
      } catch (InvalidDocumentException e) {
        return new Parsed<>(null, e.getMessage());
      }
    }
  }
}
