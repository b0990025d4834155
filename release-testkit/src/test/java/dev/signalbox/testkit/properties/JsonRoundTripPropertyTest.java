package dev.signalbox.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.testkit.generators.ModelGenerators;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Invariant 12: every public value type round-trips through JSON and YAML, and writing is
 * deterministic (what is read back writes the same text).
 */
class JsonRoundTripPropertyTest {
  private static final DocumentCodec JSON = DocumentCodec.json();
  private static final DocumentCodec YAML = DocumentCodec.yaml();

  @TestFactory
  Stream<DynamicTest> jsonDocumentsRoundTrip() {
    return ModelTypes.documents().stream()
        .map(
            type ->
                DynamicTest.dynamicTest(type.getSimpleName(), () -> roundTrip(JSON, type, 300)));
  }

  @TestFactory
  Stream<DynamicTest> yamlDocumentsRoundTrip() {
    return ModelTypes.documents().stream()
        .map(
            type ->
                DynamicTest.dynamicTest(type.getSimpleName(), () -> roundTrip(YAML, type, 200)));
  }

  @TestFactory
  Stream<DynamicTest> scalarsRoundTripAsTrees() {
    return ModelTypes.scalars().stream()
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> treeRoundTrip(type)));
  }

  private static <T> void roundTrip(DocumentCodec codec, Class<T> type, int examples) {
    Examples.per(examples)
        .forAll(ModelGenerators.forType(type))
        .checkAssert(
            value -> {
              String written = codec.write(value);
              T read = codec.read(written, type);
              assertThat(read).isEqualTo(value);
              assertThat(codec.write(read)).isEqualTo(written);
            });
  }

  private static <T> void treeRoundTrip(Class<T> type) {
    Examples.per(200)
        .forAll(ModelGenerators.forType(type))
        .checkAssert(
            value -> {
              JsonNode tree = JSON.toTree(value);
              assertThat(JSON.fromTree(tree, type)).isEqualTo(value);
            });
  }
}
