package dev.signalbox.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.signalbox.core.InvalidValueException;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Valid values shared by the model's example tests, and the assertion every rejection test makes.
 */
final class Samples {
  static final String SHA1_A = "a".repeat(40);
  static final String SHA1_B = "b".repeat(40);
  static final String SHA256_C = "c".repeat(64);
  static final String SHA256_D = "d".repeat(64);

  static final Revision BASE = Revision.of(SHA1_A);
  static final Revision HEAD = Revision.of(SHA1_B);
  static final ContentDigest DIGEST = ContentDigest.of(SHA256_C);
  static final PolicyDigest POLICY = PolicyDigest.of(SHA256_D);
  static final ChangeRef CHANGE = ChangeRef.of("acme/payments", "42");
  static final ChangeRef OTHER_CHANGE = ChangeRef.of("acme/payments", "43");
  static final Agent PRODUCER = new Agent("builder-7", "claude-sonnet-4.5", "claude", "alice");
  static final Agent REVIEWER = new Agent("sec-1", "gpt-5", "gpt", "bob");
  static final Human ALICE = Human.of("alice", "Alice Liddell", "release-manager");
  static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-27T09:00:00Z");

  private Samples() {}

  /**
   * Asserts that {@code call} throws an {@link InvalidValueException} for {@code type}'s {@code
   * field} with exactly {@code message}: never a NullPointerException or another exception type.
   */
  static InvalidValueException assertRejected(
      ThrowingCallable call, Class<?> type, String field, String message) {
    InvalidValueException[] thrown = new InvalidValueException[1];
    assertThatExceptionOfType(InvalidValueException.class)
        .isThrownBy(call)
        .withMessage(message)
        .satisfies(
            e -> {
              assertThat(e.field()).as("field").isEqualTo(field);
              assertThat(e.type()).as("type").isEqualTo(type);
              thrown[0] = e;
            });
    return thrown[0];
  }

  /**
   * Asserts that {@code call} throws the "must not be null" rejection of {@code type}'s {@code
   * field}.
   */
  static void assertNullRejected(ThrowingCallable call, Class<?> type, String field) {
    InvalidValueException e = assertRejected(call, type, field, field + " must not be null");
    assertThat(e.value()).isNull();
  }
}
