package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.inspector.payload.PayloadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the exerciser may do.
 *
 * @param allowWrites  call every tool, not only those annotated readOnlyHint: true
 * @param calls        exactly these calls (tool + arguments) instead of generated ones, or null
 * @param probeInputs  also send SCHEMA-007's crafted inputs (to the same tools)
 * @param cloakCheckClient the clientInfo.name of a second session whose tool list is compared
 *                     (DRIFT-002 cloaking), or null to skip the check
 * @param overallLimit how long all the calls together may take (tools × timeout is unbounded);
 *                     when it runs out the rest are skipped and the report says so
 *                     ({@link #DEFAULT_OVERALL_LIMIT} when null)
 */
public record ExerciseOptions(boolean allowWrites, List<PlannedCall> calls, boolean probeInputs, PayloadLimits limits,
                              String cloakCheckClient, Duration overallLimit) {

    /** Ten minutes: a server with a hundred tools that each answer in a few seconds fits; one that hangs every call does not hold a CI job. */
    public static final Duration DEFAULT_OVERALL_LIMIT = Duration.ofMinutes(10);

    public ExerciseOptions {
        overallLimit = overallLimit == null || overallLimit.isNegative() || overallLimit.isZero() ? DEFAULT_OVERALL_LIMIT : overallLimit;
    }

    public ExerciseOptions(boolean allowWrites, List<PlannedCall> calls, boolean probeInputs, PayloadLimits limits,
                           String cloakCheckClient) {
        this(allowWrites, calls, probeInputs, limits, cloakCheckClient, null);
    }

    /** What popular agent clients send; servers that cloak show it the real list. */
    public static final String DEFAULT_CLOAK_CHECK_CLIENT = "claude-ai";

    public ExerciseOptions(boolean allowWrites, List<PlannedCall> calls, boolean probeInputs, PayloadLimits limits) {
        this(allowWrites, calls, probeInputs, limits, DEFAULT_CLOAK_CHECK_CLIENT);
    }

    public ExerciseOptions withCloakCheckClient(String clientName) {
        return new ExerciseOptions(allowWrites, calls, probeInputs, limits, clientName == null || clientName.isBlank() ? null : clientName, overallLimit);
    }

    /** @param arguments the arguments to send, or null to generate them from the tool's schema */
    public record PlannedCall(String tool, JsonNode arguments) {
    }

    public static ExerciseOptions readOnly() {
        return new ExerciseOptions(false, null, false, PayloadLimits.defaults());
    }

    public ExerciseOptions withProbeInputs(boolean probe) {
        return new ExerciseOptions(allowWrites, calls, probe, limits, cloakCheckClient, overallLimit);
    }

    public ExerciseOptions withAllowWrites(boolean allow) {
        return new ExerciseOptions(allow, calls, probeInputs, limits, cloakCheckClient, overallLimit);
    }

    public ExerciseOptions withCalls(List<PlannedCall> planned) {
        return new ExerciseOptions(allowWrites, planned, probeInputs, limits, cloakCheckClient, overallLimit);
    }

    public ExerciseOptions withOverallLimit(Duration limit) {
        return new ExerciseOptions(allowWrites, calls, probeInputs, limits, cloakCheckClient, limit);
    }

    /**
     * Reads a calls file: a JSON array of {@code {"tool": "name", "arguments": {...}}}; without
     * "arguments" they are generated from the tool's input schema.
     *
     * @throws IOException with a one-line reason when the file is unreadable or malformed
     */
    public static List<PlannedCall> readCalls(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException("Cannot read calls file " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray()) throw new IOException("Calls file " + file + " must hold a JSON array of {\"tool\", \"arguments\"}");
        List<PlannedCall> calls = new ArrayList<>();
        for (JsonNode c : root) {
            if (!c.path("tool").isTextual()) throw new IOException("Calls file " + file + ": every entry needs a \"tool\" name");
            calls.add(new PlannedCall(c.get("tool").asText(), c.path("arguments").isObject() ? c.get("arguments") : null));
        }
        return calls;
    }
}
