package dev.signalbox.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.json.CodecSamples.Outcome;
import dev.signalbox.core.json.CodecSamples.Scalars;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which JSON scalars each Java scalar accepts, and what the codec says of the others. */
class DocumentCodecScalarsTest {
  private static final DocumentCodec JSON = DocumentCodec.json();

  private static final Scalars BASE =
      new Scalars(
          1,
          2L,
          0.5,
          true,
          "t",
          Instant.parse("2026-11-26T09:40:00Z"),
          Duration.ofMinutes(90),
          LocalDate.of(2026, 11, 26),
          LocalTime.of(9, 40),
          LocalDateTime.of(2026, 11, 26, 9, 40),
          ZoneId.of("Europe/Paris"),
          URI.create("https://example.com"),
          Outcome.SHIP);

  /** The document of {@link #BASE} with {@code field} set to the raw JSON {@code value}. */
  private static String with(String field, String value) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("formatVersion", "1");
    fields.put("small", "1");
    fields.put("big", "2");
    fields.put("ratio", "0.5");
    fields.put("flag", "true");
    fields.put("text", "\"t\"");
    fields.put("at", "\"2026-11-26T09:40:00Z\"");
    fields.put("timeout", "\"PT1H30M\"");
    fields.put("day", "\"2026-11-26\"");
    fields.put("time", "\"09:40\"");
    fields.put("local", "\"2026-11-26T09:40\"");
    fields.put("zone", "\"Europe/Paris\"");
    fields.put("link", "\"https://example.com\"");
    fields.put("outcome", "\"SHIP\"");
    fields.put(field, value);
    return fields.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  @Test
  void readsTheBaseDocument() {
    assertThat(JSON.read(with("small", "1"), Scalars.class)).isEqualTo(BASE);
    assertThat(JSON.read(JSON.write(BASE), Scalars.class)).isEqualTo(BASE);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
small   | 1.5                       | must be an integer, was 1.5
small   | "1"                       | must be an integer, was "1"
small   | 1e10                      | must be an integer within [-2147483648, 2147483647], was 1e10
small   | 2147483648                | must be an integer within [-2147483648, 2147483647], was 2147483648
small   | -2147483649               | must be an integer within [-2147483648, 2147483647], was -2147483649
small   | true                      | must be an integer, was true
big     | 9223372036854775808       | must be an integer within [-9223372036854775808, 9223372036854775807], was 9223372036854775808
big     | 1.5e-3                    | must be an integer, was 0.0015
big     | 1e400                     | must be an integer within [-9223372036854775808, 9223372036854775807], was 1e400
ratio   | "0.5"                     | must be a number, was "0.5"
ratio   | 1e400                     | must be a finite number, was 1e400
flag    | "true"                    | must be a boolean, was "true"
flag    | 1                         | must be a boolean, was 1
text    | 42                        | must be a string, was 42
text    | {"a": [1, "x"]}           | must be a string, was {"a":[1,"x"]}
text    | [1, 2]                    | must be a string, was [1,2]
at      | "yesterday"               | must be an RFC 3339 instant such as 2026-11-26T09:40:00Z, was "yesterday"
at      | "2026-11-26T09:40:00"     | must be an RFC 3339 instant such as 2026-11-26T09:40:00Z, was "2026-11-26T09:40:00"
at      | "2026-11-26 09:40:00Z"    | must be an RFC 3339 instant such as 2026-11-26T09:40:00Z, was "2026-11-26 09:40:00Z"
at      | 1764150000                | must be an RFC 3339 instant such as 2026-11-26T09:40:00Z, was 1764150000
at      | "2026-01-01T00:00+01:00"  | must be an RFC 3339 instant such as 2026-11-26T09:40:00Z, was "2026-01-01T00:00+01:00"
at      | "2026-01-01T00:00:00+01:00:30" | must be an RFC 3339 instant such as 2026-11-26T09:40:00Z, was "2026-01-01T00:00:00+01:00:30"
timeout | "90 minutes"              | must be an ISO-8601 duration such as PT1H30M, was "90 minutes"
day     | "26/11/2026"              | must be an ISO-8601 date such as 2026-11-26, was "26/11/2026"
day     | "2026-02-30"              | must be an ISO-8601 date such as 2026-11-26, was "2026-02-30"
time    | "9:40"                    | must be an ISO-8601 time such as 09:40, was "9:40"
local   | "2026-11-26T09:40Z"       | must be an ISO-8601 local date and time such as 2026-11-26T09:40, was "2026-11-26T09:40Z"
zone    | "Mars/Olympus"            | must be a time zone id such as Europe/Paris, was "Mars/Olympus"
zone    | 1                         | must be a time zone id such as Europe/Paris, was 1
link    | "http://exa mple.com"     | must be a URI, was "http://exa mple.com"
outcome | "ship"                    | must be one of [SHIP, NOT_YET, SEND_BACK], was "ship"
outcome | 0                         | must be one of [SHIP, NOT_YET, SEND_BACK], was 0
outcome | null                      | is required
""")
  void refusesTheWrongScalar(String field, String value, String message) {
    assertThat(Problems.of(() -> JSON.read(with(field, value), Scalars.class)))
        .containsExactly("$." + field + ": " + message);
  }

  @Test
  void readsIntegralNumbersWrittenWithAFractionOrExponent() {
    assertThat(JSON.read(with("small", "1.0"), Scalars.class).small()).isEqualTo(1);
    assertThat(JSON.read(with("small", "1e3"), Scalars.class).small()).isEqualTo(1000);
    assertThat(JSON.read(with("small", "-2147483648"), Scalars.class).small())
        .isEqualTo(Integer.MIN_VALUE);
    assertThat(JSON.read(with("big", "-9223372036854775808"), Scalars.class).big())
        .isEqualTo(Long.MIN_VALUE);
    assertThat(JSON.read(with("big", "12E17"), Scalars.class).big())
        .isEqualTo(1_200_000_000_000_000_000L);
  }

  @Test
  void readsAnyFiniteNumberAsADouble() {
    assertThat(JSON.read(with("ratio", "1"), Scalars.class).ratio()).isEqualTo(1.0);
    assertThat(JSON.read(with("ratio", "-1.5e-300"), Scalars.class).ratio()).isEqualTo(-1.5e-300);
    assertThat(JSON.read(with("ratio", "12345678901234567890"), Scalars.class).ratio())
        .isEqualTo(1.2345678901234567e19);
  }

  @Test
  void readsInstantsWithAnOffsetAndWritesThemInUtc() {
    Scalars read = JSON.read(with("at", "\"2026-11-26T10:40:00.250+01:00\""), Scalars.class);

    assertThat(read.at()).isEqualTo(Instant.parse("2026-11-26T09:40:00.250Z"));
    assertThat(JSON.toTree(read).get("at").stringValue()).isEqualTo("2026-11-26T09:40:00.250Z");
  }

  @Test
  void cutsLongValuesInMessages() {
    String longText = "x".repeat(150);
    String longArray =
        IntStream.range(0, 60)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(",", "[", "]"));

    assertThat(Problems.of(() -> JSON.read(with("small", "\"" + longText + "\""), Scalars.class)))
        .containsExactly("$.small: must be an integer, was \"" + "x".repeat(100) + "…\"");
    assertThat(Problems.of(() -> JSON.read(with("text", longArray), Scalars.class)))
        .containsExactly("$.text: must be a string, was " + longArray.substring(0, 100) + "…");
  }

  @Test
  void escapesControlCharactersInMessages() {
    assertThat(Problems.of(() -> JSON.read(with("flag", "\"a\\u0000b\\n\""), Scalars.class)))
        .containsExactly("$.flag: must be a boolean, was \"a\\u0000b\\n\"");
  }

  @Test
  void writesScalarsInTheirCanonicalForm() {
    assertThat(JSON.toTree(BASE).toString())
        .isEqualTo(
            "{\"small\":1,\"big\":2,\"ratio\":0.5,\"flag\":true,\"text\":\"t\","
                + "\"at\":\"2026-11-26T09:40:00Z\",\"timeout\":\"PT1H30M\",\"day\":\"2026-11-26\","
                + "\"time\":\"09:40\",\"local\":\"2026-11-26T09:40\",\"zone\":\"Europe/Paris\","
                + "\"link\":\"https://example.com\",\"outcome\":\"SHIP\"}");
  }
}
