package dev.signalbox.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.reflect.TypeToken;
import dev.signalbox.core.SignalboxException;
import dev.signalbox.core.json.CodecSamples.Agent;
import dev.signalbox.core.json.CodecSamples.Holder;
import dev.signalbox.core.json.CodecSamples.HttpPoll;
import dev.signalbox.core.json.CodecSamples.Human;
import dev.signalbox.core.json.CodecSamples.Label;
import dev.signalbox.core.json.CodecSamples.Node;
import dev.signalbox.core.json.CodecSamples.OneOffSchedule;
import dev.signalbox.core.json.CodecSamples.Outcome;
import dev.signalbox.core.json.CodecSamples.Plan;
import dev.signalbox.core.json.CodecSamples.Release;
import dev.signalbox.core.json.CodecSamples.Reviewer;
import dev.signalbox.core.json.CodecSamples.Schedule;
import dev.signalbox.core.json.CodecSamples.Surface;
import dev.signalbox.core.json.CodecSamples.Weekly;
import dev.signalbox.core.model.RepoPath;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

class DocumentCodecTest {
  private static final DocumentCodec JSON = DocumentCodec.json();
  private static final DocumentCodec YAML = DocumentCodec.yaml();
  private static final JsonMapper PARSER = JsonMapper.builder().build();
  private static final Type LIST_OF_PATHS = new TypeToken<List<RepoPath>>() {}.getType();

  private static final Plan PLAN =
      new Plan(
          new Weekly(
              DayOfWeek.MONDAY, LocalTime.of(9, 40), LocalDateTime.of(2026, 11, 26, 9, 40, 5)),
          List.of(new HttpPoll("https://example.com/poll"), new OneOffSchedule(CodecSamples.CUT)));

  @Test
  void jsonRoundTripsEveryRule() {
    Release release = CodecSamples.release(false);

    assertThat(JSON.read(JSON.write(release), Release.class)).isEqualTo(release);
  }

  @Test
  void yamlRoundTripsEveryRule() {
    Release release = CodecSamples.release(false);

    assertThat(YAML.read(YAML.write(release), Release.class)).isEqualTo(release);
  }

  @Test
  void writesJsonWithVersionFirstTypeFirstAndEmptyOptionalsLeftOut() {
    assertThat(JSON.write(PLAN))
        .isEqualTo(
            """
            {
              "formatVersion": 1,
              "first": {
                "type": "weekly",
                "day": "MONDAY",
                "time": "09:40",
                "since": "2026-11-26T09:40:05"
              },
              "then": [
                {
                  "type": "http-poll",
                  "url": "https://example.com/poll"
                },
                {
                  "type": "one-off-schedule",
                  "at": "2026-11-26T09:40:00Z"
                }
              ]
            }
            """);
    assertThat(JSON.write(new Human("Ada", Optional.empty())))
        .isEqualTo(
            """
            {
              "formatVersion": 1,
              "type": "human",
              "name": "Ada"
            }
            """);
  }

  @Test
  void writesYamlInBlockStyleWithoutDocumentMarker() {
    assertThat(YAML.write(PLAN))
        .isEqualTo(
            """
            formatVersion: 1
            first:
              type: "weekly"
              day: "MONDAY"
              time: "09:40"
              since: "2026-11-26T09:40:05"
            then:
            - type: "http-poll"
              url: "https://example.com/poll"
            - type: "one-off-schedule"
              at: "2026-11-26T09:40:00Z"
            """);
    assertThat(YAML.read(YAML.write(PLAN), Plan.class)).isEqualTo(PLAN);
  }

