package io.ballot.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test helper: the JSON schemas the reports must conform to. The SARIF 2.1.0 schema is a copy of the OASIS one in
 * the test resources; its {@code id} is mapped to that copy, so nothing is fetched. The JSON report's schema is
 * docs/schema/result.schema.json (tests run in cli/, so it is at ../docs).
 */
public final class Schemas {
  private static final String SARIF_ID =
      "https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json";

  private Schemas() {}

  /** The SARIF 2.1.0 schema. */
  public static JsonSchema sarif() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
        b -> b.schemaMappers(m -> m.mapPrefix(SARIF_ID, "classpath:schemas/sarif-2.1.0-rtm.5.json")));
    return factory.getSchema(SchemaLocation.of(SARIF_ID));
  }

  /** Ballot's JSON report schema. */
  public static JsonSchema result() throws IOException {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    try (InputStream in = Files.newInputStream(Path.of("..", "docs", "schema", "result.schema.json"))) {
      return factory.getSchema(in);
    }
  }

  /** The schema's complaints about {@code json}, one a line; empty when valid. */
  public static String problems(JsonSchema schema, JsonNode json) {
    Set<ValidationMessage> errors = schema.validate(json);
    return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
  }

  /** Reads a JSON file. */
  public static JsonNode read(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }
}
