package dev.signalbox.reviewers.export;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas of SARIF 2.1.0 and reviewdog's Diagnostic, kept as test resources (see
 * {@code schemas/SOURCES.md} for where each came from), loaded with networknt's validator.
 */
final class PublishedSchemas {
  static final Schema SARIF = load("/schemas/sarif-schema-2.1.0.json");
  static final Schema REVIEWDOG_DIAGNOSTIC = load("/schemas/reviewdog-Diagnostic.json");

  private PublishedSchemas() {}

  private static Schema load(String resource) {
    try (InputStream in = PublishedSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems {@code schema} finds in {@code document}, as text. */
  static List<String> problems(Schema schema, JsonNode document) {
    return schema.validate(document).stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .toList();
  }

  static List<Error> errors(Schema schema, JsonNode document) {
    return schema.validate(document);
  }
}
