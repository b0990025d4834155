package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Human and Agent, the two kinds of principal. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class HumanAgentTest {

  @Nested
  class Humans {
    @Test
    void ofCollectsTheRoles() {
      Human alice = Human.of("alice", "Alice Liddell", "release-manager", "sre");
      assertThat(alice)
          .isEqualTo(new Human("alice", "Alice Liddell", Set.of("sre", "release-manager")));
      assertThat(alice.hasRole("sre")).isTrue();
      assertThat(alice.hasRole("admin")).isFalse();
      assertThat(alice.id()).isEqualTo("alice");
      assertThat(Human.of("bob", "Bob").roles()).isEmpty();
    }

    @Test
    void isAPrincipal() {
      Principal principal = Human.of("alice", "Alice");
      assertThat(principal.id()).isEqualTo("alice");
    }

    @Test
    void nameMayHoldSpacesAndUnicode() {
      assertThat(Human.of("zoe", "Zoë O’Brien-Ng 王").name()).isEqualTo("Zoë O’Brien-Ng 王");
    }

    @Test
    void copiesTheRoles() {
      Set<String> roles = new HashSet<>(Set.of("sre"));
      Human human = new Human("alice", "Alice", roles);
      roles.add("admin");
      assertThat(human.roles()).containsExactly("sre");
      assertThatThrownBy(() -> human.roles().add("admin"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copiesTheRolesArray() {
      String[] roles = {"sre"};
      Human human = Human.of("alice", "Alice", roles);
      roles[0] = "admin";
      assertThat(human.roles()).containsExactly("sre");
    }

    @Test
    void rejectsNulls() {
      assertNullRejected(() -> new Human(null, "Alice", Set.of()), Human.class, "id");
      assertNullRejected(() -> new Human("alice", null, Set.of()), Human.class, "name");
      assertNullRejected(() -> new Human("alice", "Alice", null), Human.class, "roles");
      assertNullRejected(() -> Human.of(null, "Alice"), Human.class, "id");
      assertNullRejected(() -> Human.of("alice", null), Human.class, "name");
      assertNullRejected(() -> Human.of("alice", "Alice", (String[]) null), Human.class, "roles");
      assertNullRejected(() -> Human.of("alice", "Alice", "sre", null), Human.class, "roles[1]");
      assertNullRejected(
          () -> new Human("alice", "Alice", new HashSet<>(Arrays.asList((String) null))),
          Human.class,
          "roles[0]");
    }

    @Test
    void rejectsIdThatIsNotAToken() {
      assertRejected(
          () -> Human.of("alice smith", "Alice"),
          Human.class,
          "id",
          "id must not contain whitespace or control characters, was \"alice smith\"");
      assertRejected(
          () -> Human.of("", "Alice"), Human.class, "id", "id must not be empty, was \"\"");
    }

    @Test
    void rejectsBlankName() {
      assertRejected(
          () -> Human.of("alice", " \t"),
          Human.class,
          "name",
          "name must not be blank, was \" \\t\"");
      assertRejected(
          () -> Human.of("alice", ""), Human.class, "name", "name must not be blank, was \"\"");
    }

    @Test
    void rejectsNulInName() {
      assertRejected(
          () -> Human.of("alice", "Al\0ice"),
          Human.class,
          "name",
          "name must not contain NUL, was \"Al\\u0000ice\"");
    }

    @Test
    void rejectsNameLongerThan100000Characters() {
      assertRejected(
          () -> Human.of("alice", "a".repeat(100_001)),
          Human.class,
          "name",
          "name must be at most 100000 characters long, was 100001");
      assertThat(Human.of("alice", "a".repeat(100_000)).name()).hasSize(100_000);
    }

    @Test
    void rejectsRoleThatIsNotAToken() {
      assertRejected(
          () -> Human.of("alice", "Alice", "sre", "release manager"),
          Human.class,
          "roles[1]",
          "roles[1] must not contain whitespace or control characters, was \"release manager\"");
      assertRejected(
          () -> Human.of("alice", "Alice", ""),
          Human.class,
          "roles[0]",
          "roles[0] must not be empty, was \"\"");
    }
  }

  @Nested
  class Agents {
    @Test
    void holdsItsFields() {
      Agent agent = new Agent("builder-7", "claude-sonnet-4.5", "claude", "alice");
      assertThat(agent.id()).isEqualTo("builder-7");
      assertThat(agent.model()).isEqualTo("claude-sonnet-4.5");
      assertThat(agent.modelFamily()).isEqualTo("claude");
      assertThat(agent.operatorId()).isEqualTo("alice");
      Principal principal = agent;
      assertThat(principal.id()).isEqualTo("builder-7");
    }

    @Test
    void rejectsNulls() {
      assertNullRejected(() -> new Agent(null, "m", "f", "o"), Agent.class, "id");
      assertNullRejected(() -> new Agent("a", null, "f", "o"), Agent.class, "model");
      assertNullRejected(() -> new Agent("a", "m", null, "o"), Agent.class, "modelFamily");
      assertNullRejected(() -> new Agent("a", "m", "f", null), Agent.class, "operatorId");
    }

    @Test
    void rejectsFieldsThatAreNotTokens() {
      assertRejected(
          () -> new Agent("builder 7", "m", "f", "o"),
          Agent.class,
          "id",
          "id must not contain whitespace or control characters, was \"builder 7\"");
      assertRejected(
          () -> new Agent("a", "", "f", "o"),
          Agent.class,
          "model",
          "model must not be empty, was \"\"");
      assertRejected(
          () -> new Agent("a", "m", "gpt\n", "o"),
          Agent.class,
          "modelFamily",
          "modelFamily must not contain whitespace or control characters, was \"gpt\\n\"");
      assertRejected(
          () -> new Agent("a", "m", "f", "alice "),
          Agent.class,
          "operatorId",
          "operatorId must not contain whitespace or control characters, was \"alice \"");
    }
  }
}
