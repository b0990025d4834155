package dev.signalbox.core.json;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.Form.EnumForm;
import dev.signalbox.core.json.Form.ListForm;
import dev.signalbox.core.json.Form.MapForm;
import dev.signalbox.core.json.Form.OptionalForm;
import dev.signalbox.core.json.Form.RecordForm;
import dev.signalbox.core.json.Form.Scalar;
import dev.signalbox.core.json.Form.SealedForm;
import dev.signalbox.core.json.Form.SetForm;
import dev.signalbox.core.json.Form.TextRecordForm;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one tree as a Java value, recording every problem with its path instead of stopping at the
 * first; a value that had a problem anywhere below it is never built.
 *
 * <p>Not thread-safe: one reader per read.
 */
final class TreeReader {
  /** The name of the field that holds a document's format version. */
  static final String FORMAT_VERSION_FIELD = "formatVersion";

  /** The field that names the record of a sealed interface. */
  static final String TYPE_FIELD = "type";

  private static final int MAX_RENDERED = 100;

  private static final ClassValue<ImmutableMap<String, Object>> ENUM_CONSTANTS =
      new ClassValue<>() {
        @Override
        protected ImmutableMap<String, Object> computeValue(Class<?> type) {
          ImmutableMap.Builder<String, Object> constants = ImmutableMap.builder();
          for (Object constant : type.getEnumConstants()) {
            constants.put(((Enum<?>) constant).name(), constant);
          }
          return constants.buildOrThrow();
        }
      };

  /** Stands for a value that could not be read; its problems have been recorded. */
  private static final Object FAILED = new Object();

  /** At most this many problems are listed; a document with more says how many were left out. */
  static final int MAX_PROBLEMS = 100;

  private static final Pattern RFC_3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  private final List<DocumentProblem> problems = new ArrayList<>();
  private final boolean ignoreUnknownFields;
  private int unlisted;

  /** A reader that refuses unknown fields, or skips them when {@code ignoreUnknownFields}. */
  TreeReader(boolean ignoreUnknownFields) {
    this.ignoreUnknownFields = ignoreUnknownFields;
  }

  /**
   * The problems found so far, in document order: the first {@value #MAX_PROBLEMS}, then, if there
   * were more, one at {@code $} saying how many were left out.
   */
  List<DocumentProblem> problems() {
    if (unlisted == 0) {
      return problems;
    }
    List<DocumentProblem> listed = new ArrayList<>(problems);
    listed.add(
        new DocumentProblem(
            JsonPath.ROOT.toString(),
            "and " + unlisted + " more problem" + (unlisted == 1 ? "" : "s") + " not listed"));
    return listed;
  }

  /**
   * Reads a top-level document: an object with {@code formatVersion} and the fields of {@code
   * form}, a record or a sealed interface. Returns null if there were problems.
   */
  @Nullable Object readDocument(JsonNode root, Form form, int formatVersion) {
    if (!root.isObject()) {
      problem(JsonPath.ROOT, "must be an object, was " + render(root));
      return null;
    }
    JsonPath versionPath = JsonPath.ROOT.field(FORMAT_VERSION_FIELD);
    JsonNode version = root.get(FORMAT_VERSION_FIELD);
    if (isAbsent(version)) {
      problem(versionPath, "is required");
    } else {
      Object read = integer(version, versionPath, Integer.MIN_VALUE, Integer.MAX_VALUE);
      if (read != FAILED && ((Long) read).longValue() != formatVersion) {
        // The fields of another version cannot be judged by this one's rules: stop here.
        problem(
            versionPath,
            "unsupported format version "
                + read
                + ", this version of Signalbox reads "
                + formatVersion);
        return null;
      }
    }
    Object value;
    if (form instanceof RecordForm record) {
      value = readRecord(root, RecordShape.of(record.type()), JsonPath.ROOT, false, true);
    } else if (form instanceof SealedForm sealed) {
      value = readSealed(root, sealed.type(), JsonPath.ROOT, true);
    } else {
      throw new IllegalArgumentException("a document holds a record or a sealed interface");
    }
    return value == FAILED || !problems.isEmpty() ? null : value;
  }

  /** Reads a value that may be absent; returns null if there were problems. */
  @Nullable Object readValue(@Nullable JsonNode node, Form form) {
    Object value = readField(node, form, JsonPath.ROOT);
    return value == FAILED ? null : value;
  }

