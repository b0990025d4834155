package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.InvalidValueException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ChangeId, WaveId, TrainId, ChangeRef, Revision, ContentDigest and PolicyDigest. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class IdentifiersTest {

  /** The token identifiers, each with its factory. */
  static Stream<Arguments> tokenIds() {
    return Stream.of(
        Arguments.of(ChangeId.class, (Function<String, Object>) ChangeId::of),
        Arguments.of(ChangeId.class, (Function<String, Object>) ChangeId::new),
        Arguments.of(WaveId.class, (Function<String, Object>) WaveId::of),
        Arguments.of(WaveId.class, (Function<String, Object>) WaveId::new),
        Arguments.of(TrainId.class, (Function<String, Object>) TrainId::of),
        Arguments.of(TrainId.class, (Function<String, Object>) TrainId::new));
  }

  @Nested
  class TokenIdentifiers {
    @ParameterizedTest
    @MethodSource("dev.signalbox.core.model.IdentifiersTest#tokenIds")
    void acceptTokensAndPrintAsTheirValue(Class<?> type, Function<String, Object> create) {
      for (String value : new String[] {"42", "feature/login", "2026-11-26-api", "ünïcødé", "x"}) {
        Object id = create.apply(value);
        assertThat(id).isInstanceOf(type).hasToString(value).isEqualTo(create.apply(value));
      }
      assertThat(create.apply("a".repeat(200))).hasToString("a".repeat(200));
    }

    @ParameterizedTest
    @MethodSource("dev.signalbox.core.model.IdentifiersTest#tokenIds")
    void rejectNull(Class<?> type, Function<String, Object> create) {
      assertNullRejected(() -> create.apply(null), type, "value");
    }

    @ParameterizedTest
    @MethodSource("dev.signalbox.core.model.IdentifiersTest#tokenIds")
    void rejectEmpty(Class<?> type, Function<String, Object> create) {
      assertRejected(() -> create.apply(""), type, "value", "value must not be empty, was \"\"");
    }

    @ParameterizedTest
    @MethodSource("dev.signalbox.core.model.IdentifiersTest#tokenIds")
    void rejectWhitespaceAndControlCharacters(Class<?> type, Function<String, Object> create) {
      String problem = "value must not contain whitespace or control characters, was ";
      assertRejected(() -> create.apply("a b"), type, "value", problem + "\"a b\"");
      assertRejected(() -> create.apply(" a"), type, "value", problem + "\" a\"");
      assertRejected(() -> create.apply("a\tb"), type, "value", problem + "\"a\\tb\"");
      assertRejected(() -> create.apply("a\n"), type, "value", problem + "\"a\\n\"");
      assertRejected(() -> create.apply("a\0"), type, "value", problem + "\"a\\u0000\"");
      assertRejected(() -> create.apply("a\u007f"), type, "value", problem + "\"a\\u007f\"");
      // no-break space and ideographic space are whitespace too
      assertRejected(() -> create.apply("a\u00a0b"), type, "value", problem + "\"a\u00a0b\"");
      assertRejected(() -> create.apply("a\u3000b"), type, "value", problem + "\"a\u3000b\"");
    }

    @ParameterizedTest
    @MethodSource("dev.signalbox.core.model.IdentifiersTest#tokenIds")
    void rejectMoreThan200Characters(Class<?> type, Function<String, Object> create) {
      InvalidValueException e =
          assertRejected(
              () -> create.apply("a".repeat(201)),
              type,
              "value",
              "value must be at most 200 characters long, was \"" + "a".repeat(200) + "…\"");
      assertThat(e.value()).isEqualTo("a".repeat(201));
    }
  }

  @Nested
  class ChangeRefs {
    @Test
    void ofBuildsTheChangeId() {
      ChangeRef ref = ChangeRef.of("acme/payments", "42");
      assertThat(ref).isEqualTo(new ChangeRef("acme/payments", new ChangeId("42")));
      assertThat(ref.repository()).isEqualTo("acme/payments");
      assertThat(ref.change()).isEqualTo(ChangeId.of("42"));
      assertThat(ref).hasToString("acme/payments#42");
    }

    @Test
    void ordersByRepositoryThenChange() {
      ChangeRef a1 = ChangeRef.of("acme/a", "1");
      ChangeRef a2 = ChangeRef.of("acme/a", "2");
      ChangeRef b1 = ChangeRef.of("acme/b", "1");
      assertThat(Stream.of(b1, a2, a1).sorted()).containsExactly(a1, a2, b1);
      assertThat(a1.compareTo(ChangeRef.of("acme/a", "1"))).isZero();
      // change ids are text, not numbers
      assertThat(ChangeRef.of("r", "10")).isLessThan(ChangeRef.of("r", "9"));
    }

    @Test
    void rejectsMissingParts() {
      assertNullRejected(
          () -> new ChangeRef(null, ChangeId.of("1")), ChangeRef.class, "repository");
      assertNullRejected(() -> new ChangeRef("acme/a", null), ChangeRef.class, "change");
      assertNullRejected(() -> ChangeRef.of(null, "1"), ChangeRef.class, "repository");
      assertNullRejected(() -> ChangeRef.of("acme/a", null), ChangeId.class, "value");
    }

    @Test
    void rejectsRepositoryThatIsNotAToken() {
      assertRejected(
          () -> ChangeRef.of("acme payments", "1"),
          ChangeRef.class,
          "repository",
          "repository must not contain whitespace or control characters, was \"acme payments\"");
      assertRejected(
          () -> ChangeRef.of("", "1"),
          ChangeRef.class,
          "repository",
          "repository must not be empty, was \"\"");
    }

    @Test
    void rejectsChangeIdThatIsNotAToken() {
      assertRejected(
          () -> ChangeRef.of("acme/a", "pr 1"),
          ChangeId.class,
          "value",
          "value must not contain whitespace or control characters, was \"pr 1\"");
    }
  }

  @Nested
  class Revisions {
    @Test
    void acceptsSha1AndSha256InLowerCase() {
      assertThat(Revision.of("0123456789abcdef0123456789abcdef01234567").commit())
          .isEqualTo("0123456789abcdef0123456789abcdef01234567");
      assertThat(Revision.of("f".repeat(64)).commit()).isEqualTo("f".repeat(64));
    }

    @Test
    void bringsUpperCaseToLowerCase() {
      Revision upper = Revision.of("0123456789ABCDEF0123456789ABCDEF01234567");
      assertThat(upper.commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
      assertThat(upper)
          .isEqualTo(new Revision("0123456789abcdef0123456789abcdef01234567"))
          .hasToString("0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void abbreviatesToTwelveDigits() {
      assertThat(Revision.of("0123456789ABCDEF0123456789ABCDEF01234567").abbreviated())
          .isEqualTo("0123456789ab");
    }

    @Test
    void rejectsNull() {
      assertNullRejected(() -> new Revision(null), Revision.class, "commit");
      assertNullRejected(() -> Revision.of(null), Revision.class, "commit");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "abc",
          "0123456789abcdef0123456789abcdef0123456",
          "0123456789abcdef0123456789abcdef012345678",
          "0123456789abcdef0123456789abcdef0123456g",
          " 0123456789abcdef0123456789abcdef01234567",
          "0123456789abcdef0123456789abcdef01234567\n"
        })
    void rejectsAnythingButFortyOrSixtyFourHexDigits(String commit) {
      InvalidValueException e =
          assertRejected(
              () -> Revision.of(commit),
              Revision.class,
              "commit",
              "commit must be 40 (SHA-1) or 64 (SHA-256) hexadecimal digits, was "
                  + InvalidValueException.render(commit));
      assertThat(e.value()).isEqualTo(commit);
    }

    @Test
    void reportsTheRejectedValueAsGiven() {
      String given = "ABCDEFG" + "0".repeat(33);
      InvalidValueException e =
          assertRejected(
              () -> Revision.of(given),
              Revision.class,
              "commit",
              "commit must be 40 (SHA-1) or 64 (SHA-256) hexadecimal digits, was \""
                  + given
                  + "\"");
      assertThat(e.value()).isEqualTo(given);
    }
  }

  @Nested
  class ContentDigests {
    @Test
    void acceptsFortyOrSixtyFourHexDigitsAndLowerCasesThem() {
      assertThat(ContentDigest.of("A".repeat(40)).value()).isEqualTo("a".repeat(40));
      assertThat(ContentDigest.of("0123456789ABCDEF".repeat(4)))
          .isEqualTo(new ContentDigest("0123456789abcdef".repeat(4)))
          .hasToString("0123456789abcdef".repeat(4));
    }

    @Test
    void rejectsNull() {
      assertNullRejected(() -> ContentDigest.of(null), ContentDigest.class, "value");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 39, 41, 63, 65, 128})
    void rejectsOtherLengths(int length) {
      String value = "a".repeat(length);
      assertRejected(
          () -> ContentDigest.of(value),
          ContentDigest.class,
          "value",
          "value must be 40 or 64 hexadecimal digits, was \"" + value + "\"");
    }

    @Test
    void rejectsNonHexDigitsReportingThemAsGiven() {
      String value = "Z".repeat(64);
      assertRejected(
          () -> ContentDigest.of(value),
          ContentDigest.class,
          "value",
          "value must be 40 or 64 hexadecimal digits, was \"" + value + "\"");
      String arabicIndic = "\u0661".repeat(40); // digits, but not hexadecimal digits of ASCII
      assertRejected(
          () -> ContentDigest.of(arabicIndic),
          ContentDigest.class,
          "value",
          "value must be 40 or 64 hexadecimal digits, was \"" + arabicIndic + "\"");
    }
  }

  @Nested
  class PolicyDigests {
    @Test
    void acceptsSixtyFourHexDigitsAndLowerCasesThem() {
      assertThat(PolicyDigest.of("ABCDEF0123456789".repeat(4)))
          .isEqualTo(PolicyDigest.of("abcdef0123456789".repeat(4)))
          .hasToString("abcdef0123456789".repeat(4));
    }

    @Test
    void rejectsNull() {
      assertNullRejected(() -> new PolicyDigest(null), PolicyDigest.class, "value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc"})
    void rejectsShortValues(String value) {
      assertRejected(
          () -> PolicyDigest.of(value),
          PolicyDigest.class,
          "value",
          "value must be 64 hexadecimal digits, was \"" + value + "\"");
    }

    @Test
    void rejectsASha1SizedDigest() {
      String sha1 = "a".repeat(40);
      assertRejected(
          () -> PolicyDigest.of(sha1),
          PolicyDigest.class,
          "value",
          "value must be 64 hexadecimal digits, was \"" + sha1 + "\"");
    }

    @Test
    void rejectsNonHexReportingTheValueAsGiven() {
      String value = "G" + "A".repeat(63);
      assertRejected(
          () -> PolicyDigest.of(value),
          PolicyDigest.class,
          "value",
          "value must be 64 hexadecimal digits, was \"" + value + "\"");
    }
  }
}