  @Test
  void equalValuesBuiltInDifferentOrdersWriteIdenticalText() {
    Release forward = CodecSamples.release(false);
    Release backward = CodecSamples.release(true);
    assertThat(new ArrayList<>(forward.changes().get(0).labels()))
        .isNotEqualTo(new ArrayList<>(backward.changes().get(0).labels()));
    assertThat(forward).isEqualTo(backward);

    assertThat(JSON.write(backward)).isEqualTo(JSON.write(forward));
    assertThat(YAML.write(backward)).isEqualTo(YAML.write(forward));
    JsonNode change = JSON.toTree(forward.changes().get(0));
    assertThat(change.get("labels").toString()).isEqualTo("[\"auth\",\"backend\",\"urgent-fix\"]");
    assertThat(change.get("notes").propertyNames())
        .containsExactly("auth", "backend", "urgent-fix");
    assertThat(change.get("quorum").toString()).isEqualTo("{\"SECURITY\":2,\"UI\":1}");
  }

  @Test
  void reportsEveryProblemOfADocumentWithItsPath() {
    String document =
        """
        {
          "formatVersion": 1,
          "name": 42,
          "cut": "yesterday",
          "changes": [
            {
              "title": "Fix login",
              "files": ["src/A.java", "/etc/passwd"],
              "labels": ["auth", "backend", "auth"],
              "notes": {"odd key": 7, "fine": "yes"},
              "quorum": {"SECURITY": 2},
              "outcome": "ship",
              "reviewer": {"type": "robot", "name": "R2"},
              "window": {"start": "2026-11-26T09:40:00Z", "end": "2026-11-26T08:00:00Z"},
              "timeout": "PT1H",
              "due": "2026-12-01",
              "link": "https://example.com",
              "attempts": 1.5,
              "bytes": 10,
              "risk": 0.5,
              "urgent": false,
              "colour": "red"
            }
          ]
        }
        """;

    InvalidDocumentException thrown = Problems.thrown(() -> JSON.read(document, Release.class));

    assertThat(thrown.type()).isEqualTo(Release.class);
    assertThat(thrown.problems().stream().map(DocumentProblem::toString))
        .containsExactly(
            "$.name: must be a string, was 42",
            "$.cut: must be an RFC 3339 instant such as 2026-11-26T09:40:00Z, was \"yesterday\"",
            "$.changes[0].files[1]: must be relative, was \"/etc/passwd\"",
            "$.changes[0].labels[2]: duplicate element",
            "$.changes[0].notes['odd key']: must be a string, was 7",
            "$.changes[0].outcome: must be one of [SHIP, NOT_YET, SEND_BACK], was \"ship\"",
            "$.changes[0].reviewer.type: must be one of [agent, human], was \"robot\"",
            "$.changes[0].window.end: must be after start, was 2026-11-26T08:00:00Z",
            "$.changes[0].attempts: must be an integer, was 1.5",
            "$.changes[0].colour: unknown field, expected one of [title, files, labels, notes,"
                + " quorum, outcome, reviewer, window, timeout, due, zone, link, attempts, bytes,"
                + " risk, urgent]",
            "$.changes[0].zone: is required");
  }

  @Test
  void reportsConstructorProblemsUnderTheFieldTheyName() {
    String document =
        """
        {
          "formatVersion": 1,
          "type": "human",
          "name": "Ada"
        }
        """;
    assertThat(JSON.read(document, Human.class)).isEqualTo(new Human("Ada", Optional.empty()));

    JsonNode holder =
        tree(
            """
            {"owners": {"/etc": "root", "src/A.java": "two words"},
             "steps": {"steps": ["one", " ", "three"]},
             "exploding": {"name": "bomb", "size": -1}}
            """);

    assertThat(Problems.of(() -> JSON.fromTree(holder, Holder.class)))
        .containsExactly(
            "$.owners['/etc']: key must be relative, was \"/etc\"",
            "$.owners['src/A.java']: must be one word, was \"two words\"",
            "$.steps.steps[1]: must not be blank, was \"\"",
            "$.exploding: cannot build Exploding: size -1 is negative");
  }

  @Test
  void reportsAProblemBuildingASingleStringRecordAtTheStringItself() {
    JsonNode paths = JSON.toTree(List.of("a.txt", "b/../../c", "C:/x", "ok"));

    assertThat(Problems.of(() -> JSON.fromTree(paths, LIST_OF_PATHS)))
        .containsExactly(
            "$[1]: must not contain a .. segment, was \"b/../../c\"",
            "$[2]: must be relative, was \"C:/x\"");
  }

