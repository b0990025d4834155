package dev.signalbox.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.DocumentProblem;
import dev.signalbox.core.json.InvalidDocumentException;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.FeatureContribution;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.testkit.generators.ModelGenerators;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invariant 12's other half: a valid document made invalid by one to three mutations (a wrong type,
 * a missing or null field, an out-of-range number, a bad path or digest, text with a NUL, a bad map
 * key, an unknown variant) is refused, never half-read, and the error names the exact path of every
 * mutation and nothing else.
 */
class InvalidDocumentPropertyTest {
  private static final DocumentCodec JSON = DocumentCodec.json();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Numbers outside their component's range, by record and component. */
  private static final Map<String, JsonNode> OUT_OF_RANGE =
      Map.of(
          key(ChangeRisk.class, "probability"), NODES.numberNode(1.7),
          key(ChangeRisk.class, "percentile"), NODES.numberNode(100.5),
          // far from the intercept plus the contributions, which the generators keep small
          key(ChangeRisk.class, "logit"), NODES.numberNode(1e300),
          key(Finding.class, "confidence"), NODES.numberNode(-0.25),
          key(RiskAcceptance.class, "probability"), NODES.numberNode(2.0),
          key(ErrorBudget.class, "remaining"), NODES.numberNode(1.5),
          key(FileChange.class, "linesAdded"), NODES.numberNode(-1),
          key(FileChange.class, "linesRemoved"), NODES.numberNode(-3),
          key(LineRange.class, "start"), NODES.numberNode(0));

  /** Numeric components with no range of their own beyond being finite (JSON cannot say NaN). */
  private static final Set<String> UNBOUNDED =
      Set.of(
          key(ChangeRisk.class, "intercept"),
          key(FeatureContribution.class, "value"),
          key(FeatureContribution.class, "contribution"),
          key(LineRange.class, "end"));

  private static final List<String> BAD_PATHS =
      List.of(
          "/etc/passwd", "../outside", "a/../../b", "src\\Main.java", "a\u0000b", "C:/Windows", "");

  private enum Kind {
    WRONG_TYPE,
    MISSING,
    NULL,
    OUT_OF_RANGE,
    BAD_VALUE,
    BAD_TEXT,
    BAD_KEY,
    BAD_TYPE
  }

  /** Text no string in the model accepts: every string field refuses NUL. */
  private static final String NUL_TEXT = "bad\u0000text";

  /**
   * A mutation applied to a document, and the path its problem must be reported at.
   *
   * @param scope for a mutation that only the record's own checks can see (an out-of-range number,
   *     bad text in a String), the path of that record: its checks run once all its fields read
   *     cleanly, so no other mutation may lie inside it; otherwise the mutated path
   */
  private record Mutation(Kind kind, String path, String scope, Runnable apply) {
    Mutation(Kind kind, String path, Runnable apply) {
      this(kind, path, path, apply);
    }
  }