  private static boolean isAbsent(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** Reads a record component or a top-level value: null and absent read the same. */
  private Object readField(@Nullable JsonNode node, Form form, JsonPath path) {
    if (node == null || isAbsent(node)) { // the null test is for NullAway's flow analysis
      if (form instanceof OptionalForm) {
        return Optional.empty();
      }
      if (form instanceof ListForm) {
        return ImmutableList.of();
      }
      if (form instanceof SetForm) {
        return ImmutableSet.of();
      }
      if (form instanceof MapForm) {
        return ImmutableMap.of();
      }
      return problem(path, "is required");
    }
    if (form instanceof OptionalForm optional) {
      Object value = readPresent(node, optional.element(), path);
      return value == FAILED ? FAILED : Optional.of(value);
    }
    return readPresent(node, form, path);
  }

  /** Reads an element of an array or a value of a map, where null is not allowed. */
  private Object readElement(JsonNode node, Form form, JsonPath path) {
    if (isAbsent(node)) {
      return problem(path, "must not be null");
    }
    return readPresent(node, form, path);
  }

  private Object readPresent(JsonNode node, Form form, JsonPath path) {
    if (form instanceof Scalar scalar) {
      return readScalar(node, scalar, path);
    }
    if (form instanceof EnumForm enumForm) {
      return readConstant(node, enumForm.type(), path, "");
    }
    if (form instanceof TextRecordForm text) {
      if (!node.isString()) {
        return mismatch(path, "a string", node);
      }
      return readTextRecord(node.stringValue(), text.type(), path, "");
    }
    if (form instanceof RecordForm record) {
      return readRecord(node, RecordShape.of(record.type()), path, false, false);
    }
    if (form instanceof SealedForm sealed) {
      return readSealed(node, sealed.type(), path, false);
    }
    if (form instanceof ListForm list) {
      return readList(node, list.element(), path);
    }
    if (form instanceof SetForm set) {
      return readSet(node, set.element(), path);
    }
    if (form instanceof MapForm map) {
      return readMap(node, map, path);
    }
    throw new IllegalStateException("Optional is supported only as a record component: " + path);
  }

  private Object readRecord(
      JsonNode node, RecordShape shape, JsonPath path, boolean typeRead, boolean document) {
    if (!node.isObject()) {
      return mismatch(path, "an object", node);
    }
    List<RecordShape.Component> components = shape.components();
    Object[] arguments = new Object[components.size()];
    boolean[] seen = new boolean[components.size()];
    boolean failed = false;
    String variantId = shape.variantId();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      JsonNode value = property.getValue();
      if (document && name.equals(FORMAT_VERSION_FIELD)) {
        continue;
      }
      if (variantId != null && name.equals(TYPE_FIELD)) {
        // Read through its sealed interface, the type chose this record; read as the record
        // itself, a type is optional but must name it.
        if (!typeRead
            && !isAbsent(value)
            && !(value.isString() && value.stringValue().equals(variantId))) {
          problem(
              path.field(name),
              "must be " + InvalidValueException.render(variantId) + ", was " + render(value));
          failed = true;
        }
        continue;
      }
      int index = shape.indexOf(name);
      if (index < 0) {
        if (!ignoreUnknownFields) {
          problem(path.field(name), "unknown field, expected one of " + shape.names());
          failed = true;
        }
        continue;
      }
      seen[index] = true;
      Object read = readField(value, components.get(index).form(), path.field(name));
      if (read == FAILED) {
        failed = true;
      } else {
        arguments[index] = read;
      }
    }
    for (int i = 0; i < components.size(); i++) {
      if (!seen[i]) {
        RecordShape.Component component = components.get(i);
        Object read = readField(null, component.form(), path.field(component.name()));
        if (read == FAILED) {
          failed = true;
        } else {
          arguments[i] = read;
        }
      }
    }
    if (failed) {
      return FAILED;
    }
    try {
      return shape.construct(arguments);
    } catch (InvocationTargetException e) {
      return refused(e.getCause(), shape.type(), path, true, "");
    }
  }

  private Object readSealed(JsonNode node, Class<?> type, JsonPath path, boolean document) {
    if (!node.isObject()) {
      return mismatch(path, "an object", node);
    }
    SealedShape sealed = SealedShape.of(type);
    JsonNode id = node.get(TYPE_FIELD);
    JsonPath idPath = path.field(TYPE_FIELD);
    if (isAbsent(id)) {
      return problem(idPath, "is required, expected one of " + sealed.ids());
    }
    Class<?> variant = id.isString() ? sealed.variant(id.stringValue()) : null;
    if (variant == null) {
      return problem(idPath, "must be one of " + sealed.ids() + ", was " + render(id));
    }
    return readRecord(node, RecordShape.of(variant), path, true, document);
  }