  @Test
  void treatsNullExactlyAsAbsent() {
    String document =
        """
        {"formatVersion": 1, "name": "r", "cut": "2026-11-26T09:40:00Z",
         "changes": null, "comment": null}
        """;

    assertThat(JSON.read(document, Release.class))
        .isEqualTo(new Release("r", CodecSamples.CUT, List.of(), Optional.empty()));
    assertThat(Problems.of(() -> JSON.read(document.replace("\"r\"", "null"), Release.class)))
        .containsExactly("$.name: is required");
    assertThat(
            Problems.of(
                () ->
                    JSON.read(
                        document.replace("\"changes\": null", "\"changes\": [null]"),
                        Release.class)))
        .containsExactly("$.changes[0]: must not be null");
  }

  @Test
  void readsAbsentCollectionsAsEmptyAndRefusesNullElementsAndValues() {
    JsonNode empty = JsonNodeFactory.instance.objectNode();
    assertThat(JSON.fromTree(empty, Holder.class))
        .isEqualTo(
            new Holder(
                Optional.empty(),
                Set.of(),
                Map.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty()));

    String document =
        """
        {"paths": ["a", null], "groups": {"x": null, "y": [1, null]}}
        """;
    assertThat(Problems.of(() -> YAML.fromTree(tree(document), Holder.class)))
        .containsExactly(
            "$.paths[1]: must not be null",
            "$.groups.x: must not be null",
            "$.groups.y[1]: must not be null");
  }

  @Test
  void refusesADuplicateSetElementAfterTheElementsAreBuilt() {
    // RepoPath normalises a/./b to a/b: two different strings, one element.
    JsonNode holder = tree("{\"paths\": [\"a/b\", \"c\", \"a/./b\"]}");

    assertThat(Problems.of(() -> JSON.fromTree(holder, Holder.class)))
        .containsExactly("$.paths[2]: duplicate element");
  }

  @Test
  void refusesTwoMapKeysThatBuildTheSameKey() {
    JsonNode holder = tree("{\"owners\": {\"a/b\": \"x\", \"a//b\": \"y\"}}");

    assertThat(Problems.of(() -> JSON.fromTree(holder, Holder.class)))
        .containsExactly("$.owners['a//b']: duplicate key, same as an earlier one");
  }

  @Test
  void readsEnumKeysByNameAndReportsUnknownOnes() {
    String base = JSON.write(CodecSamples.release(false));
    String bad = base.replace("\"SECURITY\": 2", "\"security\": 2");

    assertThat(Problems.of(() -> JSON.read(bad, Release.class)))
        .containsExactly(
            "$.changes[0].quorum.security: key must be one of [SECURITY, DATA, UI], was"
                + " \"security\"");
  }

  @Test
  void quotesPathSegmentsThatAreNotIdentifiers() {
    JsonNode groups =
        tree(
            "{\"groups\": {\"it's\": 1, \"a.b\": 2, \"_ok1\": 3, \"1st\": 4, \"\": 5,"
                + " \"back\\\\slash\": 6, \"tab\\t\": 7}}");

    assertThat(Problems.of(() -> JSON.fromTree(groups, Holder.class)))
        .containsExactly(
            "$.groups['it\\'s']: must be an array, was 1",
            "$.groups['a.b']: must be an array, was 2",
            "$.groups._ok1: must be an array, was 3",
            "$.groups['1st']: must be an array, was 4",
            "$.groups['']: must be an array, was 5",
            "$.groups['back\\\\slash']: must be an array, was 6",
            "$.groups['tab\\t']: must be an array, was 7");
  }

