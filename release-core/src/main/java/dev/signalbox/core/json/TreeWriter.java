package dev.signalbox.core.json;

import dev.signalbox.core.json.Form.EnumForm;
import dev.signalbox.core.json.Form.ListForm;
import dev.signalbox.core.json.Form.MapForm;
import dev.signalbox.core.json.Form.OptionalForm;
import dev.signalbox.core.json.Form.RecordForm;
import dev.signalbox.core.json.Form.Scalar;
import dev.signalbox.core.json.Form.SealedForm;
import dev.signalbox.core.json.Form.SetForm;
import dev.signalbox.core.json.Form.TextRecordForm;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes Java values as trees, following their {@link Form}; output is deterministic (sets and maps
 * sorted) so that equal values give equal text.
 *
 * <p>Stateless and thread-safe.
 */
final class TreeWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TreeWriter() {}

  /**
   * Writes {@code value}, choosing its form from its class; collections and maps are written from
   * their elements' classes.
   *
   * @throws IllegalArgumentException if the value cannot be written, naming the path
   */
  static JsonNode writeAny(@Nullable Object value, JsonPath path) {
    if (value == null) {
      throw refuse(path, "is null");
    }
    if (value instanceof Optional) {
      throw refuse(path, "is an Optional, which is written only as a record component");
    }
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = anyKey(entry.getKey(), path);
        JsonNode previous = sorted.put(key, writeAny(entry.getValue(), path.field(key)));
        if (previous != null) {
          throw refuse(path, "has two keys written as " + key);
        }
      }
      return object(sorted);
    }
    if (value instanceof Collection<?> collection) {
      List<JsonNode> elements = new ArrayList<>(collection.size());
      int i = 0;
      for (Object element : collection) {
        elements.add(writeAny(element, path.index(i++)));
      }
      return array(elements, value instanceof Set);
    }
    return write(value, formOf(value), path);
  }

  /** The form of a value judged by its class alone. */
  static Form formOf(Object value) {
    Class<?> type;
    if (value instanceof Enum<?> constant) {
      type = constant.getDeclaringClass();
    } else if (value instanceof ZoneId) {
      type = ZoneId.class;
    } else {
      type = value.getClass();
    }
    return Form.of(type);
  }

  private static String anyKey(@Nullable Object key, JsonPath path) {
    if (key instanceof String text) {
      return text;
    }
    if (key == null) {
      throw refuse(path, "has a null key");
    }
    Form form = formOf(key);
    if (form instanceof EnumForm || form instanceof TextRecordForm) {
      return write(key, form, path).stringValue();
    }
    throw refuse(path, "has a key of " + key.getClass().getName() + ", which is not a string");
  }

  /**
   * Writes {@code value} as {@code form} says.
   *
   * @throws IllegalArgumentException if the value cannot be written, naming the path
   */
  static JsonNode write(@Nullable Object value, Form form, JsonPath path) {
    if (value == null) {
      throw refuse(path, "is null, but its type does not allow null (use Optional)");
    }
    if (form instanceof Scalar scalar) {
      return scalar(value, scalar, path);
    }
    if (form instanceof EnumForm enumForm) {
      return NODES.stringNode(((Enum<?>) expect(value, enumForm.type(), path)).name());
    }
    if (form instanceof TextRecordForm text) {
      RecordShape shape = RecordShape.of(text.type());
      Object string = shape.get(shape.components().get(0), expect(value, text.type(), path));
      if (string == null) {
        throw refuse(path, "has a null " + shape.components().get(0).name());
      }
      return NODES.stringNode((String) string);
    }
    if (form instanceof RecordForm record) {
      return record(expect(value, record.type(), path), RecordShape.of(record.type()), path);
    }
    if (form instanceof SealedForm sealed) {
      expect(value, sealed.type(), path);
      if (!SealedShape.of(sealed.type()).variants().containsValue(value.getClass())) {
        throw refuse(
            path, "is a " + value.getClass().getName() + ", not a record of " + sealed.type());
      }
      return record(value, RecordShape.of(value.getClass()), path);
    }
    if (form instanceof ListForm list) {
      return array(elements(value, list.element(), path), false);
    }
    if (form instanceof SetForm set) {
      return array(elements(value, set.element(), path), true);
    }
    if (form instanceof MapForm map) {
      Map<?, ?> entries = (Map<?, ?>) expect(value, Map.class, path);
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        if (entry.getKey() == null) {
          throw refuse(path, "has a null key");
        }
        String key = write(entry.getKey(), map.key(), path).stringValue();
        JsonNode previous = sorted.put(key, write(entry.getValue(), map.value(), path.field(key)));
        if (previous != null) {
          throw refuse(path, "has two keys written as " + key);
        }
      }
      return object(sorted);
    }
    throw refuse(path, "is an Optional, which is written only as a record component");
  }

  /** Writes a record as an object: its type id first if it has one, then its components. */
  static ObjectNode record(Object value, RecordShape shape, JsonPath path) {
    ObjectNode out = NODES.objectNode();
    String variantId = shape.variantId();
    if (variantId != null) {
      out.put(TreeReader.TYPE_FIELD, variantId);
    }
    for (RecordShape.Component component : shape.components()) {
      Object field = shape.get(component, value);
      JsonPath fieldPath = path.field(component.name());
      if (component.form() instanceof OptionalForm optional) {
        if (field == null) {
          throw refuse(fieldPath, "is null, but an absent value is Optional.empty()");
        }
        Optional<?> present = (Optional<?>) field;
        if (present.isPresent()) {
          out.set(component.name(), write(present.get(), optional.element(), fieldPath));
        }
      } else {
        out.set(component.name(), write(field, component.form(), fieldPath));
      }
    }
    return out;
  }

  private static List<JsonNode> elements(Object value, Form element, JsonPath path) {
    Collection<?> collection = (Collection<?>) expect(value, Collection.class, path);
    List<JsonNode> elements = new ArrayList<>(collection.size());
    int i = 0;
    for (Object item : collection) {
      elements.add(write(item, element, path.index(i++)));
    }
    return elements;
  }

  private static ArrayNode array(List<JsonNode> elements, boolean sorted) {
    ArrayNode out = NODES.arrayNode();
    if (sorted && elements.size() > 1) {
      // A set's order means nothing; its compact JSON text gives one order for every run. Each
      // element's text is made once, not once per comparison.
      TreeMap<String, List<JsonNode>> byText = new TreeMap<>();
      for (JsonNode element : elements) {
        byText.computeIfAbsent(element.toString(), text -> new ArrayList<>(1)).add(element);
      }
      byText.values().forEach(equal -> equal.forEach(out::add));
      return out;
    }
    elements.forEach(out::add);
    return out;
  }

  private static ObjectNode object(Map<String, JsonNode> sorted) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
      out.set(entry.getKey(), entry.getValue());
    }
    return out;
  }

  private static JsonNode scalar(Object value, Scalar scalar, JsonPath path) {
    expect(value, scalar.javaType(), path);
    return switch (scalar) {
      case STRING -> NODES.stringNode((String) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case INT -> NODES.numberNode(((Integer) value).intValue());
      case LONG -> NODES.numberNode(((Long) value).longValue());
      case DOUBLE -> {
        double number = (Double) value;
        if (!Double.isFinite(number)) {
          throw refuse(path, "is " + number + ", which JSON cannot represent");
        }
        yield NODES.numberNode(number);
      }
      case ZONE_ID -> NODES.stringNode(((ZoneId) value).getId());
      case INSTANT, DURATION, LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME, URI ->
          NODES.stringNode(value.toString());
    };
  }

  private static Object expect(Object value, Class<?> type, JsonPath path) {
    if (!type.isInstance(value)) {
      throw refuse(
          path, "is a " + value.getClass().getName() + ", but its type is " + type.getName());
    }
    return value;
  }

  private static IllegalArgumentException refuse(JsonPath path, String problem) {
    return new IllegalArgumentException("cannot write " + path + ": it " + problem);
  }
}