  @Test
  void everyNumericComponentHasARangeOrIsKnownUnbounded() {
    List<String> unaccounted = new ArrayList<>();
    for (Class<?> record : ModelTypes.records()) {
      for (RecordComponent component : record.getRecordComponents()) {
        Class<?> type = component.getType();
        boolean numeric = type == int.class || type == long.class || type == double.class;
        String key = key(record, component.getName());
        if (numeric && !OUT_OF_RANGE.containsKey(key) && !UNBOUNDED.contains(key)) {
          unaccounted.add(key);
        }
      }
    }
    assertThat(unaccounted).as("numeric components to add to OUT_OF_RANGE or UNBOUNDED").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> mutatedDocumentsAreRefusedAtEveryMutatedPath() {
    return ModelTypes.documents().stream()
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> refuseMutations(type)));
  }

  private static <T> void refuseMutations(Class<T> type) {
    Gen<T> values = ModelGenerators.forType(type);
    Gen<Long> choices = Generate.longRange(0, Long.MAX_VALUE);
    Gen<Integer> counts = Generate.range(1, 3);
    Examples.per(200)
        .forAll(values, choices, counts)
        .checkAssert(
            (value, seed, count) -> {
              ObjectNode document = (ObjectNode) JSON.toTree(value);
              ObjectNode versioned = NODES.objectNode();
              versioned.put("formatVersion", DocumentCodec.FORMAT_VERSION);
              versioned.setAll(document);
              List<Mutation> mutations = pick(type, versioned, seed, count);
              assertThat(mutations).as("mutations of %s", versioned).isNotEmpty();
              mutations.forEach(mutation -> mutation.apply().run());
              String text = versioned.toString();

              InvalidDocumentException refused =
                  catchThrowableOfType(InvalidDocumentException.class, () -> JSON.read(text, type));

              assertThat(refused).as("mutations %s of %s", mutations, text).isNotNull();
              List<String> reported =
                  refused.problems().stream().map(DocumentProblem::path).toList();
              assertThat(reported)
                  .as("problems of %s in %s: %s", mutations, text, refused.problems())
                  .allMatch(path -> mutations.stream().anyMatch(m -> m.path().equals(path)));
              for (Mutation mutation : mutations) {
                assertThat(reported)
                    .as(
                        "%s at %s in %s; problems: %s",
                        mutation.kind(), mutation.path(), text, refused.problems())
                    .contains(mutation.path());
              }
            });
  }

  /** Picks up to {@code count} mutations at paths none of which contains another. */
  private static List<Mutation> pick(Class<?> type, ObjectNode document, long seed, int count) {
    DocumentSites sites = DocumentSites.of(type, document);
    List<Mutation> candidates = new ArrayList<>();
    for (DocumentSites.Site site : sites.values) {
      candidates.add(
          new Mutation(Kind.WRONG_TYPE, site.path(), () -> site.replace(wrongType(site.node()))));
      Class<?> owner = site.owner();
      String component = site.component();
      JsonNode outOfRange =
          owner == null || component == null ? null : OUT_OF_RANGE.get(key(owner, component));
      if (outOfRange != null) {
        candidates.add(
            new Mutation(
                Kind.OUT_OF_RANGE, site.path(), site.record(), () -> site.replace(outOfRange)));
      }
      JsonNode badValue = badValue(site, seed);
      if (badValue != null) {
        candidates.add(new Mutation(Kind.BAD_VALUE, site.path(), () -> site.replace(badValue)));
      }
      if (site.node().isString()) {
        // a String is checked by its record's constructor; anything else (an enum, an instant, a
        // path) is read, and refused, where it stands
        String scope =
            DocumentSites.raw(DocumentSites.unwrapOptional(site.type())) == String.class
                ? site.record()
                : site.path();
        candidates.add(
            new Mutation(
                Kind.BAD_TEXT, site.path(), scope, () -> site.replace(NODES.stringNode(NUL_TEXT))));
      }
    }
    for (DocumentSites.RequiredField field : sites.requiredFields) {
      candidates.add(
          new Mutation(Kind.MISSING, field.path(), () -> field.object().remove(field.field())));
      candidates.add(
          new Mutation(
              Kind.NULL, field.path(), () -> field.object().set(field.field(), NODES.nullNode())));
    }
    for (DocumentSites.TypeField typeField : sites.typeFields) {
      candidates.add(
          // an unknown variant hides everything inside its object: that object is its scope
          new Mutation(
              Kind.BAD_TYPE,
              typeField.path(),
              typeField.path().substring(0, typeField.path().length() - ".type".length()),
              () -> typeField.object().put("type", "no-such-variant")));
    }
    for (DocumentSites.MapKey mapKey : sites.mapKeys) {
      String badKey = mapKey.key() + "\u0000";
      candidates.add(
          new Mutation(
              Kind.BAD_KEY,
              mapKey.mapPath() + DocumentSites.segment(badKey),
              mapKey.record(),
              () -> mapKey.map().set(badKey, mapKey.map().remove(mapKey.key()))));
    }
    List<Mutation> chosen = new ArrayList<>();
    long state = seed;
    for (int attempt = 0;
        attempt < 20 && chosen.size() < count && !candidates.isEmpty();
        attempt++) {
      state = state * 6364136223846793005L + 1442695040888963407L;
      Mutation candidate = candidates.get((int) Long.remainderUnsigned(state, candidates.size()));
      if (chosen.stream().noneMatch(other -> nested(other.scope(), candidate.scope()))) {
        chosen.add(candidate);
      }
    }
    return chosen;
  }

  private static boolean nested(String a, String b) {
    return a.equals(b) || within(a, b) || within(b, a);
  }

  private static boolean within(String outer, String inner) {
    return inner.length() > outer.length()
        && inner.startsWith(outer)
        && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
  }

  private static JsonNode wrongType(JsonNode node) {
    if (node.isString()) {
      return NODES.numberNode(42);
    }
    if (node.isNumber()) {
      return NODES.stringNode("forty-two");
    }
    if (node.isBoolean()) {
      return NODES.stringNode("yes");
    }
    if (node.isArray()) {
      return NODES.stringNode("not a list");
    }
    return NODES.arrayNode();
  }

  private static @Nullable JsonNode badValue(DocumentSites.Site site, long seed) {
    Class<?> raw = DocumentSites.raw(site.type());
    if (raw == RepoPath.class) {
      return NODES.stringNode(BAD_PATHS.get((int) Long.remainderUnsigned(seed, BAD_PATHS.size())));
    }
    if (raw == PathGlob.class) {
      return NODES.stringNode("/absolute/**");
    }
    if (raw == Revision.class || raw == ContentDigest.class || raw == PolicyDigest.class) {
      return NODES.stringNode("not-a-digest");
    }
    return null;
  }

  private static String key(Class<?> record, String component) {
    return record.getName() + "." + component;
  }
}