  @Test
  void requiresTheCurrentFormatVersion() {
    String body = "\"name\": 42, \"cut\": \"2026-11-26T09:40:00Z\"";

    assertThat(Problems.of(() -> JSON.read("{" + body + "}", Release.class)))
        .containsExactly("$.formatVersion: is required", "$.name: must be a string, was 42");
    assertThat(Problems.of(() -> JSON.read("{\"formatVersion\": 2, " + body + "}", Release.class)))
        .containsExactly(
            "$.formatVersion: unsupported format version 2, this version of Signalbox reads 1");
    assertThat(
            Problems.of(() -> JSON.read("{\"formatVersion\": \"1\", " + body + "}", Release.class)))
        .containsExactly(
            "$.formatVersion: must be an integer, was \"1\"", "$.name: must be a string, was 42");
    assertThat(
            Problems.of(() -> JSON.read("{" + body + ", \"formatVersion\": null}", Release.class)))
        .containsExactly("$.formatVersion: is required", "$.name: must be a string, was 42");
    assertThat(
            JSON.read(
                "{\"name\": \"r\", \"formatVersion\": 1.0, \"cut\": \"2026-11-26T09:40:00Z\"}",
                Release.class))
        .isEqualTo(new Release("r", CodecSamples.CUT, List.of(), Optional.empty()));
  }

  @Test
  void unknownFieldsAreRefusedByDefaultAndSkippedOnRequest() {
    String newer =
        """
        {"formatVersion": 1, "name": "r", "cut": "2026-11-26T09:40:00Z",
         "addedInVersion2": {"anything": [1, 2]}, "changes": []}
        """;

    assertThat(Problems.of(() -> JSON.read(newer, Release.class)))
        .containsExactly(
            "$.addedInVersion2: unknown field, expected one of [name, cut, changes, comment]");
    assertThat(JSON.ignoringUnknownFields().read(newer, Release.class))
        .isEqualTo(new Release("r", CodecSamples.CUT, List.of(), Optional.empty()));
    assertThat(
            Problems.of(
                () ->
                    JSON.ignoringUnknownFields()
                        .read(newer.replace("\"name\": \"r\"", "\"name\": 7"), Release.class)))
        .as("ignoring unknown fields still checks the known ones")
        .containsExactly("$.name: must be a string, was 7");
  }

  @Test
  void treesCarryNoFormatVersion() {
    Release release = CodecSamples.release(false);
    JsonNode tree = JSON.toTree(release);

    assertThat(tree.propertyNames()).containsExactly("name", "cut", "changes");
    assertThat(JSON.fromTree(tree, Release.class)).isEqualTo(release);
    JsonNode document = tree(JSON.write(release));
    assertThat(Problems.of(() -> JSON.fromTree(document, Release.class)))
        .containsExactly(
            "$.formatVersion: unknown field, expected one of [name, cut, changes, comment]");
  }

  @Test
  void readsASealedInterfaceByTypeIdThroughNestedSealedInterfaces() {
    String document =
        """
        formatVersion: 1
        type: one-off-schedule
        at: 2026-11-26T09:40:00Z
        """;
    assertThat(YAML.read(document, Schedule.class)).isEqualTo(new OneOffSchedule(CodecSamples.CUT));
    assertThat(YAML.read(YAML.write(PLAN), Plan.class)).isEqualTo(PLAN);
    assertThat(JSON.read(JSON.write(new HttpPoll("x")), Schedule.class))
        .isEqualTo(new HttpPoll("x"));

    String plan =
        """
        formatVersion: 1
        first: {at: 2026-11-26T09:40:00Z}
        then:
          - type: daily
          - type: 3
          - type: null
            url: x
          - type:
            url: x
          - url: https://example.com
            type: http-poll
        """;
    assertThat(Problems.of(() -> YAML.read(plan, Plan.class)))
        .containsExactly(
            "$.first.type: is required, expected one of [http-poll, one-off-schedule, weekly]",
            "$.then[0].type: must be one of [http-poll, one-off-schedule, weekly], was \"daily\"",
            "$.then[1].type: must be one of [http-poll, one-off-schedule, weekly], was 3",
            "$.then[2].type: is required, expected one of [http-poll, one-off-schedule, weekly]",
            "$.then[3].type: is required, expected one of [http-poll, one-off-schedule, weekly]");
  }

