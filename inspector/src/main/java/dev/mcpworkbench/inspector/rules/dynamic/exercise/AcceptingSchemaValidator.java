package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * A schema validator for the SDK client that accepts everything. An inspector must see what a
 * server really returns: if the SDK rejected off-schema structuredContent, OUTPUT-002 could never
 * report it. (It also keeps the SDK from loading its default validator, which needs a newer
 * networknt major version than the one this project pins.)
 */
public final class AcceptingSchemaValidator implements JsonSchemaValidator {

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return new ValidationResponse(true, null, null);
    }
}
