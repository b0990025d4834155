package dev.signalbox.testkit.policy;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Principal;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.SignedAcceptance;
import dev.signalbox.core.model.SignedOverride;
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
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EvidenceVerifier} of envelopes signed with HMAC-SHA256 under keys registered to
 * principals, for tests: a fake that needs no key pairs (the real verifier is {@code
 * dev.signalbox.core.signing.SignedEvidenceVerifier}, Ed25519 signatures checked against the key
 * registry, held to the same contract). The MAC over DSSE's pre-authentication encoding still makes
 * swapped payloads, tampered signatures and unknown keys fail, and the checks after the signature
 * are the real ones: the signer is the registry's principal, a human for acceptances and overrides
 * and the reviewer itself for verdicts; it must be the statement's signatory; an acceptance or
 * override must name the change, its content digest and the policy digest, and be in force.
 * Thread-safe.
 */
public final class HmacEvidenceVerifier implements EvidenceVerifier {
  /** The payload type of a signed verdict. */
  public static final String VERDICT_PAYLOAD_TYPE = "application/vnd.signalbox.verdict+json";

  private static final DocumentCodec JSON = DocumentCodec.json();

  private final Map<String, Principal> keys;

  /** A verifier whose registry maps each key id to its principal. */
  public HmacEvidenceVerifier(Map<String, Principal> keys) {
    this.keys = Map.copyOf(keys);
  }

  /** {@code acceptance} signed with {@code keyId}. */
  public Envelope signAcceptance(String keyId, RiskAcceptance acceptance) {
    return sign(keyId, SignedAcceptance.PAYLOAD_TYPE, acceptance);
  }

  /** {@code override} signed with {@code keyId}. */
  public Envelope signOverride(String keyId, VerdictOverride override) {
    return sign(keyId, SignedOverride.PAYLOAD_TYPE, override);
  }

  /** {@code verdict} signed with {@code keyId}. */
  public Envelope signVerdict(String keyId, Verdict verdict) {
    return sign(keyId, VERDICT_PAYLOAD_TYPE, verdict);
  }

  private static Envelope sign(String keyId, String payloadType, Object statement) {
    byte[] payload = JSON.write(statement).getBytes(StandardCharsets.UTF_8);
    return Envelope.of(
        payloadType,
        payload,
        List.of(
            new EnvelopeSignature(
                keyId, Base64.getEncoder().encodeToString(mac(keyId, payloadType, payload)))));
  }

