package dev.signalbox.testkit.properties;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The places in a written document where a mutation can be made, each with the Java type the reader
 * expects there: walked along the document and the model's record components together. Paths are
 * spelt independently of the codec, as the oracle the codec's paths are checked against.
 */
final class DocumentSites {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * One value in the document.
   *
   * @param path the JSON path of the value
   * @param type the Java type the reader expects there
   * @param node the value
   * @param container the object or array holding it
   * @param key the field name in an object container, or null in an array
   * @param index the index in an array container
   * @param owner the record whose component the value is, or null for elements and map values
   * @param component the record component's name, or null
   * @param record the path of the nearest record object holding the value, whose constructor checks
   *     it
   */
  record Site(
      String path,
      Type type,
      JsonNode node,
      JsonNode container,
      @Nullable String key,
      int index,
      @Nullable Class<?> owner,
      @Nullable String component,
      String record) {
    void replace(JsonNode replacement) {
      if (container instanceof ObjectNode object && key != null) {
        object.set(key, replacement);
      } else {
        ((ArrayNode) container).set(index, replacement);
      }
    }
  }

  /**
   * A required record component that is present in the document and could be removed.
   *
   * @param path the JSON path of the field
   * @param object the object holding it
   * @param field the field's name
   */
  record RequiredField(String path, ObjectNode object, String field) {}

  /**
   * A key of a map in the document.
   *
   * @param map the map's object
   * @param key the key
   * @param mapPath the JSON path of the map
   * @param record the path of the record holding the map
   */
  record MapKey(ObjectNode map, String key, String mapPath, String record) {}

  /**
   * The {@code type} field of an object that a sealed interface's variant is written as.
   *
   * @param path the JSON path of the field
   * @param object the object holding it
   */
  record TypeField(String path, ObjectNode object) {}

  final List<Site> values = new ArrayList<>();
  final List<RequiredField> requiredFields = new ArrayList<>();
  final List<MapKey> mapKeys = new ArrayList<>();
  final List<TypeField> typeFields = new ArrayList<>();

  /** Walks a whole document of {@code type}. */
  static DocumentSites of(Class<?> type, ObjectNode document) {
    DocumentSites sites = new DocumentSites();
    sites.walkObject(type, document, "$");
    return sites;
  }

  private void walk(Type type, JsonNode node, String path, String record) {
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      walk(argument(type, 0), node, path, record);
    } else if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        String child = path + "[" + i + "]";
        values.add(new Site(child, argument(type, 0), element, node, null, i, null, null, record));
        walk(argument(type, 0), element, child, record);
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String child = path + segment(entry.getKey());
        mapKeys.add(new MapKey((ObjectNode) node, entry.getKey(), path, record));
        values.add(
            new Site(
                child,
                argument(type, 1),
                entry.getValue(),
                node,
                entry.getKey(),
                -1,
                null,
                null,
                record));
        walk(argument(type, 1), entry.getValue(), child, record);
      }
    } else if (node.isObject()) {
      walkObject(raw, (ObjectNode) node, path);
    }
  }

  private void walkObject(Class<?> declared, ObjectNode object, String path) {
    Class<?> record =
        declared.isRecord() ? declared : subtype(declared, object.get("type").asString());
    if (ModelTypes.isStringRecord(record)) {
      return;
    }
    if (object.has("type")) {
      typeFields.add(new TypeField(path + ".type", object));
    }
    for (RecordComponent component : record.getRecordComponents()) {
      JsonNode value = object.get(component.getName());
      if (value == null) {
        continue;
      }
      String child = path + "." + component.getName();
      values.add(
          new Site(
              child,
              component.getGenericType(),
              value,
              object,
              component.getName(),
              -1,
              record,
              component.getName(),
              path));
      if (isRequired(component.getType())) {
        requiredFields.add(new RequiredField(child, object, component.getName()));
      }
      walk(component.getGenericType(), value, child, path);
    }
  }

  private static boolean isRequired(Class<?> type) {
    return type != Optional.class
        && !Collection.class.isAssignableFrom(type)
        && !Map.class.isAssignableFrom(type);
  }

  private static Class<?> subtype(Class<?> sealed, String id) {
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isRecord() && kebab(permitted.getSimpleName()).equals(id)) {
        return permitted;
      }
      if (permitted.isInterface()) {
        try {
          return subtype(permitted, id);
        } catch (IllegalStateException notThere) {
          // try the next permitted subtype
        }
      }
    }
    throw new IllegalStateException("no subtype " + id + " of " + sealed);
  }

  static String kebab(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append('-');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /**
   * A member's path segment: {@code .name}, or {@code ['name']} quoted, with quote and backslash
   * escaped, line breaks and tabs as {@code \\n \\r \\t} and every other invisible character
   * (controls, line and paragraph separators, format characters) as {@code \\}{@code uXXXX}.
   */
  static String segment(String key) {
    if (IDENTIFIER.matcher(key).matches()) {
      return "." + key;
    }
    StringBuilder out = new StringBuilder("['");
    for (int i = 0; i < key.length(); ) {
      int c = key.codePointAt(i);
      int width = Character.charCount(c);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)
              || c == 0x2028
              || c == 0x2029
              || Character.getType(c) == Character.FORMAT) {
            for (int k = i; k < i + width; k++) {
              out.append(String.format("\\u%04x", (int) key.charAt(k)));
            }
          } else {
            out.appendCodePoint(c);
          }
        }
      }
      i += width;
    }
    return out.append("']").toString();
  }

  static Class<?> raw(Type type) {
    return type instanceof ParameterizedType parameterized
        ? (Class<?>) parameterized.getRawType()
        : (Class<?>) type;
  }

  /** The type an {@code Optional<T>} holds, or {@code type} itself. */
  static Type unwrapOptional(Type type) {
    return raw(type) == Optional.class ? argument(type, 0) : type;
  }

  static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
