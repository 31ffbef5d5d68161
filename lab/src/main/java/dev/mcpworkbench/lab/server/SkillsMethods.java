package dev.mcpworkbench.lab.server;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code skills/list} and {@code skills/get} of the skills extension, which the SDK server does not
 * know: the HTTP endpoint answers them here before handing other requests to the SDK.
 */
public final class SkillsMethods {

    public static final String EXTENSION_ID = "io.modelcontextprotocol/skills";

    private final List<LabSkill> skills;

    public SkillsMethods(List<LabSkill> skills) {
        this.skills = List.copyOf(skills);
    }

    /** The answer to a skills request, or empty for any other method (or when there are no skills to serve). */
    public Optional<JSONRPCResponse> answer(JSONRPCRequest request) {
        if (skills.isEmpty()) return Optional.empty();
        return switch (request.method()) {
            case "skills/list" -> Optional.of(result(request, Map.of("skills", skills.stream().map(LabSkill::entry).toList())));
            case "skills/get" -> Optional.of(get(request));
            default -> Optional.empty();
        };
    }

    private JSONRPCResponse get(JSONRPCRequest request) {
        Object uri = request.params() instanceof Map<?, ?> params ? params.get("uri") : null;
        return skills.stream().filter(s -> s.uri().equals(uri)).findFirst()
                .map(s -> result(request, Map.of("skill", s.entry())))
                .orElseGet(() -> new JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), null,
                        new JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS, "No skill at " + uri, null)));
    }

    private static JSONRPCResponse result(JSONRPCRequest request, Object result) {
        return new JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result, null);
    }
}
