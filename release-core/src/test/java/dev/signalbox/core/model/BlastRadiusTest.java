package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class BlastRadiusTest {

  @Test
  void ofNamesTheComponents() {
    BlastRadius radius = BlastRadius.of(BlastLevel.MEDIUM, "auth", "billing");
    assertThat(radius)
        .isEqualTo(
            new BlastRadius(BlastLevel.MEDIUM, Set.of("billing", "auth"), Set.of(), Set.of()));
    assertThat(radius.has(SensitiveKind.SCHEMA_MIGRATION)).isFalse();
  }

  @Test
  void hasItsSensitiveKinds() {
    BlastRadius radius =
        new BlastRadius(
            BlastLevel.HIGH,
            Set.of("db"),
            Set.of("@acme/dba", "dba@acme.example"),
            EnumSet.of(SensitiveKind.SCHEMA_MIGRATION, SensitiveKind.CONFIG));
    assertThat(radius.has(SensitiveKind.SCHEMA_MIGRATION)).isTrue();
    assertThat(radius.has(SensitiveKind.CONFIG)).isTrue();
    assertThat(radius.has(SensitiveKind.DEPENDENCIES)).isFalse();
  }

  @Test
  void levelsAreOrderedBySeverity() {
    assertThat(BlastLevel.values())
        .containsExactly(BlastLevel.LOW, BlastLevel.MEDIUM, BlastLevel.HIGH, BlastLevel.CRITICAL);
  }

  @Test
  void copiesAndProtectsTheSets() {
    Set<String> components = new HashSet<>(Set.of("auth"));
    Set<String> owners = new HashSet<>(Set.of("@alice"));
    Set<SensitiveKind> kinds = EnumSet.of(SensitiveKind.SCHEMA_MIGRATION);
    BlastRadius radius = new BlastRadius(BlastLevel.LOW, components, owners, kinds);
    components.add("billing");
    owners.add("@bob");
    kinds.add(SensitiveKind.CONFIG);
    assertThat(radius.components()).containsExactly("auth");
    assertThat(radius.owners()).containsExactly("@alice");
    assertThat(radius.sensitiveKinds()).containsExactly(SensitiveKind.SCHEMA_MIGRATION);
    assertThatThrownBy(() -> radius.components().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> radius.owners().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> radius.sensitiveKinds().add(SensitiveKind.CONFIG))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNulls() {
    assertNullRejected(
        () -> new BlastRadius(null, Set.of(), Set.of(), Set.of()), BlastRadius.class, "level");
    assertNullRejected(
        () -> new BlastRadius(BlastLevel.LOW, null, Set.of(), Set.of()),
        BlastRadius.class,
        "components");
    assertNullRejected(
        () -> new BlastRadius(BlastLevel.LOW, Set.of(), null, Set.of()),
        BlastRadius.class,
        "owners");
    assertNullRejected(
        () -> new BlastRadius(BlastLevel.LOW, Set.of(), Set.of(), null),
        BlastRadius.class,
        "sensitiveKinds");
    assertNullRejected(() -> BlastRadius.of(null), BlastRadius.class, "level");
    assertNullRejected(
        () -> BlastRadius.of(BlastLevel.LOW, (String[]) null), BlastRadius.class, "components");
    assertNullRejected(
        () -> BlastRadius.of(BlastLevel.LOW, "auth", null), BlastRadius.class, "components[1]");
  }

  @Test
  void rejectsComponentsAndOwnersThatAreNotTokens() {
    assertRejected(
        () -> BlastRadius.of(BlastLevel.LOW, "user service"),
        BlastRadius.class,
        "components[0]",
        "components[0] must not contain whitespace or control characters, was \"user service\"");
    assertRejected(
        () -> new BlastRadius(BlastLevel.LOW, Set.of(), Set.of("Alice Liddell"), Set.of()),
        BlastRadius.class,
        "owners[0]",
        "owners[0] must not contain whitespace or control characters, was \"Alice Liddell\"");
  }
}
