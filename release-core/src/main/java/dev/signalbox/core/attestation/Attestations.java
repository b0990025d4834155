package dev.signalbox.core.attestation;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.signing.Dsse;
import dev.signalbox.core.signing.Signer;
import dev.signalbox.core.signing.Verified;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports decisions, verdicts, acceptances and overrides as in-toto attestations: an in-toto
 * Statement v1 ({@value #STATEMENT_TYPE}) as the payload of a DSSE envelope of type {@value
 * #PAYLOAD_TYPE}, signed by the exporting service's key.
 *
 * <ul>
 *   <li>A {@link Decision} uses the Simple Verification Result predicate ({@value #SVR}): the
 *       verifier is Signalbox's policy engine, and its one policy (the required {@code
 *       verifier.policies}, resource descriptors) is the deciding policy, named {@value
 *       #POLICY_NAME} with its digest as {@code sha256}. SVR's properties are the properties that
 *       passed verification, so they are {@code SIGNALBOX_<OUTCOME>} and {@code
 *       SIGNALBOX_RULE_<RULE>} for each of the policy's rules that did not hold the change (the
 *       rule id upper-cased, every character other than an ASCII letter or digit as {@code _}): for
 *       a {@code SHIP} every rule of the policy; for a {@code NOT_YET} or {@code SEND_BACK} every
 *       rule that gave none of the decision's reasons (a decision does not record which of its
 *       reasons held it and which were notes, so a rule that spoke is left out rather than risk
 *       listing one that held). The subject is the change's head commit ({@code gitCommit}).
 *   <li>A {@link Verdict}, a verified {@link RiskAcceptance} and a verified {@link VerdictOverride}
 *       use Signalbox's predicate types ({@value #VERDICT}, {@value #RISK_ACCEPTANCE}, {@value
 *       #VERDICT_OVERRIDE}), whose predicate is the statement's JSON (as {@link DocumentCodec}
 *       writes it) and, for the signed ones, the signer from the key registry. Their subject is the
 *       change's content digest. The JSON Schemas are the resources {@code verdict.schema.json},
 *       {@code risk-acceptance.schema.json} and {@code verdict-override.schema.json} beside this
 *       class.
 * </ul>
 *
 * <p>Stateless and thread-safe. Signing failures are {@link
 * dev.signalbox.core.signing.SigningException}s.
 */
public final class Attestations {
  /** The in-toto Statement type. */
  public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

  /** The DSSE payload type of an in-toto statement. */
  public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

  /** The Simple Verification Result predicate type. */
  public static final String SVR = "https://in-toto.io/attestation/svr/v0.2";

  /** Signalbox's predicate type for a reviewer's verdict. */
  public static final String VERDICT = "https://signalbox.dev/attestation/verdict/v1";

  /** Signalbox's predicate type for a verified risk acceptance. */
  public static final String RISK_ACCEPTANCE =
      "https://signalbox.dev/attestation/risk-acceptance/v1";

  /** Signalbox's predicate type for a verified override of a verdict. */
  public static final String VERDICT_OVERRIDE =
      "https://signalbox.dev/attestation/verdict-override/v1";

  /** The name of the policy's resource descriptor in a decision's SVR {@code verifier.policies}. */
  public static final String POLICY_NAME = "signalbox-policy";

  /** The SVR verifier id of Signalbox's policy engine. */
  public static final String VERIFIER_ID = "https://signalbox.dev/policy/v1";

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Attestations() {}

  /**
   * The statement of {@code decision}, made by {@code policy}, as a Simple Verification Result made
   * at {@code decidedAt}.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null, or {@code policy} is
   *     not the policy that made the decision (its digest differs)
   */
  public static ObjectNode decisionStatement(
      Decision decision, ReleasePolicy policy, Instant decidedAt) {
    Checks.present(Attestations.class, "decision", decision);
    Checks.present(Attestations.class, "policy", policy);
    Checks.instant(Attestations.class, "decidedAt", decidedAt);
    if (!policy.digest().equals(decision.policyDigest())) {
      throw new InvalidValueException(
          Attestations.class,
          "policy",
          "must be the policy that made the decision, of digest " + decision.policyDigest().value(),
          policy.digest().value());
    }
    ObjectNode subject = NODES.objectNode();
    subject.put("name", name(decision.change()));
    subject.putObject("digest").put("gitCommit", decision.revision().commit());
    ObjectNode predicate = NODES.objectNode();
    ObjectNode verifier = predicate.putObject("verifier");
    verifier.put("id", VERIFIER_ID);
    // v0.2 requires the policies, as resource descriptors: the policy that decided, by digest
    ObjectNode deciding = verifier.putArray("policies").addObject();
    deciding.put("name", POLICY_NAME);
    deciding.putObject("digest").put("sha256", decision.policyDigest().value());
    predicate.put("timeCreated", decidedAt.toString());
    Set<String> spoke = new HashSet<>();
    if (decision.outcome() != Outcome.SHIP) {
      decision.reasons().forEach(reason -> spoke.add(reason.rule()));
    }
    TreeSet<String> properties = new TreeSet<>();
    for (String rule : policy.ruleIds()) {
      if (!spoke.contains(rule)) {
        properties.add("SIGNALBOX_RULE_" + property(rule));
      }
    }
    ArrayNode list = predicate.putArray("properties");
    list.add("SIGNALBOX_" + decision.outcome().name());
    properties.forEach(list::add);
    return statement(subject, SVR, predicate);
  }

