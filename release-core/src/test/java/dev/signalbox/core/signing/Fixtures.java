package dev.signalbox.core.signing;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.VerdictOverride;
import java.time.Duration;
import java.time.Instant;

/** Principals, keys and statements shared by the signing tests. */
final class Fixtures {
  static final ChangeRef CHANGE = ChangeRef.of("acme/payments", "42");
  static final ChangeRef ANOTHER_CHANGE = ChangeRef.of("acme/payments", "43");
  static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));
  static final ContentDigest OTHER_DIGEST = ContentDigest.of("e".repeat(64));
  static final PolicyDigest POLICY = PolicyDigest.of("d".repeat(64));
  static final PolicyDigest OTHER_POLICY = PolicyDigest.of("f".repeat(64));
  static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-27T09:00:00Z");
  static final Instant NOW = T0.plus(Duration.ofHours(1));
  static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");

  static final Human ALICE = Human.of("alice", "Alice Liddell", "release-manager");
  static final Human BOB = Human.of("bob", "Bob Marley", "developer");
  static final Agent BOT = new Agent("sec-1", "gpt-5", "gpt", "bob");

  private Fixtures() {}

  static RiskAcceptance acceptance(String signatory) {
    return new RiskAcceptance(
        CHANGE,
        DIGEST,
        POLICY,
        "the migration locks the payments table for up to 2 s",
        0.05,
        "the lock is short and traffic is low at night",
        "roll back with the down migration",
        signatory,
        T0,
        T1);
  }

  static VerdictOverride override(String signatory) {
    return new VerdictOverride(
        CHANGE,
        DIGEST,
        POLICY,
        OverrideSubject.verdict("sec-1", RiskSurface.SECURITY),
        "a false positive: the secret is a test fixture",
        signatory,
        T0,
        T1);
  }

  static Binding binding() {
    return new Binding(CHANGE, DIGEST, POLICY, NOW);
  }
}
