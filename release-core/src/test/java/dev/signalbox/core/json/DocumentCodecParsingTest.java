package dev.signalbox.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.json.CodecSamples.Release;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that is not a document at all: one problem at {@code $} with the line and column. */
class DocumentCodecParsingTest {
  private static final DocumentCodec JSON = DocumentCodec.json();
  private static final DocumentCodec YAML = DocumentCodec.yaml();

  @Test
  void reportsMalformedJsonWithLineAndColumn() {
    String document = "{\"formatVersion\": 1,\n  \"name\": tru}";

    InvalidDocumentException thrown = Problems.thrown(() -> JSON.read(document, Release.class));

    assertThat(thrown.problems()).hasSize(1);
    assertThat(thrown.problems().get(0).path()).isEqualTo("$");
    assertThat(thrown.problems().get(0).message())
        .startsWith("malformed JSON at line 2, column 11: Unrecognized token 'tru'");
    assertThat(thrown.type()).isEqualTo(Release.class);
  }

  @Test
  void reportsMalformedYamlWithLineAndColumnButWithoutSourceExcerpts() {
    assertThat(Problems.of(() -> YAML.read("formatVersion: 1\nname: a: b\n", Release.class)))
        .containsExactly(
            "$: malformed YAML at line 2, column 8: mapping values are not allowed here");
    assertThat(Problems.of(() -> YAML.read("formatVersion: 1\nchanges: [a, b\n", Release.class)))
        .containsExactly(
            "$: malformed YAML at line 2, column 15: while parsing a flow sequence; expected ',' or"
                + " ']', but got <stream end>");
  }

  @Test
  void refusesDuplicateKeys() {
    assertThat(
            Problems.of(
                () ->
                    JSON.read(
                        "{\"formatVersion\": 1, \"name\": \"a\", \"name\": \"b\"}", Release.class)))
        .containsExactly(
            "$: malformed JSON at line 1, column 41: Duplicate Object property \"name\"");
    assertThat(Problems.of(() -> YAML.read("formatVersion: 1\nname: a\nname: b\n", Release.class)))
        .containsExactly(
            "$: malformed YAML at line 3, column 5: Duplicate Object property \"name\"");
  }

  @Test
  void refusesContentAfterTheDocument() {
    assertThat(Problems.of(() -> JSON.read("{\"formatVersion\": 1} {}", Release.class)))
        .containsExactly("$: unexpected content after the document at line 1, column 22");
    assertThat(Problems.of(() -> JSON.read("{\"formatVersion\": 1}\n[]", Release.class)))
        .containsExactly("$: unexpected content after the document at line 2, column 1");
    assertThat(
            Problems.of(
                () -> YAML.read("formatVersion: 1\n---\nformatVersion: 1\n", Release.class)))
        .containsExactly("$: unexpected content after the document at line 3, column 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n\n", "# nothing but a comment\n"})
  void refusesAnEmptyYamlDocument(String document) {
    assertThat(Problems.of(() -> YAML.read(document, Release.class)))
        .containsExactly("$: the document is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n\t"})
  void refusesAnEmptyJsonDocument(String document) {
    assertThat(Problems.of(() -> JSON.read(document, Release.class)))
        .containsExactly("$: the document is empty");
  }

  @Test
  void refusesADocumentThatIsNotAnObject() {
    assertThat(Problems.of(() -> JSON.read("null", Release.class)))
        .containsExactly("$: must be an object, was null");
    assertThat(Problems.of(() -> JSON.read("[1]", Release.class)))
        .containsExactly("$: must be an object, was [1]");
    assertThat(Problems.of(() -> YAML.read("---\n", Release.class)))
        .containsExactly("$: must be an object, was null");
    assertThat(Problems.of(() -> YAML.read("just text", Release.class)))
        .containsExactly("$: must be an object, was \"just text\"");
  }

  @Test
  void refusesYamlAliasesWhichJacksonWouldReadAsTheAnchorName() {
    String document =
        """
        formatVersion: 1
        name: &n train-48
        comment: *n
        cut: 2026-11-26T09:40:00Z
        """;

    assertThat(Problems.of(() -> YAML.read(document, Release.class)))
        .containsExactly("$: YAML aliases (*n) are not supported at line 3, column 10");
    assertThat(YAML.read(document.replace("*n", "again"), Release.class).comment())
        .hasValue("again");
  }

  @Test
  void readsYamlNullsAsPeopleWriteThem() {
    for (String absent : List.of("~", "null", "Null", "")) {
      String document =
          "formatVersion: 1\nname: train-48\ncut: 2026-11-26T09:40:00Z\ncomment: " + absent + "\n";
      assertThat(YAML.read(document, Release.class).comment()).as(absent).isEmpty();
    }
    String quoted = "formatVersion: 1\nname: train-48\ncut: 2026-11-26T09:40:00Z\ncomment: '~'\n";
    assertThat(YAML.read(quoted, Release.class).comment()).hasValue("~");
    Release yesNo =
        YAML.read(
            "formatVersion: 1\nname: yes\ncut: 2026-11-26T09:40:00Z\ncomment: no\n", Release.class);
    assertThat(yesNo.name()).as("yes is a string in YAML 1.2").isEqualTo("yes");
    assertThat(yesNo.comment()).hasValue("no");
  }

  @Test
  void refusesYamlTagsWhichJacksonWouldDrop() {
    String document =
        """
        formatVersion: 1
        name: !secret train-48
        cut: 2026-11-26T09:40:00Z
        """;

    assertThat(Problems.of(() -> YAML.read(document, Release.class)))
        .singleElement()
        .asString()
        .startsWith("$: YAML tags (!secret) are not supported at line 2");
  }

  @Test
  void listsAHundredProblemsAndCountsTheRest() {
    StringBuilder changes = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      changes.append(i == 0 ? "" : ", ").append("{\"title\": ").append(i).append('}');
    }
    String document =
        "{\"formatVersion\": 1, \"name\": \"r\", \"cut\": \"2026-11-26T09:40:00Z\", \"changes\": ["
            + changes
            + "]}";

    List<String> problems = Problems.of(() -> JSON.read(document, Release.class));

    assertThat(problems).hasSize(101);
    assertThat(problems.get(0)).isEqualTo("$.changes[0].title: must be a string, was 0");
    assertThat(problems.get(99)).startsWith("$.changes[");
    assertThat(problems.get(100)).matches("\\$: and \\d+ more problems not listed");
  }

  @Test
  void refusesWhatStrictJsonRefuses() {
    List<String> documents =
        List.of(
            "{\"formatVersion\": 1, /* comment */ \"name\": \"a\"}",
            "{\"formatVersion\": 1, \"name\": 'a'}",
            "{\"formatVersion\": 1, \"ratio\": NaN}",
            "{\"formatVersion\": 1,}");
    for (String document : documents) {
      assertThat(Problems.of(() -> JSON.read(document, Release.class)))
          .singleElement()
          .asString()
          .startsWith("$: malformed JSON at line 1, column ");
    }
  }
}