  @Override
  public Evidence verify(
      ChangeRequest change,
      PolicyDigest policyDigest,
      BoardResult board,
      List<Envelope> imported,
      List<CheckRun> checks,
      Instant at) {
    List<TrustedVerdict> verdicts = new ArrayList<>(board.verdicts());
    List<VerifiedAcceptance> acceptances = new ArrayList<>();
    List<VerifiedOverride> overrides = new ArrayList<>();
    List<RefusedEvidence> refused = new ArrayList<>();
    for (Envelope envelope : imported) {
      List<String> problems = new ArrayList<>();
      byte[] payload = envelope.payloadBytes();
      @Nullable String keyId = null;
      @Nullable Principal signer = null;
      List<String> signatureProblems = new ArrayList<>();
      if (envelope.signatures().isEmpty()) {
        signatureProblems.add("the envelope has no signature");
      }
      for (EnvelopeSignature signature : envelope.signatures()) {
        Principal registered = keys.get(signature.keyid());
        if (registered == null) {
          signatureProblems.add("no key is registered as " + signature.keyid());
        } else if (!MessageDigest.isEqual(
            mac(signature.keyid(), envelope.payloadType(), payload),
            Base64.getDecoder().decode(signature.sig()))) {
          signatureProblems.add("the signature by key " + signature.keyid() + " does not verify");
        } else {
          keyId = signature.keyid();
          signer = registered;
          break;
        }
      }
      if (signer == null) {
        problems.addAll(signatureProblems);
      }
      String text = new String(payload, StandardCharsets.UTF_8);
      String item = envelope.payloadType() + " envelope signed with " + keyIds(envelope);
      switch (envelope.payloadType()) {
        case SignedAcceptance.PAYLOAD_TYPE -> {
          RiskAcceptance acceptance = parse(text, RiskAcceptance.class, problems);
          if (acceptance != null) {
            item = "risk acceptance of " + acceptance.change() + " signed with " + keyIds(envelope);
            human(signer, acceptance.signatory(), problems);
            bound(
                change,
                policyDigest,
                at,
                acceptance.change().equals(change.ref()),
                acceptance.contentDigest().equals(change.contentDigest()),
                acceptance.policyDigest().equals(policyDigest),
                acceptance.inForceAt(at),
                problems);
            if (problems.isEmpty() && signer instanceof Human human && keyId != null) {
              acceptances.add(TrustedValues.acceptance(acceptance, human, keyId));
              continue;
            }
          }
        }
        case SignedOverride.PAYLOAD_TYPE -> {
          VerdictOverride override = parse(text, VerdictOverride.class, problems);
          if (override != null) {
            item = "override of " + override.change() + " signed with " + keyIds(envelope);
            human(signer, override.signatory(), problems);
            bound(
                change,
                policyDigest,
                at,
                override.change().equals(change.ref()),
                override.contentDigest().equals(change.contentDigest()),
                override.policyDigest().equals(policyDigest),
                override.inForceAt(at),
                problems);
            if (problems.isEmpty() && signer instanceof Human human && keyId != null) {
              overrides.add(TrustedValues.override(override, human, keyId));
              continue;
            }
          }
        }
        case VERDICT_PAYLOAD_TYPE -> {
          Verdict verdict = parse(text, Verdict.class, problems);
          if (verdict != null) {
            item = "verdict on " + verdict.change() + " signed with " + keyIds(envelope);
            if (signer != null
                && !(signer instanceof Agent agent && agent.equals(verdict.reviewer()))) {
              problems.add(
                  "signed by " + signer.id() + ", not by the reviewer " + verdict.reviewer().id());
            }
            if (!verdict.change().equals(change.ref())) {
              problems.add("the verdict is on " + verdict.change() + ", not " + change.ref());
            }
            if (problems.isEmpty() && keyId != null) {
              verdicts.add(TrustedValues.signed(verdict, keyId));
              continue;
            }
          }
        }
        default -> problems.add("payload type " + envelope.payloadType() + " is not a statement");
      }
      refused.add(new RefusedEvidence(item, problems));
    }
    return Evidence.of(verdicts, acceptances, overrides, checks, refused);
  }

  private static String keyIds(Envelope envelope) {
    return envelope.signatures().isEmpty()
        ? "no key"
        : envelope.signatures().stream().map(EnvelopeSignature::keyid).toList().toString();
  }

  private static <T> @Nullable T parse(String text, Class<T> type, List<String> problems) {
    try {
      return JSON.read(text, type);
    } catch (RuntimeException e) {
      problems.add("the payload is not a " + type.getSimpleName() + ": " + e.getMessage());
      return null;
    }
  }

  private static void human(@Nullable Principal signer, String signatory, List<String> problems) {
    if (signer == null) {
      return;
    }
    if (!(signer instanceof Human)) {
      problems.add("signed with the key of agent " + signer.id() + "; only humans may sign this");
    }
    if (!signer.id().equals(signatory)) {
      problems.add("signed by " + signer.id() + ", but names " + signatory + " as signatory");
    }
  }

  private static void bound(
      ChangeRequest change,
      PolicyDigest policyDigest,
      Instant at,
      boolean sameChange,
      boolean sameContent,
      boolean samePolicy,
      boolean inForce,
      List<String> problems) {
    if (!sameChange) {
      problems.add("it is for another change than " + change.ref());
    }
    if (!sameContent) {
      problems.add("it is for other content than " + change.contentDigest());
    }
    if (!samePolicy) {
      problems.add("it was made under another policy than " + policyDigest);
    }
    if (!inForce) {
      problems.add("it is not in force at " + at);
    }
  }

  private static byte[] mac(String keyId, String payloadType, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              ("signalbox-test-secret:" + keyId).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
      // DSSE's pre-authentication encoding
      mac.update(
          ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
              .getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "HmacEvidenceVerifier" + keys.keySet();
  }
}
