package dev.mcpworkbench.oauth.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.oauth.challenge.Challenge;
import java.util.Optional;

/**
 * What an authorization server or an MCP server said when it refused: the RFC 6749 error object
 * ({@code error}, {@code error_description}, {@code error_uri}) of a JSON body, or the same
 * parameters of a Bearer challenge (RFC 6750). A refusal keeps its cause in every message the
 * user reads. The text comes from the other side: it is cut to one line of printable characters.
 */
final class OAuthErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LENGTH = 300;

    private OAuthErrors() {
    }

    /** "error: description (error_uri)" of a JSON error body, if the body is one. */
    static Optional<String> ofBody(String body) {
        if (body == null || body.isBlank()) return Optional.empty();
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json == null || !json.isObject() || !json.hasNonNull("error")) return Optional.empty();
            return Optional.of(describe(json.get("error").asText(), json.path("error_description").asText(""),
                    json.path("error_uri").asText("")));
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    /** "error: description" of a Bearer challenge that carries an error. */
    static Optional<String> ofChallenge(Challenge challenge) {
        return challenge.param("error").map(error -> describe(error, challenge.param("error_description").orElse(""),
                challenge.param("error_uri").orElse("")));
    }

    private static String describe(String error, String description, String uri) {
        return oneLine(error) + (description.isBlank() ? "" : ": " + oneLine(description))
                + (uri.isBlank() ? "" : " (" + oneLine(uri) + ")");
    }

    /** One line, no control characters (a server's escape sequences never reach a terminal), bounded. */
    static String oneLine(String text) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}|\\p{Cf}", "").strip();
        return flat.length() > MAX_LENGTH ? flat.substring(0, MAX_LENGTH) + "..." : flat;
    }
}