  private Object readTextRecord(String text, Class<?> type, JsonPath path, String prefix) {
    try {
      return RecordShape.of(type).construct(new Object[] {text});
    } catch (InvocationTargetException e) {
      return refused(e.getCause(), type, path, false, prefix);
    }
  }

  /**
   * Records why a constructor refused its arguments: an {@link InvalidValueException} under the
   * field it names (or at {@code path} itself), anything else as a failure to build.
   */
  private Object refused(
      @Nullable Throwable cause, Class<?> type, JsonPath path, boolean relative, String prefix) {
    if (cause instanceof Error error) {
      throw error;
    }
    if (cause instanceof InvalidValueException invalid) {
      return problem(
          relative ? path.relative(invalid.field()) : path, prefix + invalid.problemWithValue());
    }
    String reason =
        cause == null
            ? "its constructor failed"
            : cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    return problem(path, prefix + "cannot build " + type.getSimpleName() + ": " + reason);
  }

  private Object readList(JsonNode node, Form element, JsonPath path) {
    if (!node.isArray()) {
      return mismatch(path, "an array", node);
    }
    ImmutableList.Builder<Object> values = ImmutableList.builderWithExpectedSize(node.size());
    boolean failed = false;
    for (int i = 0; i < node.size(); i++) {
      Object value = readElement(node.get(i), element, path.index(i));
      if (value == FAILED) {
        failed = true;
      } else {
        values.add(value);
      }
    }
    return failed ? FAILED : values.build();
  }

  private Object readSet(JsonNode node, Form element, JsonPath path) {
    if (!node.isArray()) {
      return mismatch(path, "an array", node);
    }
    Set<Object> values = new LinkedHashSet<>();
    boolean failed = false;
    for (int i = 0; i < node.size(); i++) {
      JsonPath elementPath = path.index(i);
      Object value = readElement(node.get(i), element, elementPath);
      if (value == FAILED) {
        failed = true;
      } else if (!values.add(value)) {
        problem(elementPath, "duplicate element");
        failed = true;
      }
    }
    return failed ? FAILED : ImmutableSet.copyOf(values);
  }