  @Test
  void readsARecordOfASealedInterfaceWithOrWithoutItsOwnType() {
    JsonNode withType = JSON.toTree(new Agent("gpt-x", 10));
    assertThat(withType.toString())
        .isEqualTo("{\"type\":\"agent\",\"model\":\"gpt-x\",\"maxTokens\":10}");
    assertThat(JSON.fromTree(withType, Agent.class)).isEqualTo(new Agent("gpt-x", 10));
    assertThat(JSON.fromTree(withType, Reviewer.class)).isEqualTo(new Agent("gpt-x", 10));
    assertThat(JSON.fromTree(tree("{\"model\":\"m\",\"maxTokens\":1}"), Agent.class))
        .isEqualTo(new Agent("m", 1));

    assertThat(
            Problems.of(
                () ->
                    JSON.fromTree(
                        tree("{\"type\":\"human\",\"model\":\"m\",\"maxTokens\":1}"), Agent.class)))
        .containsExactly("$.type: must be \"agent\", was \"human\"");
    assertThat(
            Problems.of(
                () -> JSON.fromTree(tree("{\"type\":\"agent\",\"name\":\"Ada\"}"), Reviewer.class)))
        .containsExactly(
            "$.name: unknown field, expected one of [model, maxTokens]",
            "$.model: is required",
            "$.maxTokens: is required");
  }

  @Test
  void writesAndReadsNodesOfGenericAndScalarTypes() {
    assertThat(JSON.toTree(RepoPath.of("a/./b")).toString()).isEqualTo("\"a/b\"");
    assertThat(JSON.toTree(List.of(RepoPath.of("b"), RepoPath.of("a"))).toString())
        .isEqualTo("[\"b\",\"a\"]");
    assertThat(JSON.toTree(new LinkedHashSet<>(List.of(new Label("b"), new Label("a")))).toString())
        .isEqualTo("[\"a\",\"b\"]");
    Map<Surface, Integer> quorum = new LinkedHashMap<>();
    quorum.put(Surface.UI, 1);
    quorum.put(Surface.DATA, 2);
    assertThat(JSON.toTree(quorum).toString()).isEqualTo("{\"DATA\":2,\"UI\":1}");
    assertThat(JSON.toTree(Outcome.SEND_BACK).toString()).isEqualTo("\"SEND_BACK\"");
    assertThat(JSON.toTree(Duration.ofHours(1)).toString()).isEqualTo("\"PT1H\"");

    Object paths = JSON.fromTree(tree("[\"a\", \"b/./c\"]"), LIST_OF_PATHS);
    assertThat(paths).isEqualTo(List.of(RepoPath.of("a"), RepoPath.of("b/c")));
    assertThat(paths).isInstanceOf(ImmutableList.class);
    assertThat(JSON.fromTree(NullNode.getInstance(), LIST_OF_PATHS)).isEqualTo(List.of());
    assertThat(JSON.fromTree(tree("5"), int.class)).isEqualTo(5);
    assertThat(JSON.fromTree(tree("\"SHIP\""), Outcome.class)).isEqualTo(Outcome.SHIP);
    assertThat(Problems.of(() -> JSON.fromTree(NullNode.getInstance(), Release.class)))
        .containsExactly("$: is required");
    assertThat(Problems.of(() -> JSON.fromTree(tree("{}"), LIST_OF_PATHS)))
        .containsExactly("$: must be an array, was {}");
  }

  @Test
  void roundTripsARecursiveRecord() {
    Node tree =
        new Node(
            "root",
            List.of(new Node("a", List.of(new Node("a1", List.of()))), new Node("b", List.of())));

    assertThat(JSON.fromTree(JSON.toTree(tree), Node.class)).isEqualTo(tree);
    assertThat(
            Problems.of(
                () ->
                    JSON.fromTree(
                        tree("{\"name\":\"r\",\"children\":[{\"children\":" + "[{\"name\":1}]}]}"),
                        Node.class)))
        .containsExactly(
            "$.children[0].children[0].name: must be a string, was 1",
            "$.children[0].name: is required");
  }

