package dev.signalbox.core.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.SignedAcceptance;
import dev.signalbox.core.model.SignedOverride;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.signing.Binding;
import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.signing.EnvelopeVerifier;
import dev.signalbox.core.signing.KeyRegistry;
import dev.signalbox.core.signing.RegisteredKey;
import dev.signalbox.core.signing.StatementType;
import dev.signalbox.core.signing.Verified;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions, verdicts, acceptances and overrides as in-toto statements in DSSE envelopes, checked
 * against the JSON Schemas checked in beside the code.
 */
class AttestationsTest {
  static final ChangeRef CHANGE = ChangeRef.of("acme/payments", "42");
  static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));
  static final PolicyDigest POLICY = PolicyDigest.of("d".repeat(64));
  static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-27T09:00:00Z");
  static final Human ALICE = Human.of("alice", "Alice Liddell", "release-manager");

  private final Ed25519Signer service = Ed25519Signer.generate();
  private final Ed25519Signer alice = Ed25519Signer.generate();
  private final EnvelopeVerifier verifier =
      EnvelopeVerifier.create(
          KeyRegistry.of(
              RegisteredKey.of(alice.publicKey(), ALICE, Instant.parse("2026-01-01T00:00:00Z")),
              RegisteredKey.of(
                  service.publicKey(),
                  new Agent("signalbox", "policy", "signalbox", "alice"),
                  Instant.parse("2026-01-01T00:00:00Z"))));
  private final Binding binding = new Binding(CHANGE, DIGEST, POLICY, T0.plusSeconds(60));

  private static JsonNode schema(String name) throws IOException {
    try (InputStream in = Attestations.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return JsonMapper.builder().build().readTree(in);
    }
  }

  /** The parts of JSON Schema the schemas use: required, properties, type, enum, pattern, items. */
  private static List<String> violations(JsonNode schema, JsonNode value, String path)
      throws IOException {
    List<String> problems = new ArrayList<>();
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      return violations(
          schema(
              ref.substring(ref.indexOf("/attestation/") + 13, ref.lastIndexOf('/'))
                  + ".schema.json"),
          value,
          path);
    }
    if (schema.has("type")) {
      String type = schema.get("type").asString();
      boolean ok =
          switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "number" -> value.isNumber();
            default -> true;
          };
      if (!ok) {
        problems.add(path + " is not a " + type);
        return problems;
      }
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode option : schema.get("enum")) {
        found |= option.equals(value);
      }
      if (!found) {
        problems.add(path + " is not one of " + schema.get("enum"));
      }
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
      problems.add(path + " does not match " + schema.get("pattern"));
    }
    if (schema.has("required")) {
      for (JsonNode field : schema.get("required")) {
        if (!value.has(field.asString())) {
          problems.add(path + "." + field.asString() + " is missing");
        }
      }
    }
    if (schema.has("properties")) {
      for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
        if (value.has(property.getKey())) {
          problems.addAll(
              violations(
                  property.getValue(),
                  value.get(property.getKey()),
                  path + "." + property.getKey()));
        }
      }
    }
    if (schema.has("items")) {
      Iterator<JsonNode> items = value.values().iterator();
      for (int i = 0; items.hasNext(); i++) {
        problems.addAll(violations(schema.get("items"), items.next(), path + "[" + i + "]"));
      }
    }
    return problems;
  }

  private static JsonNode statement(Envelope envelope, String predicateType) {
    assertThat(envelope.payloadType()).isEqualTo("application/vnd.in-toto+json");
    JsonNode statement = Attestations.statementOf(envelope);
    assertThat(statement.get("_type").asString()).isEqualTo("https://in-toto.io/Statement/v1");
    assertThat(statement.get("predicateType").asString()).isEqualTo(predicateType);
    assertThat(statement.get("subject").get(0).get("name").asString())
        .isEqualTo("acme/payments#42");
    return statement;
  }

  private void assertSignedByService(Envelope envelope) {
    // the envelope verifies as any DSSE envelope does: over the PAE, by the service's key
    assertThat(envelope.signatures()).hasSize(1);
    assertThat(envelope.signatures().get(0).keyid()).isEqualTo(service.keyId());
    assertThat(
            dev.signalbox.core.signing.Ed25519.verify(
                service.publicKey(),
                dev.signalbox.core.signing.Dsse.pae(
                    envelope.payloadType(), envelope.payloadBytes()),
                java.util.Base64.getDecoder().decode(envelope.signatures().get(0).sig())))
        .isTrue();
  }

  /** The SVR properties of the default policy's rules, but those named. */
  private static List<String> passing(ReleasePolicy policy, String... held) {
    List<String> rules = new ArrayList<>(policy.ruleIds());
    rules.removeAll(List.of(held));
    return rules.stream()
        .map(rule -> "SIGNALBOX_RULE_" + rule.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
        .sorted()
        .toList();
  }

  @Test
  void aDecisionIsASimpleVerificationResult() {
    ReleasePolicy policy = ReleasePolicy.defaults();
    assertThat(policy.ruleIds()).contains("freeze", "review-quorum");
    Decision decision =
        Decision.notYet(
            CHANGE,
            Revision.of("b".repeat(40)),
            List.of(new Reason("freeze", "the payments freeze holds it", Map.of())),
            List.of(new RequiredAction("wait", "wait for the freeze to end")),
            Optional.of(T1),
            policy.digest());
    Envelope envelope = Attestations.decision(decision, policy, T0, service);
    assertSignedByService(envelope);
    JsonNode statement = statement(envelope, "https://in-toto.io/attestation/svr/v0.2");
    // in-toto Statement v1 with SVR v0.2 (in-toto/attestation spec/predicates/svr.md): verifier.id,
    // the required verifier.policies as resource descriptors, timeCreated, properties (those that
    // passed: the outcome, and every rule of the policy but the freeze that held it); nothing else
    List<String> properties = new ArrayList<>();
    properties.add("SIGNALBOX_NOT_YET");
    properties.addAll(passing(policy, "freeze"));
    String expected =
        """
        {
          "_type": "https://in-toto.io/Statement/v1",
          "subject": [
            {"name": "acme/payments#42", "digest": {"gitCommit": "%s"}}
          ],
          "predicateType": "https://in-toto.io/attestation/svr/v0.2",
          "predicate": {
            "verifier": {
              "id": "https://signalbox.dev/policy/v1",
              "policies": [
                {"name": "signalbox-policy", "digest": {"sha256": "%s"}}
              ]
            },
            "timeCreated": "2026-11-26T09:00:00Z",
            "properties": %s
          }
        }
        """
            .formatted(
                "b".repeat(40),
                policy.digest().value(),
                JsonMapper.builder().build().writeValueAsString(properties));
    assertThat(statement).isEqualTo(JsonMapper.builder().build().readTree(expected));
    assertThat(statement.toString()).doesNotContain("SIGNALBOX_RULE_FREEZE");
  }

  @Test
  void aShipDecisionListsEveryRuleOfThePolicyAsPassed() {
    ReleasePolicy policy = ReleasePolicy.defaults();
    Decision decision =
        Decision.ship(
            CHANGE,
            Revision.of("c".repeat(40)),
            List.of(new Reason("review-quorum", "the security quorum approved", Map.of())),
            policy.digest());
    JsonNode predicate = Attestations.decisionStatement(decision, policy, T0).get("predicate");
    List<String> properties = new ArrayList<>();
    predicate.get("properties").forEach(p -> properties.add(p.asString()));
    List<String> expected = new ArrayList<>();
    expected.add("SIGNALBOX_SHIP");
    expected.addAll(passing(policy));
    assertThat(properties).containsExactlyElementsOf(expected);
    assertThat(properties).contains("SIGNALBOX_RULE_REVIEW_QUORUM", "SIGNALBOX_RULE_FREEZE");
  }

  @Test
  void aDecisionIsExportedOnlyWithThePolicyThatMadeIt() {
    Decision decision = Decision.ship(CHANGE, Revision.of("c".repeat(40)), List.of(), POLICY);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Attestations.decisionStatement(decision, ReleasePolicy.defaults(), T0))
        .isInstanceOf(dev.signalbox.core.InvalidValueException.class)
        .hasMessageContaining("policy must be the policy that made the decision");
  }

  @Test
  void aVerdictHasSignalboxsPredicateAndMatchesItsSchema() throws IOException {
    Verdict verdict =
        new Verdict(
            CHANGE,
            new Agent("sec-1", "gpt-5", "gpt", "bob"),
            RiskSurface.SECURITY,
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(),
            DIGEST,
            T0);
    Envelope envelope = Attestations.verdict(verdict, service);
    assertSignedByService(envelope);
    JsonNode statement = statement(envelope, Attestations.VERDICT);
    assertThat(statement.get("subject").get(0).get("digest").get("sha256").asString())
        .isEqualTo(DIGEST.value());
    assertThat(violations(schema("verdict.schema.json"), statement.get("predicate"), "$"))
        .isEmpty();
    assertThat(schema("verdict.schema.json").get("$id").asString()).isEqualTo(Attestations.VERDICT);
  }

  @Test
  void aVerifiedAcceptanceCarriesItsSignerFromTheRegistryAndMatchesItsSchema() throws IOException {
    RiskAcceptance acceptance =
        new RiskAcceptance(
            CHANGE, DIGEST, POLICY, "a lock", 0.05, "short", "roll back", "alice", T0, T1);
    Verified<RiskAcceptance> verified =
        verifier
            .acceptance(
                new SignedAcceptance(StatementType.ACCEPTANCE.sign(acceptance, alice)), binding)
            .verified()
            .orElseThrow();
    Envelope envelope = Attestations.acceptance(verified, service);
    assertSignedByService(envelope);
    JsonNode predicate = statement(envelope, Attestations.RISK_ACCEPTANCE).get("predicate");
    assertThat(predicate.get("signedBy").get("principal").asString()).isEqualTo("alice");
    assertThat(predicate.get("signedBy").get("keyId").asString()).isEqualTo(alice.keyId());
    assertThat(predicate.get("acceptance").get("probability").asDouble()).isEqualTo(0.05);
    assertThat(violations(schema("risk-acceptance.schema.json"), predicate, "$")).isEmpty();

    // the checker does find what is missing
    ((tools.jackson.databind.node.ObjectNode) predicate.get("acceptance")).remove("risk");
    assertThat(violations(schema("risk-acceptance.schema.json"), predicate, "$"))
        .containsExactly("$.acceptance.risk is missing");
  }

  @Test
  void aVerifiedOverrideMatchesItsSchema() throws IOException {
    VerdictOverride override =
        new VerdictOverride(
            CHANGE,
            DIGEST,
            POLICY,
            OverrideSubject.verdict("sec-1", RiskSurface.SECURITY),
            "false positive",
            "alice",
            T0,
            T1);
    Verified<VerdictOverride> verified =
        verifier
            .override(new SignedOverride(StatementType.OVERRIDE.sign(override, alice)), binding)
            .verified()
            .orElseThrow();
    JsonNode predicate =
        statement(Attestations.override(verified, service), Attestations.VERDICT_OVERRIDE)
            .get("predicate");
    assertThat(violations(schema("verdict-override.schema.json"), predicate, "$")).isEmpty();
  }
}
