package dev.signalbox.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.json.CodecSamples.Agent;
import dev.signalbox.core.json.CodecSamples.Human;
import dev.signalbox.core.json.CodecSamples.Outcome;
import dev.signalbox.core.json.CodecSamples.Release;
import dev.signalbox.core.model.RepoPath;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** Programming errors: types the codec cannot map and values it cannot write. */
class DocumentCodecTypesTest {
  private static final DocumentCodec JSON = DocumentCodec.json();
  private static final String DOCUMENT = "{\"formatVersion\": 1}";

  record Box<T>(T value) {}

  record HoldsBox(Box<String> box) {}

  record HoldsArray(String[] names) {}

  record HoldsDate(Date when) {}

  record HoldsOptionalInList(List<Optional<String>> names) {}

  record HoldsIntegerKeys(Map<Integer, String> names) {}

  record HoldsRawList(@SuppressWarnings("rawtypes") List names) {}

  /** Fine itself, but holds a record the codec cannot map, even when that one is absent. */
  record HoldsBadOptional(Optional<HoldsArray> bad) {}

  sealed interface Typed permits Tagged {}

  record Tagged(String type, int size) implements Typed {}

  sealed interface Clash permits First.Same, Second.Same {}

  static final class First {
    record Same(int a) implements Clash {}
  }

  static final class Second {
    record Same(int b) implements Clash {}
  }

  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void refusesNullArgumentsNamingThem() {
    assertThatThrownBy(() -> JSON.read((String) null, CodecSamples.Release.class))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("document must not be null");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("type must not be null");
    assertThatThrownBy(() -> JSON.read((java.nio.file.Path) null, CodecSamples.Release.class))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("file must not be null");
    assertThatThrownBy(() -> JSON.write(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must not be null");
    assertThatThrownBy(() -> JSON.toTree(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must not be null");
    assertThatThrownBy(() -> JSON.fromTree(null, CodecSamples.Release.class))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("node must not be null");
  }

  @Test
  void refusesDocumentsThatAreNotRecordsOrSealedInterfaces() {
    assertThatThrownBy(() -> JSON.read(DOCUMENT, String.class))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a document holds a record or a sealed interface of records, not java.lang.String");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, RepoPath.class))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("not dev.signalbox.core.model.RepoPath");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, List.class))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("not java.util.List");
    assertThatThrownBy(() -> JSON.write("text"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a document holds a record or a sealed interface of records, not java.lang.String");
    assertThatThrownBy(() -> JSON.write(RepoPath.of("a")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("not dev.signalbox.core.model.RepoPath");
    assertThatThrownBy(() -> JSON.write(Outcome.SHIP))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("not " + Outcome.class.getName());
  }

  @Test
  void refusesRecordsWithTypeParameters() {
    assertThatThrownBy(() -> JSON.fromTree(JsonNodeFactory.instance.objectNode(), Box.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot map "
                + Box.class.getName()
                + ": records with type parameters are not"
                + " supported");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, HoldsBox.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot map component box of " + HoldsBox.class.getName())
        .hasMessageEndingWith(
            "Box<java.lang.String>: types with type parameters are not supported");
  }

  @Test
  void refusesComponentTypesItCannotMap() {
    assertThatThrownBy(() -> JSON.read(DOCUMENT, HoldsArray.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot map component names of "
                + HoldsArray.class.getName()
                + ": cannot map the array java.lang.String[]: arrays are not supported, use a"
                + " List");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, HoldsDate.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "cannot map component when of "
                + HoldsDate.class.getName()
                + ": cannot map java.util.Date: expected a record,");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, HoldsOptionalInList.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith(
            ": cannot map java.util.Optional<java.lang.String>: Optional is supported only as the"
                + " type of a record component");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, HoldsIntegerKeys.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith(": map keys must be strings, enums or records of a single String");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, HoldsRawList.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith(": cannot map the raw type java.util.List: give its type arguments");
  }

  @Test
  void checksEveryReachableTypeUpFrontEvenWhenNoValueHoldsIt() {
    HoldsBadOptional empty = new HoldsBadOptional(Optional.empty());

    assertThatThrownBy(() -> JSON.write(empty))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("arrays are not supported");
    assertThatThrownBy(() -> JSON.read(DOCUMENT, HoldsBadOptional.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("arrays are not supported");
  }

  @Test
  void refusesARecordOfASealedInterfaceWithAComponentNamedType() {
    assertThatThrownBy(() -> JSON.read(DOCUMENT, Typed.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot map "
                + Tagged.class.getName()
                + ": it is permitted by sealed "
                + Typed.class.getName()
                + ", so its type id goes in the field \"type\", and it cannot"
                + " also have a component named type");
    assertThatThrownBy(() -> JSON.write(new Tagged("t", 1)))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot also have a component named type");
  }

  @Test
  void refusesTwoRecordsWithTheSameTypeId() {
    assertThatThrownBy(() -> JSON.read(DOCUMENT, Clash.class))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot map "
                + Clash.class.getName()
                + ": "
                + First.Same.class.getName()
                + " and "
                + Second.Same.class.getName()
                + " have the same type id same");
  }

  @Test
  @SuppressWarnings("NullAway") // nulls where the types forbid them are the point
  void refusesToWriteNullsAndNonFiniteNumbersNamingThePath() {
    Release release = CodecSamples.release(false);
    List<CodecSamples.Change> changes = new ArrayList<>(release.changes());
    CodecSamples.Change second = changes.get(1);
    changes.set(
        1,
        new CodecSamples.Change(
            second.title(),
            second.files(),
            second.labels(),
            second.notes(),
            second.quorum(),
            second.outcome(),
            second.reviewer(),
            second.window(),
            second.timeout(),
            second.due(),
            second.zone(),
            second.link(),
            second.attempts(),
            second.bytes(),
            Double.NaN,
            second.urgent()));
    Release nan = new Release(release.name(), release.cut(), changes, release.comment());
    assertThatThrownBy(() -> JSON.write(nan))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write $.changes[1].risk: it is NaN, which JSON cannot represent");

    assertThatThrownBy(() -> JSON.write(new Human(null, Optional.empty())))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot write $.name: it is null, but its type does not allow null (use"
                + " Optional)");
    assertThatThrownBy(() -> JSON.write(new Human("Ada", null)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write $.email: it is null, but an absent value is Optional.empty()");
    assertThatThrownBy(() -> JSON.toTree(List.of(new Agent("m", 1), Optional.of(2))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot write $[1]: it is an Optional, which is written only as a record"
                + " component");
    assertThatThrownBy(() -> JSON.toTree(new Object()))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot map java.lang.Object: expected a record,");
  }

  @Test
  void refusesToWriteAValueOfTheWrongClassSmuggledPastTheCompiler() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<RepoPath> polluted = (List) List.of("not-a-path");
    record Paths(List<RepoPath> paths) {}

    assertThatThrownBy(() -> JSON.toTree(new Paths(polluted)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot write $.paths[0]: it is a java.lang.String, but its type is "
                + RepoPath.class.getName());
    assertThat(JSON.toTree(new Paths(List.of(RepoPath.of("a")))).toString())
        .isEqualTo("{\"paths\":[\"a\"]}");
  }
}
