package dev.signalbox.core.json;

import com.google.common.primitives.Primitives;
import dev.signalbox.core.SignalboxException;
import dev.signalbox.core.json.Form.EnumForm;
import dev.signalbox.core.json.Form.ListForm;
import dev.signalbox.core.json.Form.MapForm;
import dev.signalbox.core.json.Form.OptionalForm;
import dev.signalbox.core.json.Form.RecordForm;
import dev.signalbox.core.json.Form.Scalar;
import dev.signalbox.core.json.Form.SealedForm;
import dev.signalbox.core.json.Form.SetForm;
import dev.signalbox.core.json.Form.TextRecordForm;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLSchema;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A codec between Signalbox values and JSON or YAML documents: {@link #json()} for machines, {@link
 * #yaml()} for files people write. Reading reports <em>every</em> problem of a document at once,
 * each with its JSON path, and never builds part of a value.
 *
 * <p>The mapping is driven by the Java types, not by annotations:
 *
 * <ul>
 *   <li><b>Documents</b> hold a record or a sealed interface of records: an object whose first
 *       field is {@code "formatVersion": 1}, followed by the value's fields. Reading requires the
 *       version; a document of another version is refused without looking further.
 *   <li><b>Records</b> are objects with one field per component, named and ordered as the
 *       components. Unknown fields are refused (unless {@link #ignoringUnknownFields()}); a field
 *       that is absent or {@code null} is required, except that an {@code Optional} reads as empty
 *       and a collection or map as empty. Records are built through their canonical constructor
 *       once every component was read; an {@link dev.signalbox.core.InvalidValueException} it
 *       throws is reported under the field it names, anything else as {@code cannot build Type:
 *       message}.
 *   <li><b>Records of a single {@code String}</b> ({@code RepoPath}, {@code ChangeId}) are plain
 *       strings; the constructor's complaint is reported at the string itself.
 *   <li><b>Sealed interfaces</b> of records (possibly through nested sealed interfaces) are the
 *       chosen record's object with a first field {@code "type"}: the record's simple name in kebab
 *       case ({@code OneOff} is {@code one-off}). A record permitted by a sealed interface is
 *       always written with its type, whatever the declared type, so that it reads back both as the
 *       interface and as the record; read as the record, the type may be left out. Such a record is
 *       an object even when its only component is a String.
 *   <li><b>{@code Optional}</b> record components are written only when present. {@code List},
 *       {@code Collection} and {@code Set} are arrays; a set refuses duplicate elements and is
 *       written sorted by each element's compact JSON text. {@code Map}s are objects whose keys are
 *       strings, enum names or records of a single String, written sorted by key.
 *   <li><b>Scalars</b>: {@code String} from a JSON string only, {@code boolean} from a boolean,
 *       {@code int} and {@code long} from an integral number in range ({@code 1.0} and {@code 1e3}
 *       are integral, {@code 1.5} and {@code "1"} are not), {@code double} from any finite number,
 *       enums by constant name, {@code Instant} as RFC 3339 with {@code Z} or an offset (written in
 *       UTC), {@code Duration}, {@code LocalDate}, {@code LocalTime} and {@code LocalDateTime} as
 *       ISO-8601, {@code ZoneId} by id and {@code URI} as text. A value of the wrong kind is
 *       reported as {@code must be a string, was 42}; a wrong enum constant or type id as {@code
 *       must be one of [A, B], was "c"}; a wrong date, time, zone or URI with an example of the
 *       expected form.
 * </ul>
 *
 * <p>YAML is read with YAML 1.2's core schema: {@code ~}, {@code null} and an empty value are null
 * (that is, absent); {@code true} and {@code false} in any capitalisation are booleans; {@code yes}
 * and {@code no} are strings.
 *
 * <p>Paths read {@code $}, {@code .field}, {@code [index]} and, for a name that is not an
 * identifier, {@code ['odd key']}. Problems are listed in document order: within an object, its
 * fields' problems as the fields appear, then its missing fields. Text that does not parse, an
 * empty document, duplicate keys, content after the document, YAML aliases and YAML tags are one
 * problem at {@code $} giving the line and column. At most 100 problems are listed; a document with
 * more ends the list with one saying how many more there were.
 *
 * <p>A type the codec cannot map — an array, a type variable, a record or sealed interface with
 * type parameters, a class that is none of the above, a record permitted by a sealed interface with
 * a component named {@code type} — is a programming error: {@link IllegalStateException} on first
 * use. A record in another named module must be public in an exported package, or in a package
 * opened to {@code dev.signalbox.core}.
 *
 * <p>A null argument is refused with an {@link IllegalArgumentException} naming it. Instances are
 * immutable and thread-safe; class metadata is cached per class.
 */
public final class DocumentCodec {
  /** The format version this codec writes and the only one it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ClassValue<Boolean> CHECKED =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          checkAll(Form.of(type), new HashSet<>());
          return Boolean.TRUE;
        }
      };

  private final ObjectMapper mapper;
  private final ObjectWriter printer;
  private final String formatName;
  private final boolean yaml;
  private final String trailer;
  private final boolean ignoreUnknownFields;

  private DocumentCodec(
      ObjectMapper mapper,
      ObjectWriter printer,
      String formatName,
      boolean yaml,
      boolean ignoreUnknownFields) {
    this.mapper = mapper;
    this.printer = printer;
    this.formatName = formatName;
    this.yaml = yaml;
    this.trailer = yaml ? "" : "\n";
    this.ignoreUnknownFields = ignoreUnknownFields;
  }

  /**
   * A codec like this one that skips fields it does not know instead of refusing them: for reading
   * documents that a newer producer wrote. The default refuses them, so that a misspelt field (a
   * {@code dependOn} for {@code dependsOn}) is never silently dropped.
   */
  public DocumentCodec ignoringUnknownFields() {
    return new DocumentCodec(mapper, printer, formatName, yaml, true);
  }

  /** The JSON codec: pretty-printed output, strict input (no comments, no duplicate keys). */
  public static DocumentCodec json() {
    return JsonCodec.INSTANCE;
  }

  /** The YAML codec: block-style output, strict input (no duplicate keys, aliases or tags). */
  public static DocumentCodec yaml() {
    return YamlCodec.INSTANCE;
  }

  private static final class JsonCodec {
    static final DocumentCodec INSTANCE = create();

    private static DocumentCodec create() {
      JsonMapper mapper =
          JsonMapper.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              // parse() looks for content after the document itself, to say so plainly
              .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
              .build();
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      DefaultPrettyPrinter pretty =
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(indenter)
              .withArrayIndenter(indenter);
      return new DocumentCodec(mapper, mapper.writer().with(pretty), "JSON", false, false);
    }
  }

  private static final class YamlCodec {
    static final DocumentCodec INSTANCE = create();

    private static DocumentCodec create() {
      YAMLMapper mapper =
          // YAML 1.2's core schema: ~, null and an empty value are null, as people who write YAML
          // expect (the JSON schema would read ~ as the string "~")
          YAMLMapper.builder(YAMLFactory.builder().yamlSchema(YAMLSchema.CORE).build())
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              // parse() looks for content after the document itself, to say so plainly
              .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
              .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
              .build();
      return new DocumentCodec(mapper, mapper.writer(), "YAML", true, false);
    }
  }

  /**
   * Reads a document holding a {@code type}.
   *
   * @param document the text of the document
   * @param type a record or a sealed interface of records
   * @throws InvalidDocumentException listing every problem, if the document does not hold a valid
   *     {@code type}
   * @throws IllegalArgumentException if {@code type} is not a record or sealed interface whose
   *     values are objects
   * @throws IllegalStateException if the codec cannot map {@code type} or a type it contains
   */
  public <T> T read(String document, Class<T> type) {
    required("document", document);
    required("type", type);
    Form form = documentForm(type);
    JsonNode root = parse(document, type);
    TreeReader reader = new TreeReader(ignoreUnknownFields);
    Object value = reader.readDocument(root, form, FORMAT_VERSION);
    if (value == null || !reader.problems().isEmpty()) {
      throw new InvalidDocumentException(type, reader.problems());
    }
    return type.cast(value);
  }

  /**
   * Reads the document in {@code file}, which must be UTF-8, holding a {@code type}.
   *
   * @throws SignalboxException naming the file, if it cannot be read
   * @throws InvalidDocumentException naming the file and listing every problem, if the document
   *     does not hold a valid {@code type}
   * @throws IllegalArgumentException if {@code type} is not a record or sealed interface whose
   *     values are objects
   * @throws IllegalStateException if the codec cannot map {@code type} or a type it contains
   */
  public <T> T read(Path file, Class<T> type) {
    required("file", file);
    required("type", type);
    documentForm(type);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new SignalboxException("cannot read " + file + ": it is not UTF-8 text", e);
    } catch (IOException e) {
      throw new SignalboxException("cannot read " + file + ": " + e, e);
    }
    try {
      return read(text.startsWith("\uFEFF") ? text.substring(1) : text, type);
    } catch (InvalidDocumentException e) {
      throw new InvalidDocumentException(type, e.problems(), file.toString());
    }
  }

  /**
   * Writes {@code value} as a document: {@code formatVersion} first, then its fields.
   *
   * @param value a record (possibly one permitted by a sealed interface)
   * @throws IllegalArgumentException if {@code value} is not a record written as an object, or
   *     holds something that cannot be written (a null, a non-finite double), naming the path
   * @throws IllegalStateException if the codec cannot map the value's type or a type it contains
   */
  public String write(Object value) {
    required("value", value);
    Form form = TreeWriter.formOf(value);
    if (!(form instanceof RecordForm record)) {
      throw new IllegalArgumentException(
          "a document holds a record or a sealed interface of records, not "
              + value.getClass().getName());
    }
    check(record.type());
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put(TreeReader.FORMAT_VERSION_FIELD, FORMAT_VERSION);
    document.setAll(TreeWriter.record(value, RecordShape.of(record.type()), JsonPath.ROOT));
    return print(document);
  }

  /**
   * Writes {@code value} as a tree, without a format version: to embed it in another document.
   * Collections and maps are written from their elements' classes.
   *
   * @throws IllegalArgumentException if {@code value} holds something that cannot be written,
   *     naming the path
   * @throws IllegalStateException if the codec cannot map the value's type or a type it contains
   */
  public JsonNode toTree(Object value) {
    required("value", value);
    if (!(value instanceof Collection || value instanceof Map)) {
      check(TreeWriter.formOf(value));
    }
    return TreeWriter.writeAny(value, JsonPath.ROOT);
  }

  /**
   * Reads a tree, without a format version, as a {@code type}; paths in problems start at the
   * tree's root.
   *
   * @throws InvalidDocumentException listing every problem
   * @throws IllegalStateException if the codec cannot map {@code type} or a type it contains
   */
  public <T> T fromTree(JsonNode node, Class<T> type) {
    required("node", node);
    required("type", type);
    return Primitives.wrap(type).cast(fromTree(node, (Type) type));
  }

  /**
   * Reads a tree, without a format version, as a value of a generic {@code type} such as {@code
   * List<RepoPath>}; a missing node or a JSON null reads as an empty collection or map.
   *
   * @throws InvalidDocumentException listing every problem
   * @throws IllegalStateException if the codec cannot map {@code type} or a type it contains
   */
  public Object fromTree(JsonNode node, Type type) {
    required("node", node);
    required("type", type);
    Form form = Form.of(type);
    check(form);
    TreeReader reader = new TreeReader(ignoreUnknownFields);
    Object value = reader.readValue(node, form);
    if (value == null || !reader.problems().isEmpty()) {
      throw new InvalidDocumentException(rawClass(type), reader.problems());
    }
    return value;
  }

  /** Refuses a null argument with a message naming it, rather than a bare NullPointerException. */
  private static void required(String name, @Nullable Object argument) {
    if (argument == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }

  private static Form documentForm(Class<?> type) {
    if (type.isRecord() || (type.isInterface() && type.isSealed())) {
      Form form = Form.of(type);
      if (form instanceof RecordForm || form instanceof SealedForm) {
        check(type);
        return form;
      }
    }
    throw new IllegalArgumentException(
        "a document holds a record or a sealed interface of records, not " + type.getName());
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  /** Checks, once per class, that every type reachable from {@code type} can be mapped. */
  private static void check(Class<?> type) {
    CHECKED.get(type);
  }

  private static void check(Form form) {
    if (form instanceof RecordForm record) {
      check(record.type());
    } else if (form instanceof TextRecordForm text) {
      check(text.type());
    } else if (form instanceof SealedForm sealed) {
      check(sealed.type());
    } else if (form instanceof OptionalForm optional) {
      check(optional.element());
    } else if (form instanceof ListForm list) {
      check(list.element());
    } else if (form instanceof SetForm set) {
      check(set.element());
    } else if (form instanceof MapForm map) {
      check(map.key());
      check(map.value());
    }
  }

  // Walks with its own set of seen classes rather than through CHECKED, so that recursive types
  // (a record holding a list of itself) do not recurse into a ClassValue being computed.
  private static void checkAll(Form form, Set<Class<?>> seen) {
    if (form instanceof Scalar || form instanceof EnumForm) {
      return;
    }
    if (form instanceof RecordForm record) {
      if (seen.add(record.type())) {
        for (RecordShape.Component component : RecordShape.of(record.type()).components()) {
          checkAll(component.form(), seen);
        }
      }
    } else if (form instanceof TextRecordForm text) {
      RecordShape.of(text.type());
    } else if (form instanceof SealedForm sealed) {
      if (seen.add(sealed.type())) {
        for (Class<?> variant : SealedShape.of(sealed.type()).variants().values()) {
          checkAll(new RecordForm(variant), seen);
        }
      }
    } else if (form instanceof OptionalForm optional) {
      checkAll(optional.element(), seen);
    } else if (form instanceof ListForm list) {
      checkAll(list.element(), seen);
    } else if (form instanceof SetForm set) {
      checkAll(set.element(), seen);
    } else if (form instanceof MapForm map) {
      checkAll(map.key(), seen);
      checkAll(map.value(), seen);
    }
  }

  private String print(JsonNode tree) {
    return printer.writeValueAsString(tree) + trailer;
  }

  private JsonNode parse(String text, Class<?> type) {
    try {
      if (yaml) {
        refuseAliasesAndTags(text, type);
      }
      try (JsonParser parser = mapper.createParser(text)) {
        JsonNode root = mapper.readTree(parser);
        if (root == null || root.isMissingNode()) {
          throw invalid(type, "the document is empty");
        }
        if (parser.nextToken() != null) {
          throw invalid(
              type, "unexpected content after the document" + at(parser.currentTokenLocation()));
        }
        return root;
      }
    } catch (JacksonException e) {
      throw invalid(type, "malformed " + formatName + at(e.getLocation()) + ": " + describe(e));
    }
  }

  // Jackson reads an alias as the anchor's name, a string, and drops a tag: either way a document
  // would silently mean something else than its author wrote.
  private void refuseAliasesAndTags(String text, Class<?> type) {
    try (JsonParser parser = mapper.createParser(text)) {
      while (parser.nextToken() != null) {
        if (!(parser instanceof YAMLParser yamlParser)) {
          continue;
        }
        if (yamlParser.isCurrentAlias()) {
          throw invalid(
              type,
              "YAML aliases (*"
                  + parser.getString()
                  + ") are not supported"
                  + at(parser.currentTokenLocation()));
        }
        String tag = yamlParser.getRawTag();
        if (tag != null) {
          throw invalid(
              type,
              "YAML tags (" + tag + ") are not supported" + at(parser.currentTokenLocation()));
        }
      }
    }
  }

  private static String at(@Nullable TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The parser's complaint without the source excerpts SnakeYAML adds to it. */
  private static String describe(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    StringBuilder out = new StringBuilder();
    for (String line : message.lines().toList()) {
      String trimmed = line.trim();
      if (trimmed.isEmpty()
          || trimmed.startsWith("in reader")
          || line.startsWith("    ")
          || trimmed.equals("^")) {
        continue;
      }
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(trimmed);
    }
    return out.length() == 0 ? e.getClass().getSimpleName() : out.toString();
  }

  private static InvalidDocumentException invalid(Class<?> type, String message) {
    return new InvalidDocumentException(type, List.of(new DocumentProblem("$", message)));
  }
}
