package dev.mcpworkbench.lab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SDK validates tool inputs and structured outputs through a {@link JsonSchemaValidator}.
 * The twin uses a real one; the flawed server accepts everything, which is exactly the flaw the
 * workbench's dynamic checks (SCHEMA-007, OUTPUT-002) must catch.
 */
public final class LabSchemaValidators {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

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
        Set<ValidationMessage> errors = FACTORY.getSchema(schemaNode).validate(contentNode);
        if (errors.isEmpty()) {
            return ValidationResponse.asValid(Json.write(content));
        }
        return ValidationResponse.asInvalid("Validation failed: "
                + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
    }
}
