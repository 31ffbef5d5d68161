package dev.mcpworkbench.lab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SDK validates tool inputs and structured outputs through a {@link JsonSchemaValidator}.
 * The twin uses a real one; the flawed server accepts everything, which is exactly the flaw the
 * workbench's dynamic checks (SCHEMA-007, OUTPUT-002) must catch.
 */
public final class LabSchemaValidators {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private LabSchemaValidators() {
    }

    public static JsonSchemaValidator strict() {
        return LabSchemaValidators::validate;
    }

    public static JsonSchemaValidator acceptAll() {
        return (schema, content) -> ValidationResponse.asValid(Json.write(content));
    }

    private static ValidationResponse validate(Map<String, Object> schema, Object content) {
        JsonNode schemaNode = Json.MAPPER.valueToTree(schema);
        JsonNode contentNode = Json.MAPPER.valueToTree(content);
        List<Error> errors = REGISTRY.getSchema(schemaNode).validate(contentNode);
        if (errors.isEmpty()) {
            return ValidationResponse.asValid(Json.write(content));
        }
        return ValidationResponse.asInvalid("Validation failed: "
                + errors.stream().map(Error::getMessage).collect(Collectors.joining("; ")));
    }
}