  private Object readMap(JsonNode node, MapForm form, JsonPath path) {
    if (!node.isObject()) {
      return mismatch(path, "an object", node);
    }
    Map<Object, Object> entries = new LinkedHashMap<>();
    boolean failed = false;
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      JsonPath entryPath = path.field(property.getKey());
      Object key = readKey(property.getKey(), form.key(), entryPath);
      Object value = readElement(property.getValue(), form.value(), entryPath);
      if (key == FAILED || value == FAILED) {
        failed = true;
      } else if (entries.putIfAbsent(key, value) != null) {
        problem(entryPath, "duplicate key, same as an earlier one");
        failed = true;
      }
    }
    return failed ? FAILED : ImmutableMap.copyOf(entries);
  }

  private Object readKey(String key, Form form, JsonPath path) {
    if (form instanceof EnumForm enumForm) {
      return constant(key, enumForm.type(), path, "key ");
    }
    if (form instanceof TextRecordForm text) {
      return readTextRecord(key, text.type(), path, "key ");
    }
    return key;
  }

  private Object readConstant(JsonNode node, Class<?> type, JsonPath path, String prefix) {
    if (!node.isString()) {
      return problem(
          path,
          prefix + "must be one of " + ENUM_CONSTANTS.get(type).keySet() + ", was " + render(node));
    }
    return constant(node.stringValue(), type, path, prefix);
  }

  private Object constant(String name, Class<?> type, JsonPath path, String prefix) {
    ImmutableMap<String, Object> constants = ENUM_CONSTANTS.get(type);
    Object constant = constants.get(name);
    if (constant == null) {
      return problem(
          path,
          prefix
              + "must be one of "
              + constants.keySet()
              + ", was "
              + InvalidValueException.render(name));
    }
    return constant;
  }

  private Object readScalar(JsonNode node, Scalar scalar, JsonPath path) {
    return switch (scalar) {
      case STRING -> node.isString() ? node.stringValue() : mismatch(path, "a string", node);
      case BOOLEAN -> node.isBoolean() ? node.booleanValue() : mismatch(path, "a boolean", node);
      case INT -> {
        Object value = integer(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        yield value == FAILED ? FAILED : Integer.valueOf(((Long) value).intValue());
      }
      case LONG -> integer(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
      case DOUBLE -> number(node, path);
      case INSTANT ->
          text(node, path, "an RFC 3339 instant such as 2026-11-26T09:40:00Z", TreeReader::rfc3339);
      case DURATION -> text(node, path, "an ISO-8601 duration such as PT1H30M", Duration::parse);
      case LOCAL_DATE -> text(node, path, "an ISO-8601 date such as 2026-11-26", LocalDate::parse);
      case LOCAL_TIME -> text(node, path, "an ISO-8601 time such as 09:40", LocalTime::parse);
      case LOCAL_DATE_TIME ->
          text(
              node,
              path,
              "an ISO-8601 local date and time such as 2026-11-26T09:40",
              LocalDateTime::parse);
      case ZONE_ID -> text(node, path, "a time zone id such as Europe/Paris", ZoneId::of);
      case URI -> text(node, path, "a URI", URI::create);
    };
  }

  private Object text(
      JsonNode node, JsonPath path, String expected, Function<String, Object> parser) {
    if (!node.isString()) {
      return mismatch(path, expected, node);
    }
    try {
      return parser.apply(node.stringValue());
    } catch (DateTimeException | IllegalArgumentException e) {
      return mismatch(path, expected, node);
    }
  }

  /** An integral number within {@code [min, max]}, as a Long. */
  private Object integer(JsonNode node, JsonPath path, long min, long max) {
    if (!node.isNumber()) {
      return mismatch(path, "an integer", node);
    }
    BigDecimal value;
    if (node.isIntegralNumber()) {
      value = new BigDecimal(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      value = node.decimalValue();
    } else if (Double.isFinite(node.doubleValue())) {
      value = BigDecimal.valueOf(node.doubleValue());
    } else {
      return mismatch(path, "an integer", node);
    }
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      return mismatch(path, "an integer", node);
    }
    if (value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      return mismatch(path, "an integer within [" + min + ", " + max + "]", node);
    }
    return value.longValueExact();
  }

  private Object number(JsonNode node, JsonPath path) {
    if (!node.isNumber()) {
      return mismatch(path, "a number", node);
    }
    double value;
    if (node.isBigDecimal()) {
      value = node.decimalValue().doubleValue();
    } else if (node.isIntegralNumber()) {
      value = node.bigIntegerValue().doubleValue();
    } else {
      value = node.doubleValue();
    }
    if (!Double.isFinite(value)) {
      return mismatch(path, "a finite number", node);
    }
    return value;
  }

  private Object mismatch(JsonPath path, String expected, JsonNode node) {
    return problem(path, "must be " + expected + ", was " + render(node));
  }

  private Object problem(JsonPath path, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(
          new DocumentProblem(path.toString(), message.isBlank() ? "is invalid" : message));
    } else {
      unlisted++;
    }
    return FAILED;
  }

  /**
   * Parses an RFC 3339 date-time: {@code ISO_OFFSET_DATE_TIME} alone also takes a time without
   * seconds and an offset with seconds, which RFC 3339 has not.
   */
  private static Instant rfc3339(String text) {
    if (!RFC_3339.matcher(text).matches()) {
      throw new IllegalArgumentException("not RFC 3339: " + text);
    }
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /**
   * Renders a node for a message: compact JSON, strings quoted and escaped, numbers as written
   * ({@code 1e10}, {@code 1.50}), cut at about {@value #MAX_RENDERED} characters.
   */
  static String render(JsonNode node) {
    if (node.isString()) {
      String text = node.stringValue();
      if (text.length() <= MAX_RENDERED) {
        return InvalidValueException.render(text);
      }
      int end =
          Character.isHighSurrogate(text.charAt(MAX_RENDERED - 1))
              ? MAX_RENDERED - 1
              : MAX_RENDERED;
      String quoted = InvalidValueException.render(text.substring(0, end));
      return quoted.substring(0, quoted.length() - 1) + "…\"";
    }
    if (node.isBigDecimal()) {
      return node.decimalValue().toString().replace("E+", "e").replace('E', 'e');
    }
    if (node.isDouble() || node.isFloat()) {
      return Double.toString(node.doubleValue());
    }
    String json = node.toString();
    if (json.length() <= MAX_RENDERED) {
      return json;
    }
    int end =
        Character.isHighSurrogate(json.charAt(MAX_RENDERED - 1)) ? MAX_RENDERED - 1 : MAX_RENDERED;
    return json.substring(0, end) + "…";
  }
}