  /** {@link #decisionStatement} signed by {@code signers} in a DSSE envelope. */
  public static Envelope decision(
      Decision decision, ReleasePolicy policy, Instant decidedAt, Signer... signers) {
    return sign(decisionStatement(decision, policy, decidedAt), signers);
  }

  /** The statement of a reviewer's verdict. */
  public static ObjectNode verdictStatement(Verdict verdict) {
    Checks.present(Attestations.class, "verdict", verdict);
    ObjectNode predicate = NODES.objectNode();
    predicate.set("verdict", DocumentCodec.json().toTree(verdict));
    return statement(subject(verdict.change(), verdict.contentDigest()), VERDICT, predicate);
  }

  /** {@link #verdictStatement} signed by {@code signers} in a DSSE envelope. */
  public static Envelope verdict(Verdict verdict, Signer... signers) {
    return sign(verdictStatement(verdict), signers);
  }

  /** The statement of a verified risk acceptance, with its signer from the key registry. */
  public static ObjectNode acceptanceStatement(Verified<RiskAcceptance> verified) {
    Checks.present(Attestations.class, "verified", verified);
    RiskAcceptance acceptance = verified.statement();
    ObjectNode predicate = NODES.objectNode();
    predicate.set("acceptance", DocumentCodec.json().toTree(acceptance));
    predicate.set("signedBy", signedBy(verified));
    return statement(
        subject(acceptance.change(), acceptance.contentDigest()), RISK_ACCEPTANCE, predicate);
  }

  /** {@link #acceptanceStatement} signed by {@code signers} in a DSSE envelope. */
  public static Envelope acceptance(Verified<RiskAcceptance> verified, Signer... signers) {
    return sign(acceptanceStatement(verified), signers);
  }

  /** The statement of a verified override, with its signer from the key registry. */
  public static ObjectNode overrideStatement(Verified<VerdictOverride> verified) {
    Checks.present(Attestations.class, "verified", verified);
    VerdictOverride override = verified.statement();
    ObjectNode predicate = NODES.objectNode();
    predicate.set("override", DocumentCodec.json().toTree(override));
    predicate.set("signedBy", signedBy(verified));
    return statement(
        subject(override.change(), override.contentDigest()), VERDICT_OVERRIDE, predicate);
  }

  /** {@link #overrideStatement} signed by {@code signers} in a DSSE envelope. */
  public static Envelope override(Verified<VerdictOverride> verified, Signer... signers) {
    return sign(overrideStatement(verified), signers);
  }

  /** Reads the statement in an attestation's payload (after its signature was checked). */
  public static JsonNode statementOf(Envelope envelope) {
    Checks.present(Attestations.class, "envelope", envelope);
    return MAPPER.readTree(envelope.payloadBytes());
  }

  private static ObjectNode signedBy(Verified<?> verified) {
    ObjectNode signer = NODES.objectNode();
    signer.put("principal", verified.signer().id());
    signer.put("keyId", verified.keyId());
    ArrayNode roles = signer.putArray("roles");
    new TreeSet<>(verified.roles()).forEach(roles::add);
    signer.put("envelopeDigest", verified.envelopeDigest());
    return signer;
  }

  private static ObjectNode subject(ChangeRef change, ContentDigest digest) {
    ObjectNode subject = NODES.objectNode();
    subject.put("name", name(change));
    subject
        .putObject("digest")
        .put(digest.value().length() == 64 ? "sha256" : "sha1", digest.value());
    return subject;
  }

  private static String name(ChangeRef change) {
    return change.repository() + "#" + change.change().value();
  }

  private static String property(String rule) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rule.length(); i++) {
      char c = rule.charAt(i);
      out.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }

  private static ObjectNode statement(
      ObjectNode subject, String predicateType, ObjectNode predicate) {
    ObjectNode statement = NODES.objectNode();
    statement.put("_type", STATEMENT_TYPE);
    statement.putArray("subject").add(subject);
    statement.put("predicateType", predicateType);
    statement.set("predicate", predicate);
    return statement;
  }

  private static Envelope sign(ObjectNode statement, Signer... signers) {
    return Dsse.sign(PAYLOAD_TYPE, MAPPER.writeValueAsBytes(statement), signers);
  }
}