  @Test
  void readsAFileAPersonWroteInYaml(@TempDir Path directory) throws Exception {
    String file =
        """
        # Thursday's train. Times are UTC.
        formatVersion: 1
        name: train-48
        cut: 2026-11-26T09:40:00Z
        comment: |
          Two changes.
          Ada reviews the first.
        changes:
          - title: Fix login
            files:
              - src/Login.java
              - README.md
            labels: [urgent-fix, auth, backend]
            notes:
              auth: note on auth
              backend: note on backend
              urgent-fix: note on urgent-fix
            quorum: {SECURITY: 2, UI: 1}
            outcome: NOT_YET
            reviewer:
              type: human
              name: Ada
              email: ada@example.com
            window:
              start: 2026-11-26T09:40:00Z
              end: 2026-11-26T10:40:00-01:00   # an offset is fine
            timeout: PT1H30M
            due: 2026-12-01
            zone: Europe/Paris
            link: https://example.com/changes/42?tab=files
            attempts: 3
            bytes: 5000000000
            risk: 0.25
            urgent: true
          - title: 'Bump model'
            outcome: SHIP
            reviewer: {type: agent, model: gpt-x, maxTokens: 4096}
            timeout: PT30S
            due: 2026-11-30
            zone: UTC
            link: urn:change:2
            attempts: 0
            bytes: -1
            risk: 1e-3
            urgent: false
        """;
    Path path = directory.resolve("train.yaml");
    Files.writeString(path, file, StandardCharsets.UTF_8);
    Release expected = CodecSamples.release(false);

    assertThat(YAML.read(path, Release.class))
        .isEqualTo(
            new Release(
                expected.name(),
                expected.cut(),
                expected.changes(),
                Optional.of("Two changes.\nAda reviews the first.\n")));

    Files.writeString(
        path,
        file.replace("Europe/Paris", "Mars/Olympus").replace("attempts: 3", "attempts: three"),
        StandardCharsets.UTF_8);
    assertThat(Problems.of(() -> YAML.read(path, Release.class)))
        .containsExactly(
            "$.changes[0].zone: must be a time zone id such as Europe/Paris, was \"Mars/Olympus\"",
            "$.changes[0].attempts: must be an integer, was \"three\"");
    assertThat(Problems.thrown(() -> YAML.read(path, Release.class)))
        .satisfies(e -> assertThat(e.source()).contains(path.toString()))
        .hasMessageStartingWith("invalid Release document in " + path + ", 2 problems:");
  }

  @Test
  void readsAFileWithAByteOrderMark(@TempDir Path directory) throws Exception {
    Path path = directory.resolve("plan.json");
    Files.writeString(path, "\uFEFF" + JSON.write(PLAN), StandardCharsets.UTF_8);

    assertThat(JSON.read(path, Plan.class)).isEqualTo(PLAN);
  }

  @Test
  void namesTheFileItCannotRead(@TempDir Path directory) throws Exception {
    Path missing = directory.resolve("missing.yaml");
    assertThatThrownBy(() -> YAML.read(missing, Release.class))
        .isExactlyInstanceOf(SignalboxException.class)
        .hasMessageStartingWith("cannot read " + missing + ": ")
        .hasCauseInstanceOf(NoSuchFileException.class);

    Path latin1 = directory.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xe9});
    assertThatThrownBy(() -> YAML.read(latin1, Release.class))
        .isExactlyInstanceOf(SignalboxException.class)
        .hasMessage("cannot read " + latin1 + ": it is not UTF-8 text");
  }

  @Test
  void isTheSameInstanceEveryTime() {
    assertThat(DocumentCodec.json()).isSameAs(JSON);
    assertThat(DocumentCodec.yaml()).isSameAs(YAML);
    assertThat(DocumentCodec.FORMAT_VERSION).isEqualTo(1);
  }

  private static JsonNode tree(String json) {
    return PARSER.readTree(json);
  }
}
